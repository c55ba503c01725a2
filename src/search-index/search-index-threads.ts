/**
 * The search index, made on worker threads while Eleventy renders.
 *
 * Pagefind indexes in a process of its own, but it is fed one record at a
 * time from JavaScript; fed from the main thread, every record waits for
 * Eleventy's rendering to yield, and indexing stretches over the whole
 * render. From a worker the feeding runs at Pagefind's own pace.
 *
 * One worker makes the bundles one after another from the start. When the
 * main thread has rendered the pages, a second worker is lent to the index if
 * bundles are still waiting to be made, and the two take the rest from one
 * queue (`BundleQueue`): in a cold build of 10,000 articles the index was the
 * last thing running, for about 14 s, on one of the two cores. Two Pagefind
 * processes side by side during the render only slowed the render down; after
 * it, the second core is idle. Bundles kept in the cache are not queued, so a
 * build that changed a bundle or two starts no second worker to put back the
 * others.
 *
 * The index is made of `articleToSearchRecord`, which reads the plain text:
 * the workers are sent the articles without their bodies and where each body
 * is (article-bodies.ts), and read each when its search record is made.
 */
import type { Archive } from "../archive/build-archive.ts";
import { bodiesAt, type BodyLocation } from "../records/article-bodies.ts";
import type { ArticleEntry } from "../records/article-record.ts";
import {
  finishSearchIndex,
  newBundleQueue,
  type BundleQueue,
  type ClaimedBundles,
  type SearchIndexOptions,
  type SearchIndexResult,
} from "./search-index-cache.ts";
import { WorkerJob } from "../build/workers/worker-job.ts";

/** What a worker of the index is sent. */
export interface SearchIndexJob {
  site: Archive["site"];
  articles: ArticleEntry[];
  /** Where each article's body is, in the order of `articles`: each is read when its search record is made. */
  bodies: BodyLocation[];
  outputPath: string;
  options: Omit<SearchIndexOptions, "write">;
  /** Shared with the other worker, not copied. */
  queue: BundleQueue;
  /** The first worker works out the bundles; a second one only claims. */
  first: boolean;
}

const WORKER_ENTRY = new URL("./search-index-worker.ts", import.meta.url);

/** A worker of the index, started ahead of its job (worker-job.ts). */
export function searchIndexWorker(): WorkerJob<SearchIndexJob, ClaimedBundles> {
  return new WorkerJob(WORKER_ENTRY, "index for search");
}

export interface SearchIndexTimes {
  /** The first worker's time. */
  ms: number;
  /** Bundles the second worker made or put back, and its time; 0 when none was lent. */
  secondShards: number;
  secondMs: number;
}

export class SearchIndexInWorkers {
  private readonly queue: BundleQueue;
  private readonly job: Omit<SearchIndexJob, "queue" | "first">;
  private readonly first: Promise<ClaimedBundles & { ms: number }>;
  private second: { worker: WorkerJob<SearchIndexJob, ClaimedBundles>; done: Promise<ClaimedBundles & { ms: number }> } | undefined;

  /** Starts indexing `archive` into `outputPath` (the site's `pagefind/` folder) on `worker`. */
  constructor(
    archive: Pick<Archive, "site" | "articles">,
    bodies: BodyLocation[],
    outputPath: string,
    options: Omit<SearchIndexOptions, "write"> = {},
    private readonly firstWorker = searchIndexWorker(),
  ) {
    this.job = { site: archive.site, articles: archive.articles, bodies, outputPath, options };
    this.queue = newBundleQueue(archive.articles.length);
    this.first = firstWorker.run({ ...this.job, queue: this.queue, first: true });
    // Awaited in `result`; until then a failure must not count as unhandled.
    this.first.catch(() => {});
  }

  /**
   * Lends the index a second worker, if bundles are still waiting to be
   * made (not only put back from the cache). For when the main thread has a
   * core to spare. True when it did.
   */
  lendSecondWorker(): boolean {
    const bundles = Atomics.load(this.queue, 1);
    if (this.second || bundles === 0 || Atomics.load(this.queue, 0) >= bundles) return false;
    const worker = searchIndexWorker();
    this.second = { worker, done: worker.run({ ...this.job, queue: this.queue, first: false }) };
    this.second.done.catch(() => {});
    return true;
  }

  /** The whole index, once every bundle is written; a worker's failure ends the other. */
  async result(): Promise<SearchIndexResult & SearchIndexTimes> {
    let first: ClaimedBundles & { ms: number };
    let second: (ClaimedBundles & { ms: number }) | undefined;
    try {
      [first, second] = await Promise.all([this.first, this.second?.done]);
    } catch (error) {
      await this.cancel();
      throw error;
    }
    // The recent index, if any, is made here, of the bodies where the workers read theirs.
    const bodies = bodiesAt(this.job.articles, this.job.bodies);
    const index = await finishSearchIndex(
      { ...this.job, bodyOf: (article) => bodies.bodyOf(article) },
      this.job.outputPath,
      this.job.options,
      second ? [first, second] : [first],
    );
    return { ...index, ms: first.ms, secondShards: second?.results.length ?? 0, secondMs: second?.ms ?? 0 };
  }

  /** Ends both workers, and with them their Pagefind processes. */
  async cancel(): Promise<void> {
    await Promise.all([this.firstWorker.cancel(), this.second?.worker.cancel()]);
  }
}
