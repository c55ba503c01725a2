/**
 * Parses article files on worker threads, each file within a budget of time
 * and memory that no input can stretch.
 *
 * `parseArticle` is pure and CPU-bound (the unified pipeline dominates), so N
 * workers parse about N times faster; but the budget is why every article is
 * parsed here, by `check` and the build alike, never on the main thread. The
 * limits of body-limits.ts refuse the shapes known to make the Markdown tools
 * slow before they are parsed; this is the backstop for the shapes nobody has
 * found yet. A watchdog notes when each worker starts a file (the worker
 * counts in memory shared with the pool); a worker still on one file after
 * the deadline is stopped, as is one that runs out of its heap
 * (`resourceLimits`), and that file gets an error naming it, the line where
 * its body begins and the limit. The rest of the worker's batches go to a new
 * worker in its place.
 *
 * Each worker runs `parse-worker.ts`: compiled to plain JavaScript when the
 * command was (scripts/run.mjs), else under tsx (registered by
 * `worker-bootstrap.mjs`, so it works under `node --import tsx`, under the
 * `tsx` command and under vitest alike), which takes a second or more longer
 * to start; work goes out in small batches, two
 * in flight per worker, so no worker idles while another has a long queue.
 * Results come back in input order and are exactly what `parseArticle`
 * returns, but for the files over budget.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { parseArticle, type ParseResult } from "./parse-article.ts";
import type { Problem } from "./problems.ts";

export interface ParseJob {
  /** Path relative to the project root, as records and problems carry it. */
  file: string;
  bytes: Uint8Array;
}

export interface ParsePoolOptions {
  /** Worker threads at most; defaults to the machine's available parallelism. */
  threads?: number;
  /**
   * Worker threads to start with (default all of them); more start, up to
   * `threads`, once `ONE_WORKER_BELOW` files wait.
   */
  startThreads?: number;
  /** Files per message to a worker. Default 16. */
  batchSize?: number;
  /** Time one file may take, in seconds (default `parseBudget().seconds`). */
  deadlineSeconds?: number;
  /** Heap a worker may use, in MB (default `parseBudget().memoryMb`). */
  memoryMb?: number;
  /** The worker's module; tests give one that misbehaves on cue. */
  entry?: URL;
}

/** A message to a worker: parse these files. */
export interface WorkerRequest {
  id: number;
  jobs: ParseJob[];
}

/** A worker's answer: one result per job, in order, or the bug that stopped it. */
export type WorkerResponse =
  { id: number; results: ParseResult[] } | { id: number; error: { message: string; stack?: string; file: string } };

/** What a worker notes in the memory it shares with the pool (an `Int32Array`), by index. */
export const WorkerState = {
  /** Counts every start of a file and every end of a batch: unchanged between two looks means one file all along. */
  Sequence: 0,
  /** The batch being parsed, or -1 when idle. */
  Batch: 1,
  /** The file's position in the batch sent. */
  Position: 2,
  /** The body's first line once the front matter is read; 0 before. */
  BodyLine: 3,
  /** The worker thread's id in the operating system (Linux), for its processor time; 0 where unknown. */
  Thread: 4,
} as const;
const STATE_SLOTS = 5;

/** Clock ticks per second of `/proc/.../stat` (Linux's USER_HZ, 100 on every architecture it runs on). */
const CLOCK_TICKS = 100;

/**
 * The processor time a thread of this process has used, in milliseconds,
 * read from `/proc` (Linux); undefined elsewhere or when the thread is gone.
 */
