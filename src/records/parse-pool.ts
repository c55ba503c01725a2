/**
 * Parses article files on worker threads: `parseArticle` is pure and CPU-bound
 * (the unified pipeline dominates), so N workers parse about N times faster.
 * Each worker runs `parse-worker.ts` under tsx (registered by
 * `worker-bootstrap.mjs`, so it works under `node --import tsx`, under
 * the `tsx` command and under vitest alike); work goes out in
 * small batches, two in flight per worker, so no worker idles while another
 * has a long queue. Results come back in input order and are exactly what
 * `parseArticle` returns in-process: the same records, the same problems.
 *
 * Starting a worker costs a few hundred milliseconds (loading the pipeline),
 * so small inputs are parsed in-process instead (`parseJobs`).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { parseArticle, type ParseResult } from "./parse-article.ts";

export interface ParseJob {
  /** Path relative to the project root, as records and problems carry it. */
  file: string;
  bytes: Uint8Array;
}

export interface ParsePoolOptions {
  /** Worker threads to start; defaults to the machine's available parallelism. */
  threads?: number;
  /** Files per message to a worker. Default 16. */
  batchSize?: number;
}

/** A message to a worker: parse these files. */
export interface WorkerRequest {
  id: number;
  jobs: ParseJob[];
}

/** A worker's answer: one result per job, in order, or the bug that stopped it. */
export type WorkerResponse =
  | { id: number; results: ParseResult[] }
  | { id: number; error: { message: string; stack?: string; file: string } };

/** A plain-JavaScript entry that registers tsx in the worker thread, then loads `workerData.entry`. */
export const WORKER_BOOTSTRAP = new URL("./worker-bootstrap.mjs", import.meta.url);
const WORKER_ENTRY = new URL("./parse-worker.ts", import.meta.url).href;
/** Fewer files than this are parsed in-process: starting workers would cost more than it saves. */
export const IN_PROCESS_BELOW = 200;
const DEFAULT_BATCH_SIZE = 16;
/** Batches in flight per worker: one being parsed, one waiting, so a worker never waits on the main thread. */
const IN_FLIGHT = 2;

export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism());
}

/** Parses every job in-process, in order. */
export function parseInProcess(jobs: readonly ParseJob[]): ParseResult[] {
  return jobs.map((job) => parseArticle(job.file, job.bytes));
}

interface Batch {
  id: number;
  jobs: ParseJob[];
  resolve: (results: ParseResult[]) => void;
  reject: (error: Error) => void;
}

/** A fixed set of parse workers fed from one queue; `close()` it when done. */
export class ParsePool {
  readonly threads: number;
  private readonly batchSize: number;
  private readonly workers: Worker[] = [];
  private readonly queue: Batch[] = [];
  private readonly inFlight = new Map<number, { batch: Batch; worker: Worker }>();
  private readonly load = new Map<Worker, number>();
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(options: ParsePoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? defaultThreadCount());
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    for (let i = 0; i < this.threads; i++) {
      // The parent's flags (`--import tsx`) are not passed on: the bootstrap registers tsx itself.
      const worker = new Worker(WORKER_BOOTSTRAP, { execArgv: [], workerData: { entry: WORKER_ENTRY } });
      this.workers.push(worker);
      this.load.set(worker, 0);
      worker.on("message", (response: WorkerResponse) => this.receive(worker, response));
      worker.on("error", (error) => this.fail(new Error(`Cannot \`parse\` in a worker: the worker failed: ${error.message}`, { cause: error })));
      worker.on("exit", (code) => {
        if (!this.closing) this.fail(new Error(`Cannot \`parse\` in a worker: it exited with code \`${code}\``));
      });
    }
  }

  /** Files queued but not yet sent to a worker. */
  get queued(): number {
    return this.queue.reduce((sum, batch) => sum + batch.jobs.length, 0);
  }

  /** Parses the jobs on the workers; the results are in the order of `jobs`. */
  async parse(jobs: readonly ParseJob[]): Promise<ParseResult[]> {
    if (this.failure) throw this.failure;
    if (this.closing) throw new Error("Cannot `parse` with a closed pool");
    const pending: Array<Promise<ParseResult[]>> = [];
    for (let start = 0; start < jobs.length; start += this.batchSize) {
      const slice = jobs.slice(start, start + this.batchSize);
      pending.push(new Promise((resolve, reject) => this.queue.push({ id: this.nextId++, jobs: slice, resolve, reject })));
    }
    this.pump();
    return (await Promise.all(pending)).flat();
  }

  async close(): Promise<void> {
    this.closing = true;
    this.fail(new Error("Cannot `parse`: the pool was closed"));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private pump(): void {
    for (const worker of this.workers) {
      while (this.queue.length && this.load.get(worker)! < IN_FLIGHT) {
        const batch = this.queue.shift()!;
        this.inFlight.set(batch.id, { batch, worker });
        this.load.set(worker, this.load.get(worker)! + 1);
        worker.postMessage({ id: batch.id, jobs: batch.jobs } satisfies WorkerRequest);
      }
    }
  }

  private receive(worker: Worker, response: WorkerResponse): void {
    const entry = this.inFlight.get(response.id);
    if (!entry) return;
    this.inFlight.delete(response.id);
    this.load.set(worker, this.load.get(worker)! - 1);
    if ("error" in response) {
      const error = new Error(`Cannot \`parse\` \`${response.error.file}\`: ${response.error.message}`);
      if (response.error.stack) error.stack = `${error.message}\n    --- in the worker ---\n${response.error.stack}`;
      entry.batch.reject(error);
      this.fail(error);
      return;
    }
    entry.batch.resolve(response.results);
    this.pump();
  }

  /** Rejects everything waiting: a broken worker means a bug, and the build must stop. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const batch of this.queue.splice(0)) batch.reject(this.failure);
    for (const { batch } of this.inFlight.values()) batch.reject(this.failure);
    this.inFlight.clear();
  }
}

/** Parses every job on a pool started for this call and stopped after it. */
export async function parseInWorkers(jobs: readonly ParseJob[], options: ParsePoolOptions = {}): Promise<ParseResult[]> {
  const pool = new ParsePool(options);
  try {
    return await pool.parse(jobs);
  } finally {
    await pool.close();
  }
}

/** In-process for small inputs, on workers for large ones. */
export async function parseJobs(jobs: readonly ParseJob[], options: ParsePoolOptions = {}): Promise<ParseResult[]> {
  if (jobs.length < IN_PROCESS_BELOW) return parseInProcess(jobs);
  return parseInWorkers(jobs, options);
}
