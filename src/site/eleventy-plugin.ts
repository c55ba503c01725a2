/**
 * Wires Hemeroteca into Eleventy: `.11ty.ts` templates, the Archive as global
 * data (loaded once per build), the stylesheet and scripts from `public/`, and
 * after the pages the search index and the data exports.
 *
 * What makes large archives fast lives here:
 * - records come from the content-addressed cache in `.cache/records/` and
 *   only new or edited files are parsed, on worker threads when there are many
 *   (`cachedParallelParser`);
 * - the search index depends only on the Archive, so it is built on a
 *   worker thread while Eleventy renders the pages (Pagefind runs in its own
 *   process), and the kept index in `.cache/pagefind/` is reused when no
 *   search record changed;
 * - the data exports are generated once per distinct archive and kept in
 *   `.cache/exports/`;
 * - each article's citations (citeproc is slow) are made once per distinct
 *   citation and kept in `.cache/citations.json` (citation-cache.ts).
 *
 * `.cache/` (or `HEMEROTECA_CACHE`) is safe to delete; `HEMEROTECA_NO_CACHE=1`
 * turns all four caches off. Archives above 10,000 articles are indexed as
 * several Pagefind bundles (`HEMEROTECA_SEARCH_SHARD_SIZE`, see
 * search-index-cache.ts). With `HEMEROTECA_TIMINGS=1` the build prints one
 * line `HEMEROTECA_TIMINGS {json}` to stderr with the time of each stage.
 */
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { loadArchive, warningsToText } from "../archive/load-archive.ts";
import { siteConfigFromEnv } from "../archive/site-config.ts";
import { CitationCache } from "../exports/citation-cache.ts";
import { cachedParallelParser, type ParseStats } from "../records/load-articles.ts";
import { writeExportsCached } from "./exports-cache.ts";
import { writeSearchIndexInWorker, type SearchIndexResult } from "./search-index-cache.ts";