export function threadCpuMs(thread: number): number | undefined {
  if (thread <= 0) return undefined;
  try {
    const stat = readFileSync(`/proc/self/task/${thread}/stat`, "utf8");
    // After the command name in parentheses: state is field 3, utime and stime fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** A plain-JavaScript entry that registers tsx in the worker thread, then loads `workerData.entry`. */
export const WORKER_BOOTSTRAP = new URL("../lib/worker-bootstrap.mjs", import.meta.url);
const WORKER_ENTRY = new URL("./parse-worker.ts", import.meta.url);
/** Set only in commands compiled by scripts/run.mjs: the URL of parse-worker.ts compiled with them. */
declare const HEMEROTECA_COMPILED_PARSE_WORKER: string | undefined;
/** The compiled worker, started as it is; undefined under tsx. */
export const COMPILED_WORKER = typeof HEMEROTECA_COMPILED_PARSE_WORKER === "string" ? new URL(HEMEROTECA_COMPILED_PARSE_WORKER) : undefined;
/** Fewer files than this waiting are parsed on the workers running: starting one (about a second) would cost more than it saves. */
export const ONE_WORKER_BELOW = 200;
const DEFAULT_BATCH_SIZE = 16;
/** Batches in flight per worker: one being parsed, one waiting, so a worker never waits on the main thread. */
const IN_FLIGHT = 2;
/**
 * The time one file may take. A real article of a megabyte parses in one to
 * two seconds on a busy two-core machine; the bodies that take longer are
 * made to.
 */
export const PARSE_DEADLINE_SECONDS = 10;
/** The heap of one parse worker. A megabyte of ordinary Markdown needs a few hundred MB at most. */
export const PARSE_MEMORY_MB = 1024;

/**
 * The budget of one file: the defaults, or `HEMEROTECA_PARSE_SECONDS` and
 * `HEMEROTECA_PARSE_MEMORY_MB` when set (a slow machine may need more).
 */
export function parseBudget(env: NodeJS.ProcessEnv = process.env): { seconds: number; memoryMb: number } {
  const read = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === "") return fallback;
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0)
      throw new Error(`Cannot \`parse\` with ${name}=${JSON.stringify(value)}: it must be a positive number`);
    return number;
  };
  return {
    seconds: read("HEMEROTECA_PARSE_SECONDS", PARSE_DEADLINE_SECONDS),
    memoryMb: read("HEMEROTECA_PARSE_MEMORY_MB", PARSE_MEMORY_MB),
  };
}

export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Parses every job on this thread, in order, with no budget: only for tests
 * that compare it with the pool.
 */
export function parseInProcess(jobs: readonly ParseJob[]): ParseResult[] {
  return jobs.map((job) => parseArticle(job.file, job.bytes));
}

/** The problem of a file that overran its budget. */
export function overBudgetProblem(file: string, bodyLine: number, over: { seconds: number } | { memoryMb: number }): Problem {
  const part = bodyLine > 0 ? "the body" : "the front matter";
  const limit =
    "seconds" in over
      ? `took longer than ${over.seconds} s, the time one file may take`
      : `needed more than ${over.memoryMb} MB of memory, what one file may use`;
  return {
    file,
    line: bodyLine > 0 ? bodyLine : 1,
    column: 1,
    field: "",
    severity: "error",
    origin: "parse-budget",
    message: `${part} is not read: reading it ${limit}`,
    hint:
      bodyLine > 0
        ? "no article takes this: look for long runs of one kind of markup (`[`, `](`, `<`, `&`, `|`, `*`, `_`, `~`, `` ` ``) and write them as text, or split the article"
        : "no article takes this: shorten the front matter to the fields an article has",
  };
}

interface Batch {
  id: number;
  jobs: ParseJob[];
  /** Filled as answers come, and for files over budget. */
  results: Array<ParseResult | undefined>;
  resolve: (results: ParseResult[]) => void;
  reject: (error: Error) => void;
}

/** A batch sent to a worker: which of its jobs, by index, in the order sent. */
interface Sent {
  batch: Batch;
  indexes: number[];
}

interface Slot {
  worker: Worker;
  state: Int32Array;
  /** Batches sent and not yet answered, oldest first. */
  sent: Sent[];
  /** The last sequence number the watchdog saw, and when it first saw it: the time and the worker's processor time. */
  seen: { sequence: number; at: number; cpu: number | undefined };
  /** Stopped over a file's budget: its events no longer count. */
  retired: boolean;
}

