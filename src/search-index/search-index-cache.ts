/**
 * The search index: one main index of the whole archive, and beside it a
 * small recent index of what changed since, so that a reader loads one
 * index's metadata and filters (not one per date range) and an edit
 * re-indexes a handful of articles (not a date range of thousands).
 *
 * Main. Every article as of the build that last made it: one Pagefind bundle
 * at `/pagefind/`, or, past `shardSize` articles, a few bundles by date range
 * (search-bundles.ts; the first at `/pagefind/`, the others at
 * `/pagefind/<range>/`), because Pagefind holds a whole bundle in memory
 * while it makes it (about 340 KB an article). Each part is kept in
 * `.cache/pagefind/main/<range>/` (output-cache.ts), and `main.json` beside
 * them keeps, for each article, the key of the record it was made from, its
 * page's id and filter values and its sort keys (search-index-pages.ts).
 *
 * Recent. The articles whose record key is not the main index's (added or
 * changed since), in one bundle at `/pagefind/recent/`, kept in
 * `.cache/pagefind/recent/`. The main index's pages of changed or removed
 * articles stay in it, listed in `/pagefind/bundles.json` as hidden, with
 * the filter values they count under, and the search page drops them from
 * results and counts (search-index-manifest.ts, public/search.js). When the
 * recent articles and the removed ones together pass `recentLimit`, the main
 * index is made again and the recent one is empty: one cold index's work
 * every `recentLimit` changes, so that no edit re-indexes more than
 * `recentLimit` articles and the hidden list stays short.
 *
 * Parts built apart. Everything the manifest needs of a main part is in its
 * own bundle (page ids, filter values, read back from its fragments) and the
 * records' sort keys, so parts made by separate processes, each of a date
 * range, combine as they are: list them in date order with their counts and
 * the manifest gives each its offsets (searchManifest).
 *
 * A build that changed nothing puts back the kept parts and recent bundle;
 * the keys are the record digests the build sends (`digests`), or, without
 * them, the hash of each article's search record. With one part and nothing
 * recent, the site is exactly one stock Pagefind index plus `bundles.json`.
 *
 * This wraps pagefind-index.ts without changing it: the search records and
 * the indexing are that module's, the decisions and the copies are this one's.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import { messagesFor } from "../archive/interface-messages.ts";
import type { ArticleEntry } from "../records/article-record.ts";
import { withBody } from "../records/article-bodies.ts";
import { cacheNote, removeFolder, writeFileAtomically } from "../lib/cache-files.ts";
import { codeFingerprint, listTree, OutputCache, updateHashWithValue } from "../build/cache/output-cache.ts";
import { articleToSearchRecord, searchSortKeys, UNDATED_SORT_KEY, writeSearchIndex } from "./pagefind-index.ts";
import { archiveToBundles, type SearchBundle } from "./search-bundles.ts";
import { searchManifest, type ManifestPart, type SearchBundles } from "./search-index-manifest.ts";
import { readBundlePages, readMainTable, writeMainTable, type MainTable } from "./search-index-pages.ts";
import { CACHES, codeScope } from "../lib/cache-registry.ts";

export type { SearchBundles } from "./search-index-manifest.ts";

/** Bumped in cache-registry.ts when the way this module decides, splits or stores changes. */
export const SEARCH_INDEX_CACHE_VERSION = CACHES.searchIndex.version;

/**
 * Articles per main part at most, for an archive of `count`: 10,000 (one
 * bundle, so one metadata file and one set of filter files for a reader, up
 * to the benchmark's 10,000), doubled while the archive would need more than
 * 24 parts. Powers of two, so the size, and with it every range, changes
 * only when the archive doubles past a step.
 */
export function defaultShardSize(count: number): number {
  let size = 10_000;
  while (count / size > 24) size *= 2;
  return size;
}

/**
 * Changes (recent articles and removed ones) the recent index takes before
 * the main index is made again: a twentieth of the archive, at least 100 and
 * at most 2,000 (about 7 s of Pagefind's time to index, and a hidden list of
 * some 30 KB gzipped for the search page at most).
 */
export function defaultRecentLimit(count: number): number {
  return Math.min(2_000, Math.max(100, Math.ceil(count / 20)));
}

/** The code whose change must rebuild the index: the indexer module and the locked library versions. */
const INDEX_CODE = codeScope("searchIndex");

