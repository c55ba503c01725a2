/**
 * Worker-thread entry of `writeSearchIndexInWorker` (search-index-cache.ts):
 * builds or restores the search index for the articles it is sent. Pagefind
 * is fed from this thread's own event loop, so the feeding does not wait on
 * Eleventy's rendering in the main thread.
 */
import type { Archive } from "../archive/build-archive.ts";
import { writeSearchIndexCached, type SearchIndexJob } from "./search-index-cache.ts";
import { answerWorkerJob } from "./worker-job.ts";

answerWorkerJob("search-index-worker.ts", (job: SearchIndexJob) =>
  // The indexer reads only `site` and `articles` of the Archive (see `writeSearchIndexInWorker`).
  writeSearchIndexCached({ site: job.site, articles: job.articles } as Archive, job.outputPath, job.options),
);