/** A fixed number of parse workers fed from one queue; `close()` it when done. */
export class ParsePool {
  readonly threads: number;
  /** Workers replaced after a file overran its budget. */
  replaced = 0;
  private readonly batchSize: number;
  private readonly deadlineMs: number;
  private readonly deadlineSeconds: number;
  private readonly memoryMb: number;
  /** The module a worker starts from; with `workerData.entry` when that is the bootstrap. */
  private readonly entry: { start: URL; entry: URL };
  private readonly slots: Slot[] = [];
  private readonly stopping: Array<Promise<number>> = [];
  private readonly queue: Batch[] = [];
  private readonly watchdog: NodeJS.Timeout;
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(options: ParsePoolOptions = {}) {
    const budget = options.deadlineSeconds === undefined || options.memoryMb === undefined ? parseBudget() : undefined;
    this.threads = Math.max(1, options.threads ?? defaultThreadCount());
    const startThreads = Math.min(this.threads, Math.max(1, options.startThreads ?? this.threads));
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.deadlineSeconds = options.deadlineSeconds ?? budget!.seconds;
    this.deadlineMs = this.deadlineSeconds * 1000;
    this.memoryMb = options.memoryMb ?? budget!.memoryMb;
    // Tests' own workers are TypeScript, run through the bootstrap like the default one under tsx.
    this.entry =
      !options.entry && COMPILED_WORKER
        ? { start: COMPILED_WORKER, entry: COMPILED_WORKER }
        : { start: WORKER_BOOTSTRAP, entry: options.entry ?? WORKER_ENTRY };
    for (let i = 0; i < startThreads; i++) this.slots.push(this.start());
    // Looks a few times per deadline; a main thread busy elsewhere looks late, never wrongly (see `watch`).
    this.watchdog = setInterval(() => this.watch(), Math.min(1000, Math.max(10, this.deadlineMs / 5)));
    this.watchdog.unref();
  }

  /** Worker threads running now. */
  get running(): number {
    return this.slots.length;
  }

  /** Whether a bug stopped the pool (or it was closed): it parses nothing more. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Files queued but not yet sent to a worker. */
  get queued(): number {
    return this.queue.reduce((sum, batch) => sum + batch.results.filter((result) => !result).length, 0);
  }

