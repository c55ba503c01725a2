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
 * usual, into the cache, and put into the site from there. The build also
 * sends each record's digest: a kept bundle whose records have the digests
 * it was last made or put back for is known without its search records being
 * made and hashed (`bundleInputsKey`).
 *
 * Bundles. Pagefind holds the whole index in memory until it writes it: about
 * 340 KB per article (measured: 0.9 GB for 2,500, 1.8 GB for 5,000, 3.4 GB for
 * 10,000), and it cannot update an index in place, so one edit in one large
 * bundle re-indexes every article. Above `shardSize` articles the archive is
 * indexed as several Pagefind bundles by date range (search-bundles.ts), one
 * after another on each thread that makes them (one, or two once the pages
 * are done: search-index-threads.ts), each Pagefind process ending before
 * that thread's next starts: the first at `/pagefind/`, the others at
 * `/pagefind/<range>/`. Each is kept in
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
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleEntry } from "../records/article-record.ts";
import { withBody } from "../records/article-bodies.ts";
import { removeFolder, writeFileAtomically } from "../records/cache-files.ts";
import { archiveToBundles, type SearchBundle } from "./search-bundles.ts";
import { codeFingerprint, listTree, OutputCache, updateHashWithValue } from "./output-cache.ts";
import { articleToSearchRecord, writeSearchIndex } from "./pagefind-index.ts";
import { messagesFor } from "../archive/interface-messages.ts";

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
  /**
   * Each article's record digest (record-digest.ts), in the archive's order.
   * With them, a kept bundle whose records have the digests it was last made
   * or put back for is put back without its search records being made and
   * hashed (`bundleInputsKey`).
   */
  digests?: readonly string[];
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
function bundleFolder(bundle: Pick<SearchBundle, "name">, index: number): string {
  return index === 0 ? "" : bundle.name;
}

/** The hash of everything one bundle is made from. */
export async function searchIndexHash(archive: Archive, articles: readonly ArticleEntry[] = archive.articles, bundle = "all"): Promise<string> {
  const hash = createHash("sha256")
    .update(`hemeroteca-search-index ${SEARCH_INDEX_CACHE_VERSION}\0`)
    .update(await codeFingerprint(INDEX_CODE))
    .update(`\0${archive.site.language}\0${bundle}\0`);
  const messages = messagesFor(archive.site.language);
  for (const article of articles) updateHashWithValue(hash, articleToSearchRecord(withBody(article, archive), messages)).update("\n");
  return hash.digest("hex");
}

/**
 * The key of one bundle's records by their digests. A record's digest names
 * all of it, so equal keys mean equal search records, and the bundle's hash
 * (`searchIndexHash`) is the one kept with the key. Hashing every search
 * record took the index's worker about a second at 10,000 articles before
 * Pagefind could start on the bundle an edit changed; this takes
 * milliseconds. Undefined when a digest is missing.
 */
export function bundleInputsKey(code: string, language: string, bundle: string, digests: ReadonlyArray<string | undefined>): string | undefined {
  const hash = createHash("sha256").update(`hemeroteca-search-index-inputs ${SEARCH_INDEX_CACHE_VERSION}\0${code}\0${language}\0${bundle}\0`);
  for (const digest of digests) {
    if (digest === undefined) return undefined;
    hash.update(digest).update("\n");
  }
  return hash.digest("hex");
}

async function writeBundle(
  archive: Archive, articles: ArticleEntry[], outputPath: string, bundle: string, cacheDir: string | undefined,
  write: NonNullable<SearchIndexOptions["write"]>, knownHash?: string, inputs?: string,
): Promise<{ reused: boolean; hash: string; files: string[] }> {
  const part: Archive = { ...archive, articles };
  const hash = knownHash ?? (await searchIndexHash(archive, articles, bundle));
  if (!cacheDir) {
    await write(part, outputPath);
    return { reused: false, hash, files: [] };
  }
  return { hash, ...(await new OutputCache(cacheDir).restoreOrMake(hash, outputPath, (folder) => write(part, folder), inputs)) };
}

/**
 * The bundles still to make, shared by the threads that make them: slot 0
 * counts the claims so far, slot 1 holds how many bundles are to be made
 * (0 until the first thread has worked them out), and the slots after them
 * which ones, by their place among all the bundles. A second thread joins
 * only when some are left to claim (search-index-threads.ts). Bundles kept
 * in the cache are not in it: putting one back takes a fraction of a second.
 */
export type BundleQueue = Int32Array;

/** A queue with room for `articles`, an archive's count: no archive has more bundles than articles, or one when empty. */
export function newBundleQueue(articles: number): BundleQueue {
  return new Int32Array(new SharedArrayBuffer((3 + articles) * Int32Array.BYTES_PER_ELEMENT));
}

/** The bundles that a thread made or put back, and every bundle's name, for `finishSearchIndex`. */
export interface ClaimedBundles {
  bundles: Array<Pick<SearchBundle, "name" | "dated">>;
  results: Array<{ index: number; reused: boolean; hash: string; files: string[] }>;
}

/**
 * Makes each bundle this thread claims from `queue` until none is left. The
 * `first` thread works out which bundles are to be made, publishes them, and
 * once it can claim no more puts back those kept in the cache; a second
 * thread may claim beside it.
 */
