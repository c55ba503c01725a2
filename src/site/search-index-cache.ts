/**
 * The search index: reused when nothing it is made from has changed, and
 * split into bundles of bounded size so that no archive is too large to index.
 *
 * Reuse. Pagefind cannot update an index in place, and indexing every article
 * again is the slowest part of a build that changed nothing. An index depends
 * only on its search records (`articleToSearchRecord`, in order), on how
 * `writeSearchIndex` calls Pagefind, and on Pagefind's version; their hash
 * names the index kept in `.cache/pagefind/`. When it matches, the kept index
 * is put back into the site (output-cache.ts); otherwise it is written as
 * usual, into the cache, and put into the site from there.
 *
 * Bundles. Pagefind holds the whole index in memory until it writes it: about
 * 340 KB per article (measured: 0.9 GB for 2,500, 1.8 GB for 5,000, 3.4 GB for
 * 10,000), and it cannot update an index in place, so one edit in one large
 * bundle re-indexes every article. Above `shardSize` articles the archive is
 * indexed as several Pagefind bundles by date range (search-bundles.ts), one
 * after another, each Pagefind process ending before the next starts: the
 * first at `/pagefind/`, the others at `/pagefind/<range>/`. Each is kept in
 * `.cache/pagefind/<range>/` under its own hash, so an edit re-indexes its
 * article's bundle only. `/pagefind/bundles.json` lists every bundle in date
 * order, undated last; the search page merges them with Pagefind's
 * `mergeIndex` for relevance, and searches them one by one for date order.
 * With one bundle, the default for small archives, the site is exactly what
 * it was without bundles.
 *
 * This wraps pagefind-index.ts without changing it: the search records and
 * the indexing are that module's, the decisions and the copies are this one's.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { archiveToBundles, type SearchBundle } from "./search-bundles.ts";
import { codeFingerprint, listTree, OutputCache, updateHashWithValue } from "./output-cache.ts";
import { articleToSearchRecord, writeSearchIndex } from "./pagefind-index.ts";
import { WorkerJob } from "./worker-job.ts";

/** Bump when the way this module decides, splits or stores changes. */
export const SEARCH_INDEX_CACHE_VERSION = 3;

/**
 * Articles per Pagefind bundle at most, for an archive of `count`: 2,000
 * (about 0.7 GB in Pagefind, some 10 s to re-index after an edit), doubled
 * while the archive would need more than 24 bundles, because each bundle
 * costs the search page a request or two per search, and a date-sorted search
 * one more instance of Pagefind's WebAssembly. Powers of two, so the size,
 * and with it every range, changes only when the archive doubles past a step.
 */
export function defaultShardSize(count: number): number {
  let size = 2_000;
  while (count / size > 24) size *= 2;
  return size;
}

/** The code whose change must rebuild the index: the indexer module and the locked library versions. */
const INDEX_CODE = ["./pagefind-index.ts", "../../package-lock.json"].map((file) => fileURLToPath(new URL(file, import.meta.url)));

