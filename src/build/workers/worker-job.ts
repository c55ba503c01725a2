/**
 * One job run on a worker thread of its own, beside Eleventy's rendering on
 * the main thread: the search index and the data exports need only the
 * records, so they need not wait for the pages. The worker answers once,
 * with the result or with the error that stopped it, and then ends.
 */
import { parentPort, Worker } from "node:worker_threads";
import { WORKER_BOOTSTRAP } from "../../records/parse-pool.ts";

type Reply<Result> = { ok: true; result: Result; ms: number } | { ok: false; message: string; stack?: string };

/**
 * A worker started before its job is known: loading TypeScript and the
 * job's modules takes a worker about a second, which it can spend while the
 * main thread still loads the archive. Until `run`, it does not keep the
 * process alive, so a build that fails first can end without `cancel`.
 */
export class WorkerJob<Job, Result extends object> {
  private readonly worker: Worker;
  private readonly action: string;
  private readonly exited: Promise<number>;

  /** `entry` is a module calling `answerWorkerJob`; `action` names the job in errors. */
  constructor(entry: URL, action: string) {
    this.action = action;
    this.worker = new Worker(WORKER_BOOTSTRAP, { execArgv: [], workerData: { entry: entry.href } });
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once("exit", resolve));
    // Until `run` listens, an error (a module that fails to load) must not count as unhandled; `run` reports it.
    this.worker.on("error", () => {});
  }

  /**
   * Sends the job and waits for the answer. `ms` is the job's time as the
   * worker measured it: the main thread, busy rendering, may see the answer later.
   */
  async run(job: Job): Promise<Result & { ms: number }> {
    const { worker, action } = this;
    worker.ref();
    try {
      const reply = await new Promise<Reply<Result>>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", (error) => reject(new Error(`Cannot \`${action}\` in a worker: ${error.message}`, { cause: error })));
        void this.exited.then((code) => reject(new Error(`Cannot \`${action}\` in a worker: it exited with code \`${code}\``)));
        worker.postMessage(job);
      });
      if (!reply.ok) {
        const error = new Error(reply.message);
        if (reply.stack) error.stack = `${reply.stack}\n    --- in the worker that was to ${action} ---`;
        throw error;
      }
      return { ...reply.result, ms: reply.ms };
    } finally {
      await worker.terminate();
    }
  }

  /** Ends a worker that will not be sent its job. */
  async cancel(): Promise<void> {
    await this.worker.terminate();
  }
}

/** In a worker entry: answers the one job this worker is sent with `handle`'s result or error. */
export function answerWorkerJob<Job, Result>(entryName: string, handle: (job: Job) => Promise<Result>): void {
  if (!parentPort) throw new Error(`Cannot \`start\` ${entryName} outside a worker thread`);
  const port = parentPort;
  port.once("message", async (job: Job) => {
    try {
      const started = performance.now();
      const result = await handle(job);
      port.postMessage({ ok: true, result, ms: performance.now() - started } satisfies Reply<Result>);
    } catch (error) {
      const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
      port.postMessage({ ok: false, message, ...(stack ? { stack } : {}) } satisfies Reply<Result>);
    }
  });
}