export interface SearchIndexOptions {
  /** Folder of the kept index (`.cache/pagefind`); without it the main index is always made afresh, and nothing is recent. */
  cacheDir?: string;
  /** Articles per main part at most (default `defaultShardSize`). */
  shardSize?: number;
  /** Changes the recent index takes before the main index is made again (default `defaultRecentLimit`). */
  recentLimit?: number;
  /**
   * Articles one Pagefind process indexes at most (default pagefind-index.ts's
   * `DEFAULT_INDEX_PART_SIZE`): a larger bundle is made in parts and merged
   * into one, the same index whatever this is, so it is not part of the cache's key.
   */
  indexPartSize?: number;
  /** The indexer; tests pass a stand-in. Defaults to pagefind-index.ts's `writeSearchIndex`. */
  write?: (archive: Archive, outputPath: string) => Promise<{ pages: number }>;
  /**
   * Each article's record digest (record-digest.ts), in the archive's order:
   * the key an article is known by between builds. Without them, the hash of
   * its search record is.
   */
  digests?: readonly string[];
}

export interface SearchIndexResult {
  pages: number;
  /** True when every bundle was put back instead of indexed. */
  reused: boolean;
  /** Bundles written (main parts and the recent one), and how many of them were put back from the cache. */
  shards: number;
  reusedShards: number;
  /** Articles in the recent bundle, and main-index pages hidden. */
  recent: number;
  hidden: number;
  /** True when the main index was made in this build. */
  mainMade: boolean;
  /** The hash of the first main part. */
  hash: string;
  /**
   * Every file of the index, relative to its folder. With the cache, the
   * folder is written over rather than emptied first (kept files already
   * there are not copied again), so files of an earlier index may remain
   * beside these until the build's prune removes them.
   */
  files: string[];
}

/** Where a main part lives in the site, relative to the `/pagefind/` folder: the first at its root. */
function partFolder(bundle: Pick<SearchBundle, "name">, index: number): string {
  return index === 0 ? "" : bundle.name;
}

const RECENT = "recent";

/** The hash of everything one bundle is made from. */
export async function searchIndexHash(
  archive: Pick<Archive, "site" | "bodyOf">,
  articles: readonly ArticleEntry[],
  bundle = "all",
): Promise<string> {
  const hash = createHash("sha256")
    .update(`hemeroteca-search-index ${SEARCH_INDEX_CACHE_VERSION}\0`)
    .update(await codeFingerprint(INDEX_CODE))
    .update(`\0${archive.site.language}\0${bundle}\0`);
  const messages = messagesFor(archive.site.language);
  for (const article of articles) updateHashWithValue(hash, articleToSearchRecord(withBody(article, archive), messages)).update("\n");
  return hash.digest("hex");
}

/**
 * The key of one bundle's records by their keys. A record's digest names all
 * of it, so equal keys mean equal search records. Hashing every search record
 * took the index's worker about a second at 10,000 articles; this takes
 * milliseconds.
 */
export function bundleInputsKey(code: string, language: string, bundle: string, keys: readonly string[]): string {
  const hash = createHash("sha256").update(
    `hemeroteca-search-index-inputs ${SEARCH_INDEX_CACHE_VERSION}\0${code}\0${language}\0${bundle}\0`,
  );
  for (const key of keys) hash.update(key).update("\n");
  return hash.digest("hex");
}

/** Each article's key between builds: its record digest, or the hash of its search record. */
function articleKeys(archive: Pick<Archive, "site" | "articles" | "bodyOf">, digests: readonly string[] | undefined): string[] {
  if (digests && digests.length === archive.articles.length) return [...digests];
  const messages = messagesFor(archive.site.language);
  return archive.articles.map((article) =>
    updateHashWithValue(createHash("sha256"), articleToSearchRecord(withBody(article, archive), messages)).digest("hex"),
  );
}

/**
 * The main parts still to make, shared by the threads that make them: slot 0
 * counts the claims so far, slot 1 holds how many parts are to be made
 * (0 until the first thread has worked them out, and 0 when the main index is
 * kept), and the slots after them which ones, by their place among all the
 * parts. A second thread joins only when some are left to claim
 * (search-index-threads.ts).
 */
export type BundleQueue = Int32Array;

/** A queue with room for `articles`, an archive's count: no archive has more parts than articles, or one when empty. */
export function newBundleQueue(articles: number): BundleQueue {
  return new Int32Array(new SharedArrayBuffer((3 + articles) * Int32Array.BYTES_PER_ELEMENT));
}

/** What a thread made or put back, for `finishSearchIndex`. */
export interface ClaimedBundles {
  /** Every main part of a main index made in this build, from the first thread; none when the main index was kept. */
  parts: Array<Pick<SearchBundle, "name" | "dated">>;
  results: Array<{ index: number; reused: boolean; hash: string; files: string[] }>;
  /** From the first thread, when the main index was kept: the manifest and what it wrote. */
  kept?: { manifest: SearchBundles; files: string[]; shards: number; reusedShards: number; recent: number; hidden: number; hash: string };
}

