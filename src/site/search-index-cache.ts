/**
 * The search index: reused when nothing it is made from has changed, and
 * split into bounded shards so that no archive is too large to index.
 *
 * Reuse. Pagefind cannot update an index in place, and indexing every article
 * again is the slowest part of a build that changed nothing. An index depends
 * only on its search records (`articleToSearchRecord`, in order), on how
 * `writeSearchIndex` calls Pagefind, and on Pagefind's version; their hash
 * names the index kept in `.cache/pagefind/`. When it matches, the kept index
 * is put back into the site (output-cache.ts); otherwise it is written as
 * usual, into the cache, and put into the site from there.
 *
 * Shards. Pagefind holds the whole index in memory until it writes it: about
 * 340 KB per article (measured: 0.9 GB for 2,500, 1.8 GB for 5,000, 3.4 GB for
 * 10,000), so 100,000 articles would need some 34 GB. Above
 * `shardSize` articles the archive is indexed as several Pagefind bundles, one
 * after another (each Pagefind process ends before the next starts): the first
 * at `/pagefind/`, the others at `/pagefind/shard-N/`. An article's shard
 * follows from its id alone, so adding articles leaves the other shards as
 * they are and an edit re-indexes one shard only. `/pagefind/bundles.json`
 * lists every bundle; the search page merges them with Pagefind's `mergeIndex`
 * (`{ bundlePath }` for each bundle after the first). With one shard, the
 * default below the threshold, the site is exactly what it was without shards.
 *
 * A limit of merged bundles: Pagefind orders merged results by score, and in
 * a sorted search a result's score is its position in its own bundle's sort
 * order. Shards are filled by id, so each holds a similar spread of dates and
 * a date-sorted search across bundles is only nearly in date order. That is
 * why the shard size is large; a smaller one (faster rebuilds after an edit)
 * needs shards by date range, searched one by one in date order.
 *
 * This wraps pagefind-index.ts without changing it: the search records and
 * the indexing are that module's, the decisions and the copies are this one's.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { WORKER_BOOTSTRAP } from "../records/parse-pool.ts";
import { codeFingerprint, OutputCache, updateHashWithValue } from "./output-cache.ts";
import { articleToSearchRecord, writeSearchIndex } from "./pagefind-index.ts";

/** Bump when the way this module decides, splits or stores changes. */
export const SEARCH_INDEX_CACHE_VERSION = 2;

/**
 * Articles per Pagefind bundle at most: Pagefind needs about 3.4 GB for
 * 10,000 articles, so any archive can be indexed on a machine of 8 GB and
 * more, while archives up to this size keep a single bundle.
 */
export const DEFAULT_SHARD_SIZE = 10_000;

/** The code whose change must rebuild the index: the indexer module and the locked library versions. */
const INDEX_CODE = ["./pagefind-index.ts", "../../package-lock.json"].map((file) => fileURLToPath(new URL(file, import.meta.url)));

export interface SearchIndexOptions {
  /** Folder of the kept index (`.cache/pagefind`); without it the index is always written afresh. */
  cacheDir?: string;
  /** Articles per bundle at most (default `DEFAULT_SHARD_SIZE`). */
  shardSize?: number;
  /** The indexer; tests pass a stand-in. Defaults to pagefind-index.ts's `writeSearchIndex`. */
  write?: (archive: Archive, outputPath: string) => Promise<{ pages: number }>;
}

/** What `writeSearchIndexInWorker` sends its worker. */
export interface SearchIndexJob {
  site: Archive["site"];
  articles: ArticleRecord[];
  outputPath: string;
  options: Omit<SearchIndexOptions, "write">;
}

export type SearchIndexReply = { ok: true; result: SearchIndexResult } | { ok: false; message: string; stack?: string };

export interface SearchIndexResult {
  pages: number;
  /** True when every bundle was put back instead of indexed. */
  reused: boolean;
  /** Bundles written, and how many of them were put back from the cache. */
  shards: number;
  reusedShards: number;
  /** The hash of the first bundle (of the only one, below the shard size). */
  hash: string;
}

/** The manifest of the bundles, for the search page. */
export interface SearchBundles {
  /** Site-relative bundle folders; the first is the one `/pagefind/pagefind.js` belongs to. */
  bundles: string[];
}