  /** Parses the jobs on the workers; the results are in the order of `jobs`. */
  async parse(jobs: readonly ParseJob[]): Promise<ParseResult[]> {
    if (this.failure) throw this.failure;
    if (this.closing) throw new Error("Cannot `parse` with a closed pool");
    const pending: Array<Promise<ParseResult[]>> = [];
    for (let start = 0; start < jobs.length; start += this.batchSize) {
      const slice = jobs.slice(start, start + this.batchSize);
      pending.push(
        new Promise((resolve, reject) =>
          this.queue.push({ id: this.nextId++, jobs: slice, results: new Array(slice.length), resolve, reject }),
        ),
      );
    }
    while (this.slots.length < this.threads && this.queued >= ONE_WORKER_BELOW) this.slots.push(this.start());
    this.pump();
    return (await Promise.all(pending)).flat();
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.watchdog);
    this.fail(new Error("Cannot `parse`: the pool was closed"));
    await Promise.all([...this.slots.map((slot) => slot.worker.terminate()), ...this.stopping]);
  }

  private start(): Slot {
    workersStarted += 1;
    const shared = new SharedArrayBuffer(STATE_SLOTS * Int32Array.BYTES_PER_ELEMENT);
    const state = new Int32Array(shared);
    state[WorkerState.Batch] = -1;
    // The parent's flags (`--import tsx`) are not passed on: the bootstrap registers tsx itself, and the compiled worker needs none.
    const worker = new Worker(this.entry.start, {
      execArgv: [],
      workerData: { entry: this.entry.entry.href, state: shared },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    const slot: Slot = { worker, state, sent: [], seen: { sequence: 0, at: performance.now(), cpu: undefined }, retired: false };
    worker.on("message", (response: WorkerResponse) => {
      if (!slot.retired) this.receive(slot, response);
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (slot.retired) return;
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY" && this.overrun(slot, { memoryMb: this.memoryMb })) return;
      this.fail(new Error(`Cannot \`parse\` in a worker: the worker failed: ${error.message}`, { cause: error }));
    });
    worker.on("exit", (code) => {
      if (!this.closing && !slot.retired) this.fail(new Error(`Cannot \`parse\` in a worker: it exited with code \`${code}\``));
    });
    // After the listeners: adding a "message" listener refs the worker again, and an idle pool must not keep the process alive.
    worker.unref();
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (this.queue.length && slot.sent.length < IN_FLIGHT) {
        const batch = this.queue.shift()!;
        const indexes = batch.jobs.flatMap((_, index) => (batch.results[index] ? [] : [index]));
        if (indexes.length === 0) {
          batch.resolve(batch.results as ParseResult[]);
          continue;
        }
        slot.sent.push({ batch, indexes });
        slot.worker.postMessage({ id: batch.id, jobs: indexes.map((index) => batch.jobs[index]!) } satisfies WorkerRequest);
      }
      // An idle worker does not keep the process alive (the shared pool outlives builds); a busy one must.
      if (slot.sent.length) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private receive(slot: Slot, response: WorkerResponse): void {
    const at = slot.sent.findIndex((sent) => sent.batch.id === response.id);
    if (at < 0) return;
    const [{ batch, indexes }] = slot.sent.splice(at, 1) as [Sent];
    if ("error" in response) {
      const error = new Error(`Cannot \`parse\` \`${response.error.file}\`: ${response.error.message}`);
      if (response.error.stack) error.stack = `${error.message}\n    --- in the worker ---\n${response.error.stack}`;
      batch.reject(error);
      this.fail(error);
      return;
    }
    indexes.forEach((index, position) => (batch.results[index] = response.results[position]));
    batch.resolve(batch.results as ParseResult[]);
    this.pump();
  }

  /**
   * Stops every worker that has been on one file longer than the deadline.
   * A sequence number unchanged since the watchdog first saw it means the
   * worker has been on that file at least since then; a main thread that was
   * busy only makes the watchdog see it later. The time counted is the
   * worker thread's processor time where the system tells it (Linux), so
   * that a machine busy with other work does not fail a file that would pass
   * on an idle one; elsewhere, the time on the clock.
   */
  private watch(): void {
    const now = performance.now();
    for (const slot of [...this.slots]) {
      const sequence = Atomics.load(slot.state, WorkerState.Sequence);
      const cpu = threadCpuMs(Atomics.load(slot.state, WorkerState.Thread));
      if (sequence !== slot.seen.sequence) {
        slot.seen = { sequence, at: now, cpu };
        continue;
      }
      const spent = cpu !== undefined && slot.seen.cpu !== undefined ? cpu - slot.seen.cpu : now - slot.seen.at;
      if (Atomics.load(slot.state, WorkerState.Batch) >= 0 && spent >= this.deadlineMs)
        this.overrun(slot, { seconds: this.deadlineSeconds });
    }
  }

  /**
   * Ends a worker's file with an over-budget problem, stops the worker, puts
   * its other files back at the head of the queue and starts a worker in its
   * place. False when the worker was between files: then no file is to blame.
   */
  private overrun(slot: Slot, over: { seconds: number } | { memoryMb: number }): boolean {
    const batchId = Atomics.load(slot.state, WorkerState.Batch);
    const sent = slot.sent.find((entry) => entry.batch.id === batchId);
    const index = sent?.indexes[Atomics.load(slot.state, WorkerState.Position)];
    if (!sent || index === undefined) return false;
    slot.retired = true;
    this.stopping.push(slot.worker.terminate());
    const { file } = sent.batch.jobs[index]!;
    sent.batch.results[index] = { ok: false, problems: [overBudgetProblem(file, Atomics.load(slot.state, WorkerState.BodyLine), over)] };
    this.queue.unshift(...slot.sent.map((entry) => entry.batch));
    this.slots[this.slots.indexOf(slot)] = this.start();
    this.replaced++;
    this.pump();
    return true;
  }

  /** Rejects everything waiting: a broken worker means a bug, and the build must stop. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const batch of this.queue.splice(0)) batch.reject(this.failure);
    for (const slot of this.slots) for (const { batch } of slot.sent.splice(0)) batch.reject(this.failure);
  }
}

let shared: ParsePool | undefined;
/** Parse workers this process has started: `npm run check` reports it with its timings (`HEMEROTECA_TIMINGS=1`). */
let workersStarted = 0;

export function parseWorkersStarted(): number {
  return workersStarted;
}

/**
 * The process's pool, started with one worker on first use and kept: the dev
 * server's rebuilds, which parse a file or two, would otherwise wait a
 * second each for a worker to load. Its workers do not keep the process
 * alive while idle. A pool stopped by a bug is replaced.
 */
export function sharedParsePool(): ParsePool {
  if (!shared || shared.failed) shared = new ParsePool({ startThreads: 1 });
  return shared;
}

/** Parses every job on a pool started for this call and stopped after it. */
export async function parseInWorkers(jobs: readonly ParseJob[], options: ParsePoolOptions = {}): Promise<ParseResult[]> {
  const pool = new ParsePool({ startThreads: 1, ...options });
  try {
    return await pool.parse(jobs);
  } finally {
    await pool.close();
  }
}