interface Context {
  archive: Archive;
  outputPath: string;
  options: SearchIndexOptions;
  indexer: NonNullable<SearchIndexOptions["write"]>;
  keys: string[];
  code: string;
  made: string;
}

async function contextOf(
  archive: Pick<Archive, "site" | "articles" | "bodyOf">,
  outputPath: string,
  options: SearchIndexOptions,
): Promise<Context> {
  const code = await codeFingerprint(INDEX_CODE);
  return {
    archive: archive as Archive,
    outputPath,
    options,
    code,
    indexer: options.write ?? ((a: Archive, out: string) => writeSearchIndex(a, out, undefined, options.indexPartSize)),
    keys: articleKeys(archive, options.digests),
    // The part size too: a main index cut otherwise is made again, not kept.
    made: `${SEARCH_INDEX_CACHE_VERSION}\0${code}\0${archive.site.language}\0${options.shardSize ?? defaultShardSize(archive.articles.length)}`,
  };
}

const mainTableFile = (cacheDir: string) => path.join(cacheDir, "main.json");

/** Removes what the cache no longer needs; a cache folder that cannot be changed (a file in its place, no permission) is left, with a note. */
async function tidy(folder: string): Promise<void> {
  try {
    await removeFolder(folder);
  } catch (error) {
    cacheNote(
      `warning: cannot remove \`${folder}\` from the cache (${(error as NodeJS.ErrnoException).code ?? String(error)}); the build goes on without it`,
    );
  }
}

/**
 * Tries to keep the main index: when its table matches this code and
 * language, its parts are whole in the cache and the changes since stay
 * within the limit, puts the parts back, makes or puts back the recent
 * bundle, and answers the manifest. Undefined when the main index is to be
 * made again.
 */
async function keepMainIndex(context: Context): Promise<ClaimedBundles["kept"]> {
  const { archive, options, outputPath, keys } = context;
  if (!options.cacheDir) return undefined;
  const table = readMainTable(mainTableFile(options.cacheDir));
  if (!table || table.made !== context.made) return undefined;
  const limit = options.recentLimit ?? defaultRecentLimit(archive.articles.length);
  const live = new Set<string>();
  const recent: ArticleEntry[] = [];
  const recentKeys: string[] = [];
  archive.articles.forEach((article, index) => {
    const page = Object.hasOwn(table.pages, article.id) ? table.pages[article.id] : undefined;
    if (page && page.key === keys[index]) live.add(article.id);
    else {
      recent.push(article);
      recentKeys.push(keys[index]!);
    }
  });
  const ids = new Set(archive.articles.map((article) => article.id));
  const removed = Object.keys(table.pages).filter((id) => !ids.has(id)).length;
  if (recent.length + removed > limit) return undefined;
  // Every part must be whole before anything is put back, or a half-kept index would be published.
  const caches = table.parts.map((part) => new OutputCache(path.join(options.cacheDir!, "main", part.name)));
  for (const [index, part] of table.parts.entries()) if (!(await caches[index]!.has(part.hash))) return undefined;
  const files: string[] = [];
  for (const [index, part] of table.parts.entries()) {
    const folder = partFolder(part, index);
    const restored = await caches[index]!.restoreOrMake(part.hash, path.join(outputPath, folder), () =>
      Promise.reject(new Error(`The kept search index part \`${part.name}\` went from the cache while it was put back`)),
    );
    files.push(...restored.files.map((file) => (folder ? `${folder}/${file}` : file)));
  }
  let reusedShards = table.parts.length;
  const recentCache = new OutputCache(path.join(options.cacheDir, RECENT));
  if (recent.length) {
    const hash = bundleInputsKey(context.code, archive.site.language, RECENT, recentKeys);
    const made = await recentCache.restoreOrMake(hash, path.join(outputPath, RECENT), (folder) =>
      context.indexer({ ...archive, articles: recent }, folder),
    );
    if (made.reused) reusedShards++;
    files.push(...made.files.map((file) => `${RECENT}/${file}`));
  }
  const hidden = table.parts.map(() => ({}) as Record<string, MainTable["pages"][string]["filters"]>);
  let hiddenCount = 0;
  // A removed or changed article's old text must not stay readable in the main index: its fragment goes
  // (the search page never asks for a hidden page's fragment).
  const gone = new Set<string>();
  for (const [id, page] of Object.entries(table.pages)) {
    if (live.has(id)) continue;
    hidden[page.part]![page.page] = page.filters;
    hiddenCount++;
    const folder = partFolder(table.parts[page.part]!, page.part);
    const fragment = `${folder ? `${folder}/` : ""}fragment/${page.page}.pf_fragment`;
    await rm(path.join(outputPath, fragment), { force: true });
    gone.add(fragment);
  }
  const manifestParts: ManifestPart[] = table.parts.map((part, index) => ({
    path: `/pagefind/${partFolder(part, index) ? `${part.name}/` : ""}`,
    dated: part.dated,
    count: part.count,
    hidden: hidden[index]!,
  }));
  const manifest = searchManifest(
    manifestParts,
    Object.values(table.pages).map((page) => page.sort.date),
    UNDATED_SORT_KEY,
    { path: `/pagefind/${RECENT}/`, dates: recent.map((article) => searchSortKeys(article).date) },
  );
  return {
    manifest,
    files: files.filter((file) => !gone.has(file)),
    shards: table.parts.length + (recent.length ? 1 : 0),
    reusedShards,
    recent: recent.length,
    hidden: hiddenCount,
    hash: table.parts[0]!.hash,
  };
}