/** FNV-1a of the id: stable across builds, machines and archive sizes. */
function idToBucket(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/** The articles of each bundle, in archive order; one list when the archive fits one bundle. */
export function archiveToShards(articles: readonly ArticleRecord[], shardSize = DEFAULT_SHARD_SIZE): ArticleRecord[][] {
  const count = Math.max(1, Math.ceil(articles.length / Math.max(1, shardSize)));
  if (count === 1) return [[...articles]];
  const shards = Array.from({ length: count }, () => [] as ArticleRecord[]);
  for (const article of articles) shards[idToBucket(article.id, count)]!.push(article);
  return shards;
}

/** Where bundle `index` lives in the site, relative to the `/pagefind/` folder. */
function shardFolder(index: number): string {
  return index === 0 ? "" : `shard-${index + 1}`;
}

/** The hash of everything one bundle is made from. */
export async function searchIndexHash(archive: Archive, articles: readonly ArticleRecord[] = archive.articles, shard = "0/1"): Promise<string> {
  const hash = createHash("sha256")
    .update(`hemeroteca-search-index ${SEARCH_INDEX_CACHE_VERSION}\0`)
    .update(await codeFingerprint(INDEX_CODE))
    .update(`\0${archive.site.language}\0${shard}\0`);
  for (const article of articles) updateHashWithValue(hash, articleToSearchRecord(article)).update("\n");
  return hash.digest("hex");
}

async function writeBundle(
  archive: Archive, articles: ArticleRecord[], outputPath: string, shard: string, cacheDir: string | undefined,
  write: NonNullable<SearchIndexOptions["write"]>,
): Promise<{ reused: boolean; hash: string }> {
  const part: Archive = { ...archive, articles };
  const hash = await searchIndexHash(archive, articles, shard);
  if (!cacheDir) {
    await write(part, outputPath);
    return { reused: false, hash };
  }
  const reused = await new OutputCache(cacheDir).restoreOrMake(hash, outputPath, (folder) => write(part, folder));
  return { reused, hash };
}

/** Writes the search index into `outputPath` (the site's `pagefind/` folder), reusing kept bundles whose hash matches. */
export async function writeSearchIndexCached(archive: Archive, outputPath: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const write = options.write ?? ((a: Archive, out: string) => writeSearchIndex(a, out));
  const shards = archiveToShards(archive.articles, options.shardSize);
  await rm(outputPath, { recursive: true, force: true });
  const results: Array<{ reused: boolean; hash: string }> = [];
  // One after another: each Pagefind process holds its bundle in memory, and ends before the next begins.
  // Kept bundles live in `<cacheDir>/<shard count>/<shard number>/`: a new shard count starts afresh.
  const keptDir = options.cacheDir ? path.join(options.cacheDir, String(shards.length)) : undefined;
  for (const [index, articles] of shards.entries()) {
    const shard = `${index}/${shards.length}`;
    results.push(await writeBundle(archive, articles, path.join(outputPath, shardFolder(index)), shard, keptDir && path.join(keptDir, String(index + 1)), write));
  }
  if (options.cacheDir) {
    for (const name of await readdir(options.cacheDir)) if (name !== String(shards.length)) await rm(path.join(options.cacheDir, name), { recursive: true, force: true });
  }
  await mkdir(outputPath, { recursive: true });
  const urlBase = "/pagefind/";
  const manifest: SearchBundles = { bundles: shards.map((_, index) => `${urlBase}${shardFolder(index) ? `${shardFolder(index)}/` : ""}`) };
  await writeFile(path.join(outputPath, "bundles.json"), `${JSON.stringify(manifest)}\n`);
  const reusedShards = results.filter((result) => result.reused).length;
  return { pages: archive.articles.length, reused: reusedShards === results.length, shards: results.length, reusedShards, hash: results[0]!.hash };
}

const WORKER_ENTRY = new URL("./search-index-worker.ts", import.meta.url).href;

/**
 * `writeSearchIndexCached` on a worker thread. Pagefind indexes in a process
 * of its own, but it is fed one record at a time from JavaScript; fed from
 * the main thread, every record waits for Eleventy's rendering to yield, and
 * indexing stretches over the whole render. From a worker the feeding runs
 * at Pagefind's own pace. The worker gets a copy of the articles without
 * their HTML: the index is made of `articleToSearchRecord`, which reads the
 * plain text, and `writeSearchIndex` reads only `site` and `articles`.
 */
export async function writeSearchIndexInWorker(archive: Pick<Archive, "site" | "articles">, outputPath: string, options: Omit<SearchIndexOptions, "write"> = {}): Promise<SearchIndexResult> {
  const worker = new Worker(WORKER_BOOTSTRAP, { execArgv: [], workerData: { entry: WORKER_ENTRY } });
  try {
    const reply = await new Promise<SearchIndexReply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", (error) => reject(new Error(`Cannot \`index\` for search in a worker: ${error.message}`, { cause: error })));
      worker.once("exit", (code) => reject(new Error(`Cannot \`index\` for search in a worker: it exited with code \`${code}\``)));
      const articles = archive.articles.map((article) => ({ ...article, html: "" }));
      worker.postMessage({ site: archive.site, articles, outputPath, options } satisfies SearchIndexJob);
    });
    if (!reply.ok) {
      const error = new Error(reply.message);
      if (reply.stack) error.stack = `${reply.stack}\n    --- in the search index worker ---`;
      throw error;
    }
    return reply.result;
  } finally {
    await worker.terminate();
  }
}