export interface SearchIndexOptions {
  /** Folder of the kept index (`.cache/pagefind`); without it the index is always written afresh. */
  cacheDir?: string;
  /** Articles per bundle at most (default `defaultShardSize`). */
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

export interface SearchIndexResult {
  pages: number;
  /** True when every bundle was put back instead of indexed. */
  reused: boolean;
  /** Bundles written, and how many of them were put back from the cache. */
  shards: number;
  reusedShards: number;
  /** The hash of the first bundle (of the only one, below `shardSize`). */
  hash: string;
  /**
   * Every file of the index, relative to its folder. With the cache, the
   * folder is written over rather than emptied first (kept files already
   * there are not copied again), so files of an earlier index may remain
   * beside these until the build's prune removes them.
   */
  files: string[];
}

/** The manifest of the bundles, for the search page. */
export interface SearchBundles {
  /**
   * In date order, undated last; the first is the one `/pagefind/pagefind.js`
   * belongs to. `dated` is false for bundles of undated articles.
   */
  bundles: Array<{ path: string; dated: boolean }>;
}

/** Where a bundle lives in the site, relative to the `/pagefind/` folder: the first at its root. */
function bundleFolder(bundle: SearchBundle, index: number): string {
  return index === 0 ? "" : bundle.name;
}

/** The hash of everything one bundle is made from. */
export async function searchIndexHash(archive: Archive, articles: readonly ArticleRecord[] = archive.articles, bundle = "all"): Promise<string> {
  const hash = createHash("sha256")
    .update(`hemeroteca-search-index ${SEARCH_INDEX_CACHE_VERSION}\0`)
    .update(await codeFingerprint(INDEX_CODE))
    .update(`\0${archive.site.language}\0${bundle}\0`);
  for (const article of articles) updateHashWithValue(hash, articleToSearchRecord(article)).update("\n");
  return hash.digest("hex");
}

async function writeBundle(
  archive: Archive, articles: ArticleRecord[], outputPath: string, bundle: string, cacheDir: string | undefined,
  write: NonNullable<SearchIndexOptions["write"]>,
): Promise<{ reused: boolean; hash: string; files: string[] }> {
  const part: Archive = { ...archive, articles };
  const hash = await searchIndexHash(archive, articles, bundle);
  if (!cacheDir) {
    await write(part, outputPath);
    return { reused: false, hash, files: [] };
  }
  return { hash, ...(await new OutputCache(cacheDir).restoreOrMake(hash, outputPath, (folder) => write(part, folder))) };
}

/** Writes the search index into `outputPath` (the site's `pagefind/` folder), reusing kept bundles whose hash matches. */
export async function writeSearchIndexCached(archive: Archive, outputPath: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const write = options.write ?? ((a: Archive, out: string) => writeSearchIndex(a, out));
  const bundles = archiveToBundles(archive.articles, options.shardSize ?? defaultShardSize(archive.articles.length));
  // Without the cache everything is written afresh, so nothing of an earlier index may stay.
  if (!options.cacheDir) await rm(outputPath, { recursive: true, force: true });
  const results: Array<{ reused: boolean; hash: string }> = [];
  const files = ["bundles.json"];
  // One after another: each Pagefind process holds its bundle in memory, and ends before the next begins.
  for (const [index, bundle] of bundles.entries()) {
    const kept = options.cacheDir && path.join(options.cacheDir, bundle.name);
    const folder = bundleFolder(bundle, index);
    const result = await writeBundle(archive, bundle.articles, path.join(outputPath, folder), bundle.name, kept, write);
    results.push(result);
    for (const file of result.files) files.push(folder ? `${folder}/${file}` : file);
  }
  if (options.cacheDir) {
    const names = new Set(bundles.map((bundle) => bundle.name));
    for (const name of await readdir(options.cacheDir)) if (!names.has(name)) await rm(path.join(options.cacheDir, name), { recursive: true, force: true });
  }
  await mkdir(outputPath, { recursive: true });
  const manifest: SearchBundles = {
    bundles: bundles.map((bundle, index) => ({ path: `/pagefind/${bundleFolder(bundle, index) ? `${bundle.name}/` : ""}`, dated: bundle.dated })),
  };
  const manifestFile = path.join(outputPath, "bundles.json");
  const manifestText = `${JSON.stringify(manifest)}\n`;
  // Left alone when it says the same, like the kept bundles beside it: a build that changed nothing writes nothing here.
  if ((await readFile(manifestFile, "utf8").catch(() => undefined)) !== manifestText) await writeFile(manifestFile, manifestText);
  const reusedShards = results.filter((result) => result.reused).length;
  return {
    pages: archive.articles.length, reused: reusedShards === results.length, shards: results.length, reusedShards, hash: results[0]!.hash,
    files: options.cacheDir ? files.sort() : await listTree(outputPath),
  };
}

const WORKER_ENTRY = new URL("./search-index-worker.ts", import.meta.url);

/**
 * `writeSearchIndexCached` on a worker thread. Pagefind indexes in a process
 * of its own, but it is fed one record at a time from JavaScript; fed from
 * the main thread, every record waits for Eleventy's rendering to yield, and
 * indexing stretches over the whole render. From a worker the feeding runs
 * at Pagefind's own pace. The index is made of `articleToSearchRecord`,
 * which reads the plain text, and `writeSearchIndex` reads only `site` and
 * `articles`: the articles may come without their HTML (`withoutHtml`), for a
 * smaller copy.
 */
export function writeSearchIndexInWorker(
  archive: Pick<Archive, "site" | "articles">, outputPath: string, options: Omit<SearchIndexOptions, "write"> = {}, worker = searchIndexWorker(),
): Promise<SearchIndexResult & { ms: number }> {
  return worker.run({ site: archive.site, articles: archive.articles, outputPath, options });
}

/** The worker of `writeSearchIndexInWorker`, started ahead of its job (worker-job.ts). */
export function searchIndexWorker(): WorkerJob<SearchIndexJob, SearchIndexResult> {
  return new WorkerJob(WORKER_ENTRY, "index for search");
}
