/**
 * The parse pool's side in a worker thread (parse-pool.ts): parses the batches
 * it is sent with the same pure `parseArticle` the main thread would use and
 * answers in order. Before each file it notes in the memory it shares with
 * the pool which file it is on and, once the front matter is read, the
 * body's first line: the pool's watchdog reads them to name the file, and
 * the line, when a file overruns its time or memory. A thrown error is a
 * bug, not a content problem: it is sent back with the file it happened in,
 * and the pool fails the build with it. The worker's entry is
 * parse-worker.ts (tests start one of their own).
 */
import { readlinkSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { parseArticle, ParseResult } from "./parse-article.ts";
import { WorkerState, type WorkerRequest, type WorkerResponse } from "./parse-pool.ts";

/** Answers the pool's requests with `parse` (tests give one that misbehaves on cue). */
export function answerParseRequests(parse: typeof parseArticle): void {
  if (!parentPort) throw new Error("Cannot `answer` parse requests outside a worker thread");
  const port = parentPort;
  const state = new Int32Array((workerData as { state: SharedArrayBuffer }).state);
  // This thread's id in the operating system, so that the pool can read its processor time (Linux only).
  try {
    Atomics.store(state, WorkerState.Thread, Number(/task\/(\d+)$/.exec(readlinkSync("/proc/thread-self"))?.[1] ?? 0));
  } catch {
    // No /proc: the pool counts time on the clock.
  }

  port.on("message", ({ id, jobs }: WorkerRequest) => {
    const results: ParseResult[] = [];
    for (const [position, job] of jobs.entries()) {
      Atomics.store(state, WorkerState.BodyLine, 0);
      Atomics.store(state, WorkerState.Position, position);
      Atomics.store(state, WorkerState.Batch, id);
      Atomics.add(state, WorkerState.Sequence, 1);
      try {
        results.push(parse(job.file, job.bytes, (line) => Atomics.store(state, WorkerState.BodyLine, line)));
      } catch (error) {
        const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
        port.postMessage({ id, error: { message, file: job.file, ...(stack ? { stack } : {}) } } satisfies WorkerResponse);
        return;
      }
    }
    Atomics.store(state, WorkerState.Batch, -1);
    Atomics.add(state, WorkerState.Sequence, 1);
    port.postMessage({ id, results } satisfies WorkerResponse);
  });
}