export async function indexClaimedBundles(
  archive: Pick<Archive, "site" | "articles" | "bodyOf">, outputPath: string, options: SearchIndexOptions = {},
  queue = newBundleQueue(archive.articles.length), first = true,
): Promise<ClaimedBundles> {
  const indexer = options.write ?? ((a: Archive, out: string) => writeSearchIndex(a, out));
  const whole = archive as Archive;
  const bundles = archiveToBundles(archive.articles, options.shardSize ?? defaultShardSize(archive.articles.length));
  const results: ClaimedBundles["results"] = [];
  /** Hashes worked out in the first thread's pass over the bundles, so that no bundle is hashed twice there. */
  const hashes = new Map<number, string>();
  /** Where a bundle is kept, when there is a cache. */
  const keptDir = (bundle: SearchBundle) => options.cacheDir && path.join(options.cacheDir, bundle.name);
  /** Each bundle's `bundleInputsKey`, when there is a cache and the digests came. */
  let inputsOf = (_bundle: SearchBundle): string | undefined => undefined;
  if (options.cacheDir && options.digests) {
    const digestOf = new Map(archive.articles.map((article, index) => [article, options.digests![index]]));
    const code = await codeFingerprint(INDEX_CODE);
    // Worked out in the first pass and again when the bundle is written or put back: once is enough.
    const keys = new Map<SearchBundle, string | undefined>();
    inputsOf = (bundle) => {
      if (!keys.has(bundle)) keys.set(bundle, bundleInputsKey(code, archive.site.language, bundle.name, bundle.articles.map((article) => digestOf.get(article))));
      return keys.get(bundle);
    };
  }
  const write = async (index: number) => {
    const bundle = bundles[index]!;
    const folder = bundleFolder(bundle, index);
    const result = await writeBundle(whole, bundle.articles, path.join(outputPath, folder), bundle.name, keptDir(bundle), indexer, hashes.get(index), inputsOf(bundle));
    results.push({ index, ...result, files: result.files.map((file) => (folder ? `${folder}/${file}` : file)) });
  };
  const keptBundles: number[] = [];
  if (first) {
    // Without the cache everything is written afresh, so nothing of an earlier index may stay.
    if (!options.cacheDir) await rm(outputPath, { recursive: true, force: true });
    const toMake: number[] = [];
    for (const [index, bundle] of bundles.entries()) {
      const kept = keptDir(bundle);
      if (kept) {
        const cache = new OutputCache(kept);
        const inputs = inputsOf(bundle);
        const known = inputs === undefined ? undefined : await cache.hashOfInputs(inputs);
        const hash = known ?? (await searchIndexHash(whole, bundle.articles, bundle.name));
        hashes.set(index, hash);
        if (known !== undefined || (await cache.has(hash))) {
          keptBundles.push(index);
          continue;
        }
      }
      toMake.push(index);
    }
    toMake.forEach((index, claim) => Atomics.store(queue, 2 + claim, index));
    Atomics.store(queue, 1, toMake.length);
  }
  const count = Atomics.load(queue, 1);
  // Each Pagefind process holds its bundle in memory, and ends before this thread's next begins.
  for (let claim = Atomics.add(queue, 0, 1); claim < count; claim = Atomics.add(queue, 0, 1)) await write(Atomics.load(queue, 2 + claim));
  // Put back last, so that no bundle to make waits for them; one that has gone from the cache since is made.
  for (const index of keptBundles) await write(index);
  return { bundles: bundles.map(({ name, dated }) => ({ name, dated })), results };
}

/**
 * Ends an index once every bundle is written, by whichever threads claimed
 * them: removes kept bundles this archive no longer has, writes
 * `bundles.json`, and answers for the whole index.
 */
export async function finishSearchIndex(
  archive: Pick<Archive, "articles">, outputPath: string, options: Pick<SearchIndexOptions, "cacheDir">, claimed: readonly ClaimedBundles[],
): Promise<SearchIndexResult> {
  const bundles = claimed[0]!.bundles;
  const results = claimed.flatMap((part) => part.results).sort((a, b) => a.index - b.index);
  if (results.length !== bundles.length || results.some((result, index) => result.index !== index)) {
    const written = results.map((result) => result.index).join(", ");
    throw new Error(`The search index has ${bundles.length} bundles, but the bundles written were ${written || "none"}: each must be written once`);
  }
  if (options.cacheDir) {
    const names = new Set(bundles.map((bundle) => bundle.name));
    for (const name of await readdir(options.cacheDir).catch(() => [] as string[])) if (!names.has(name)) await removeFolder(path.join(options.cacheDir, name));
  }
  await mkdir(outputPath, { recursive: true });
  const manifest: SearchBundles = {
    bundles: bundles.map((bundle, index) => ({ path: `/pagefind/${bundleFolder(bundle, index) ? `${bundle.name}/` : ""}`, dated: bundle.dated })),
  };
  const manifestFile = path.join(outputPath, "bundles.json");
  const manifestText = `${JSON.stringify(manifest)}\n`;
  // Left alone when it says the same, like the kept bundles beside it: a build that changed nothing writes nothing here.
  // Replaced, not written in place: the file there may be a hard link to the published site's (publish.ts).
  if ((await readFile(manifestFile, "utf8").catch(() => undefined)) !== manifestText) await writeFileAtomically(manifestFile, manifestText);
  const reusedShards = results.filter((result) => result.reused).length;
  return {
    pages: archive.articles.length, reused: reusedShards === results.length, shards: results.length, reusedShards, hash: results[0]!.hash,
    files: options.cacheDir ? ["bundles.json", ...results.flatMap((result) => result.files)].sort() : await listTree(outputPath),
  };
}

/** Writes the search index into `outputPath` (the site's `pagefind/` folder) on this thread, reusing kept bundles whose hash matches. */
export async function writeSearchIndexCached(archive: Archive, outputPath: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  return finishSearchIndex(archive, outputPath, options, [await indexClaimedBundles(archive, outputPath, options)]);
}