/** The parts of Eleventy's configuration API this plugin uses. */
export interface EleventyConfig {
  addExtension(extensions: string[], options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(target: string): void;
  addGlobalData(name: string, value: () => unknown): void;
  on(event: string, callback: (event: { dir: { output: string }; runMode?: string }) => unknown): void;
  setQuietMode?(quiet: boolean): void;
}

export interface PluginOptions {
  root: string;
  articlesDir?: string;
  /** Folder of the build caches; defaults to `HEMEROTECA_CACHE` or `<root>/.cache`. `false`: no caches. */
  cacheDir?: string | false;
  log?: (message: string) => void;
}

/**
 * Empties `folder` at once: it is renamed aside, to be deleted by `start()`
 * while the build goes on (deleting ten thousand pages takes seconds; the
 * build starts it once the files are read, so the two do not queue for the
 * same I/O threads). Folders left aside by an interrupted build go too.
 */
async function clearFolder(folder: string): Promise<{ start: () => Promise<void> }> {
  const parent = path.dirname(folder);
  const prefix = `.${path.basename(folder)}.deleting-`;
  const aside = path.join(parent, `${prefix}${process.pid}-${Date.now()}`);
  const leftovers = (await readdir(parent).catch(() => [] as string[])).filter((name) => name.startsWith(prefix)).map((name) => path.join(parent, name));
  try {
    await rename(folder, aside);
    leftovers.push(aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") await rm(folder, { recursive: true, force: true });
  }
  return { start: () => Promise.all(leftovers.map((old) => rm(old, { recursive: true, force: true }))).then(() => undefined) };
}

/** `HEMEROTECA_SEARCH_SHARD_SIZE`: articles per Pagefind bundle at most (see search-index-cache.ts). */
function shardSizeFromEnv(): number | undefined {
  const text = process.env.HEMEROTECA_SEARCH_SHARD_SIZE;
  if (!text) return undefined;
  const size = Number(text);
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`Cannot read \`HEMEROTECA_SEARCH_SHARD_SIZE=${text}\`: expected a whole number of articles, at least 1`);
  return size;
}

function resolveCacheDir(options: PluginOptions): string | undefined {
  if (options.cacheDir === false || process.env.HEMEROTECA_NO_CACHE === "1") return undefined;
  return path.resolve(options.root, options.cacheDir ?? process.env.HEMEROTECA_CACHE ?? ".cache");
}

const ms = (value: number) => Math.round(value);

export function hemeroteca(eleventyConfig: EleventyConfig, options: PluginOptions): void {
  const log = options.log ?? ((message: string) => console.error(`[hemeroteca] ${message}`));
  const cacheDir = resolveCacheDir(options);
  const searchShardSize = shardSizeFromEnv();
  let archive: Archive | undefined;
  let citations: CitationCache | undefined;
  let search: Promise<SearchIndexResult & { ms: number }> | undefined;
  let timings: Record<string, number | boolean> = {};
  let loadedAt = 0;
  let deleting: Promise<void> | undefined;

  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");
  eleventyConfig.addPassthroughCopy({ "public/": "/" });
  eleventyConfig.addWatchTarget("content/");
  eleventyConfig.addGlobalData("archive", () => {
    if (!archive) throw new Error("The archive was not loaded before templates asked for it");
    return archive;
  });
  // Templates take each article's reference from here: made once, kept between builds.
  eleventyConfig.addGlobalData("citationsOf", () => {
    if (!archive || !citations) throw new Error("The archive was not loaded before templates asked for citations");
    const [current, cache] = [archive, citations];
    return (article: ArticleRecord) => cache.citationsOf(article, current);
  });

  eleventyConfig.on("eleventy.before", async ({ dir, runMode }) => {
    const output = path.resolve(options.root, dir.output);
    const cleaning = performance.now();
    timings = { startup: ms(cleaning) };
    // A full build starts from an empty folder, so no page of an earlier build outlives its article.
    const cleared = runMode === "build" ? await clearFolder(output) : undefined;
    const started = performance.now();
    timings.clean = ms(started - cleaning);
    let parse: ParseStats | undefined;
    let parsedAt = started;
    let commitCache: (() => Promise<void>) | undefined;
    const parseFiles = cachedParallelParser({
      ...(cacheDir ? { cacheDir: path.join(cacheDir, "records") } : {}),
      onStats: (stats) => (parse = stats),
      deferCacheWrites: (commit) => (commitCache = commit),
    });
    let loaded: Awaited<ReturnType<typeof loadArchive>>;
    try {
      loaded = await loadArchive({
        root: options.root,
        site: siteConfigFromEnv(),
        ...(options.articlesDir ? { articlesDir: options.articlesDir } : {}),
        parseFiles: async (files) => {
          const results = await parseFiles(files);
          parsedAt = performance.now();
          return results;
        },
      });
    } finally {
      // Also when the content has errors: nothing of the old site may be left aside.
      deleting = cleared?.start();
      deleting?.catch(() => {});
    }
    archive = loaded.archive;
    // Only now, with every file valid, may the build leave anything outside its output.
    await commitCache?.();
    if (loaded.warnings.length) log(`warnings:\n${warningsToText(loaded.warnings)}`);
    loadedAt = performance.now();
    const loadMs = loadedAt - started;
    const parseMs = parse?.parseMs ?? 0;
    Object.assign(timings, {
      articles: archive.articles.length,
      cached: parse?.cached ?? 0,
      parsed: parse?.parsed ?? 0,
      threads: parse?.threads ?? 0,
      // Listing and reading the files, looking them up in the cache and writing new entries.
      load: ms(parsedAt - started - parseMs),
      parse: ms(parseMs),
      // Cross-file checks and the Archive's indexes.
      archive: ms(loadedAt - parsedAt),
    });
    if (parse?.cacheWriteErrors) log(`could not write ${parse.cacheWriteErrors} record cache entries; the build goes on without them`);
    log(`loaded ${archive.articles.length} articles in ${ms(loadMs)} ms (${parse?.cached ?? 0} from the cache, ${parse?.parsed ?? 0} parsed${parse?.threads ? ` on ${parse.threads} threads` : ""})`);

    citations = await CitationCache.open(cacheDir ? path.join(cacheDir, "citations.json") : undefined);

    // The index needs only the Archive: it is made on a worker thread (and Pagefind in its own process) while Eleventy renders.
    const current = archive;
    const searchStarted = performance.now();
    search = writeSearchIndexInWorker(current, path.join(output, "pagefind"), {
      ...(cacheDir ? { cacheDir: path.join(cacheDir, "pagefind") } : {}),
      ...(searchShardSize ? { shardSize: searchShardSize } : {}),
    })
      .then((result) => ({ ...result, ms: performance.now() - searchStarted }));
    // Awaited in eleventy.after; until then a failure must not count as unhandled.
    search.catch(() => {});
  });

  eleventyConfig.on("eleventy.after", async ({ dir }) => {
    await deleting;
    deleting = undefined;
    if (!archive) return;
    const output = path.resolve(options.root, dir.output);
    const renderedAt = performance.now();
    timings.render = ms(renderedAt - loadedAt);
    let started = performance.now();
    const current = archive;
    const cache = citations!;
    const exports = await writeExportsCached(current, output, cacheDir ? path.join(cacheDir, "exports") : undefined, (article) => cache.citationsOf(article, current));
    await cache.save();
    timings.exports = ms(performance.now() - started);
    timings.citationsMade = cache.stats.made;
    timings.citationsReused = cache.stats.reused;
    timings.exportsReused = exports.reused;
    log(`${exports.reused ? "reused the data exports" : "wrote data exports"} in ${ms(performance.now() - started)} ms`);
    started = performance.now();
    const index = await search!;
    search = undefined;
    timings.index = ms(index.ms);
    timings.indexWait = ms(performance.now() - started);
    timings.indexReused = index.reused;
    timings.indexShards = index.shards;
    timings.indexShardsReused = index.reusedShards;
    timings.total = ms(performance.now());
    // Memory of this process as the build ends (the Pagefind processes and their peaks are not in it).
    const memory = process.memoryUsage();
    timings.heapMiB = Math.round(memory.heapUsed / 2 ** 20);
    timings.rssMiB = Math.round(memory.rss / 2 ** 20);
    const bundles = index.shards > 1 ? ` in ${index.shards} bundles (${index.reusedShards} reused)` : "";
    log(`${index.reused ? "reused the search index of" : "indexed"} ${index.pages} articles for search${bundles} in ${ms(index.ms)} ms`);
    if (process.env.HEMEROTECA_TIMINGS === "1") process.stderr.write(`HEMEROTECA_TIMINGS ${JSON.stringify(timings)}\n`);
  });
}