/**
 * Makes or puts back the search index on this thread: the `first` thread
 * keeps the main index if it can (and then makes the recent bundle), or
 * works out the main parts to make and publishes them on `queue`; any thread
 * then makes the parts it claims until none is left.
 */
export async function indexClaimedBundles(
  archive: Pick<Archive, "site" | "articles" | "bodyOf">,
  outputPath: string,
  options: SearchIndexOptions = {},
  queue = newBundleQueue(archive.articles.length),
  first = true,
): Promise<ClaimedBundles> {
  if (first) {
    const context = await contextOf(archive, outputPath, options);
    // Without the cache everything is written afresh, so nothing of an earlier index may stay.
    if (!options.cacheDir) await rm(outputPath, { recursive: true, force: true });
    const kept = await keepMainIndex(context);
    if (kept) {
      Atomics.store(queue, 1, 0);
      return { parts: [], results: [], kept };
    }
    const parts = archiveToBundles(archive.articles, options.shardSize ?? defaultShardSize(archive.articles.length));
    parts.forEach((_, index) => Atomics.store(queue, 2 + index, index));
    Atomics.store(queue, 1, parts.length);
    return { parts: parts.map(({ name, dated }) => ({ name, dated })), results: await makeClaimedParts(context, parts, queue) };
  }
  const parts = archiveToBundles(archive.articles, options.shardSize ?? defaultShardSize(archive.articles.length));
  return { parts: [], results: await makeClaimedParts(await contextOf(archive, outputPath, options), parts, queue) };
}

/** Makes each main part claimed from `queue`, one Pagefind process at a time, each kept in the cache under the key of its records. */
async function makeClaimedParts(context: Context, parts: readonly SearchBundle[], queue: BundleQueue): Promise<ClaimedBundles["results"]> {
  const { archive, options, outputPath } = context;
  const keyOf = new Map(archive.articles.map((article, index) => [article, context.keys[index]!]));
  const results: ClaimedBundles["results"] = [];
  const count = Atomics.load(queue, 1);
  for (let claim = Atomics.add(queue, 0, 1); claim < count; claim = Atomics.add(queue, 0, 1)) {
    const index = Atomics.load(queue, 2 + claim);
    const part = parts[index]!;
    const folder = partFolder(part, index);
    const target = path.join(outputPath, folder);
    const write = (into: string) => context.indexer({ ...archive, articles: part.articles }, into);
    const hash = bundleInputsKey(
      context.code,
      archive.site.language,
      part.name,
      part.articles.map((article) => keyOf.get(article)!),
    );
    const made = options.cacheDir
      ? await new OutputCache(path.join(options.cacheDir, "main", part.name)).restoreOrMake(hash, target, write)
      : await write(target).then(() => ({ reused: false, files: [] as string[] }));
    results.push({ index, reused: made.reused, hash, files: made.files.map((file) => (folder ? `${folder}/${file}` : file)) });
  }
  return results;
}

