/**
 * Worker-thread entry of `writeSearchIndexInWorker` (search-index-cache.ts):
 * builds or restores the search index for the articles it is sent and answers
 * with the result, or with the error that stopped it. Pagefind is fed from
 * this thread's own event loop, so the feeding does not wait on Eleventy's
 * rendering in the main thread.
 */
import { parentPort } from "node:worker_threads";
import type { Archive } from "../archive/build-archive.ts";
import { writeSearchIndexCached, type SearchIndexJob, type SearchIndexReply } from "./search-index-cache.ts";

if (!parentPort) throw new Error("Cannot `start` search-index-worker.ts outside a worker thread");
const port = parentPort;

port.once("message", async (job: SearchIndexJob) => {
  try {
    // The indexer reads only `site` and `articles` of the Archive (see `writeSearchIndexInWorker`).
    const archive = { site: job.site, articles: job.articles } as Archive;
    const result = await writeSearchIndexCached(archive, job.outputPath, job.options);
    port.postMessage({ ok: true, result } satisfies SearchIndexReply);
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    port.postMessage({ ok: false, message, ...(stack ? { stack } : {}) } satisfies SearchIndexReply);
  }
});
