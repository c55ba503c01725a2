/**
 * Worker-thread entry of the parse pool (parse-pool.ts): parses the batches
 * it is sent with the same pure `parseArticle` the main thread uses and
 * answers in order. A thrown error is a bug, not a content problem: it is sent
 * back with the file it happened in, and the pool fails the build with it.
 */
import { parentPort } from "node:worker_threads";
import { parseArticle, type ParseResult } from "./parse-article.ts";
import type { WorkerRequest, WorkerResponse } from "./parse-pool.ts";

if (!parentPort) throw new Error("Cannot `start` parse-worker.ts outside a worker thread");
const port = parentPort;

port.on("message", ({ id, jobs }: WorkerRequest) => {
  const results: ParseResult[] = [];
  for (const job of jobs) {
    try {
      results.push(parseArticle(job.file, job.bytes));
    } catch (error) {
      const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
      port.postMessage({ id, error: { message, file: job.file, ...(stack ? { stack } : {}) } } satisfies WorkerResponse);
      return;
    }
  }
  port.postMessage({ id, results } satisfies WorkerResponse);
});