/** The table of a main index just made: each article's page as Pagefind wrote it. */
async function tableOfMadeIndex(context: Context, parts: readonly SearchBundle[], results: ClaimedBundles["results"]): Promise<MainTable> {
  const keyOf = new Map(context.archive.articles.map((article, index) => [article, context.keys[index]!]));
  const table: MainTable = { made: context.made, parts: [], pages: {} };
  for (const [index, part] of parts.entries()) {
    const pages = await readBundlePages(path.join(context.outputPath, partFolder(part, index)));
    table.parts.push({ name: part.name, hash: results[index]!.hash, dated: part.dated, count: part.articles.length });
    for (const article of part.articles) {
      const page = pages.get(article.permalink);
      if (!page) throw new Error(`The search index part \`${part.name}\` has no page for \`${article.permalink}\` (${article.file})`);
      table.pages[article.id] = {
        key: keyOf.get(article)!,
        part: index,
        page: page.page,
        filters: page.filters,
        sort: searchSortKeys(article),
      };
    }
  }
  return table;
}

/**
 * Ends an index once every part is written, by whichever threads claimed
 * them: keeps the new main index's table, removes kept bundles this index no
 * longer has, writes `bundles.json`, and answers for the whole index.
 */
export async function finishSearchIndex(
  archive: Pick<Archive, "site" | "articles" | "bodyOf">,
  outputPath: string,
  options: SearchIndexOptions,
  claimed: readonly ClaimedBundles[],
): Promise<SearchIndexResult> {
  const first = claimed[0]!;
  let manifest: SearchBundles;
  let result: Omit<SearchIndexResult, "files" | "pages"> & { files: string[] };
  if (first.kept) {
    manifest = first.kept.manifest;
    const { files, shards, reusedShards, recent, hidden, hash } = first.kept;
    result = { files, shards, reusedShards, recent, hidden, hash, reused: reusedShards === shards, mainMade: false };
  } else {
    const parts = archiveToBundles(archive.articles, options.shardSize ?? defaultShardSize(archive.articles.length));
    const results = claimed.flatMap((part) => part.results).sort((a, b) => a.index - b.index);
    if (results.length !== parts.length || results.some((made, index) => made.index !== index)) {
      const written = results.map((made) => made.index).join(", ");
      throw new Error(
        `The search index has ${parts.length} parts, but the parts written were ${written || "none"}: each must be written once`,
      );
    }
    const context = await contextOf(archive, outputPath, options);
    const table = await tableOfMadeIndex(context, parts, results);
    manifest = searchManifest(
      table.parts.map((part, index) => ({
        path: `/pagefind/${partFolder(part, index) ? `${part.name}/` : ""}`,
        dated: part.dated,
        count: part.count,
      })),
      Object.values(table.pages).map((page) => page.sort.date),
      UNDATED_SORT_KEY,
    );
    if (options.cacheDir) {
      await writeMainTable(mainTableFile(options.cacheDir), table);
      // The recent bundle and parts of an earlier main index are of no further use.
      await tidy(path.join(options.cacheDir, RECENT));
      const names = new Set(parts.map((part) => part.name));
      for (const name of await readdir(path.join(options.cacheDir, "main")).catch(() => [] as string[]))
        if (!names.has(name)) await tidy(path.join(options.cacheDir, "main", name));
    }
    const reusedShards = results.filter((made) => made.reused).length;
    result = {
      files: results.flatMap((made) => made.files),
      shards: results.length,
      reusedShards,
      recent: 0,
      hidden: 0,
      hash: results[0]!.hash,
      reused: reusedShards === results.length,
      mainMade: true,
    };
  }
  if (options.cacheDir) {
    // Folders of the cache's earlier layouts (one per date range) go.
    for (const name of await readdir(options.cacheDir).catch(() => [] as string[])) {
      if (name !== "main" && name !== RECENT && !name.startsWith("main.json")) await tidy(path.join(options.cacheDir, name));
    }
  }
  await mkdir(outputPath, { recursive: true });
  const manifestFile = path.join(outputPath, "bundles.json");
  const manifestText = `${JSON.stringify(manifest)}\n`;
  // Left alone when it says the same, like the kept bundles beside it: a build that changed nothing writes nothing here.
  // Replaced, not written in place: the file there may be a hard link to the published site's (publish.ts).
  if ((await readFile(manifestFile, "utf8").catch(() => undefined)) !== manifestText) await writeFileAtomically(manifestFile, manifestText);
  return {
    ...result,
    pages: archive.articles.length,
    files: options.cacheDir ? ["bundles.json", ...result.files].sort() : await listTree(outputPath),
  };
}

/** Writes the search index into `outputPath` (the site's `pagefind/` folder) on this thread, reusing what the cache keeps. */
export async function writeSearchIndexCached(
  archive: Archive,
  outputPath: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  return finishSearchIndex(archive, outputPath, options, [await indexClaimedBundles(archive, outputPath, options)]);
}
