/**
 * Wires Hemeroteca into Eleventy: `.11ty.ts` templates, the Archive as global
 * data (loaded once per build), the files of `public/` (stylesheets and
 * scripts minified), and after the pages the search index and the data
 * exports.
 *
 * What makes large archives fast lives here:
 * - records come from the content-addressed record cache and
 *   only new or edited files are parsed, on worker threads when there are many
 *   (`cachedParallelParser`);
 * - the search index depends only on the Archive, so it is built on a
 *   worker thread while Eleventy renders the pages (Pagefind runs in its own
 *   process), with a second worker for the bundles still waiting when the
 *   pages are done (search-index-threads.ts), and the kept index is reused
 *   when no search record changed;
 * - the data exports are generated once per distinct archive and kept;
 * - each article's citations (citeproc is slow) are made once per distinct
 *   citation and kept (citation-cache.ts);
 * - each feed document is made once per distinct feed and kept (feed-cache.ts);
 * - a list page or a citation file whose bytes are those the last build left
 *   in the site is neither handed to Eleventy nor written again
 *   (output-ledger.ts and pages-to-write.ts); nor is an
 *   article page made from the same record and context
 *   (article-page-key.ts), or a feed made from the same feed cache key.
 *
 * Every kept entry is checked against its digest when reused, and a bad one
 * made again (cache-files.ts). A build (not `npm start`) makes the new site
 * beside the old one and swaps it in when whole, under a lock (publish.ts).
 *
 * Each cache's folder, version and code scope are in one table
 * (src/lib/cache-registry.ts). `.cache/` (or `HEMEROTECA_CACHE`) is safe to
 * delete; `HEMEROTECA_NO_CACHE=1` turns every cache off. A dry run (`--dryrun`) loads and checks every
 * article and renders every page, like Eleventy, and writes nothing: no
 * citation file, export or search index, and nothing into the caches.
 * The search index is one main Pagefind index and a small one of what changed
 * since (`HEMEROTECA_SEARCH_RECENT_LIMIT`), the main one cut by date range
 * only past `HEMEROTECA_SEARCH_SHARD_SIZE` articles (search-index-cache.ts).
 * With `HEMEROTECA_TIMINGS=1` the build prints one line
 * `HEMEROTECA_TIMINGS {json}` to stderr with the time of each stage.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Archive, FeedSpec } from "../archive/build-archive.ts";
import { loadArchive, warningsToText } from "../archive/load-archive.ts";
import { loadSiteConfig } from "../archive/site-config.ts";
import { siteFileFor } from "../archive/site-file.ts";
import { ContentError, countErrors } from "../records/problems.ts";
import { CitationCache } from "../exports/citation-cache.ts";
import { cachedParallelParser, DEFAULT_ARTICLES_DIR, type ParseStats } from "../records/load-articles.ts";
import { recordDigest } from "../records/record-digest.ts";
import { writeCitationFiles } from "../exports/write-citation-files.ts";
import { DATA_FILES } from "../exports/write-exports.ts";
import { exportsWorker, writeExportsInWorker } from "../build/cache/exports-cache.ts";
import { FeedCache } from "../build/cache/feed-cache.ts";
import type { FeedFormat } from "../render/feeds.ts";
import { codeFingerprint, listTree } from "../build/cache/output-cache.ts";
import { ArticlePageKeys } from "../build/cache/article-page-key.ts";
import { foreignOutputProblem, markOutputFolder, outputFolderProblem, SITE_MARKER } from "../build/output/output-folder.ts";
import { OutputLedger } from "../build/cache/output-ledger.ts";
import { allPages, permalinkToFile, selectFeedsToWrite, selectPagesToWrite, type PageRenderers, type PagesToWrite } from "../build/output/pages-to-write.ts";
import { listOutput, pruneOutput, type OutputListing } from "../build/output/prune-output.ts";
import { acquireBuildLock, publishStaging, releaseBuildLock, SiteLinker, stagingFolderOf, startStaging } from "../build/output/publish.ts";
import { SITE_CODE } from "../build/cache/site-code.ts";
import { minifiedAssetsIn, minifyAsset } from "./public-assets.ts";
import { SearchIndexInWorkers, searchIndexWorker } from "../search-index/search-index-threads.ts";
import { toPosix } from "../lib/paths.ts";
import type { ArticleEntry } from "../records/article-record.ts";
import { shardArticles, type ShardSpec } from "../archive/shards.ts";
import { mergeExports } from "../exports/merge-exports.ts";
import { copyShardFiles, readShards, SHARD_MANIFEST, writeShardManifest, type ShardManifest } from "../build/output/shard-output.ts";
import { writeArticlePreviews, type PreviewRenderers } from "./quick-preview.ts";
import { cachePath, cacheRoot } from "../lib/cache-registry.ts";

/** The parts of Eleventy's configuration API this plugin uses. */
export interface EleventyConfig {
  addExtension(extensions: string[], options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addTemplate(virtualPath: string, content: { data: Record<string, unknown>; render: () => string }): void;
  addWatchTarget(target: string): void;
  addGlobalData(name: string, value: () => unknown): void;
  on(event: "eleventy.beforeWatch", callback: (changed: string[]) => unknown): void;
  on(event: string, callback: (event: { dir: { output: string }; incremental?: boolean; results?: Array<{ outputPath: string | false; content?: unknown }> }) => unknown): void;
  setQuietMode?(quiet: boolean): void;
}

export interface PluginOptions {
  root: string;
  articlesDir?: string;
  /** Folder of the build caches; defaults to `HEMEROTECA_CACHE` or `<root>/.cache`. `false`: no caches. */
  cacheDir?: string | false;
  log?: (message: string) => void;
  /**
   * What the article and list templates make their pages of: with them, a
   * full build leaves out of Eleventy's pagination every such page whose
   * file already holds what it would write (pages-to-write.ts).
   */
  pages?: PageRenderers;
  /**
   * `npm start`: the article template's page of a record and its context, to
   * write a saved article's page before the rebuild (quick-preview.ts), and
   * what to do once written (reload the open pages).
   */
  preview?: { articlePage: PreviewRenderers["articlePage"]; written: (files: string[]) => void };
  /** Write nothing (Eleventy's `--dryrun`); defaults to whether the command line asks for it. */
  dryRun?: boolean;
  /** Build one shard of a sharded build (`--shard K/N`): its article pages, their citation files and its part of the exports. */
  shard?: ShardSpec;
  /** Merge the output folders of every shard (`--merge DIR...`) into the whole site, as a single build writes it. */
  merge?: string[];
  /**
   * The site folder, when Eleventy's output is its staging folder
   * (`stagingFolderOf(site)`): the build makes the new site there and swaps
   * it in once whole (publish.ts). Without it, or when Eleventy writes
   * elsewhere (`--output`), the build writes in place.
   */
  site?: string;
}

/**
 * Whether Eleventy's command line asks for a dry run. Eleventy tells its
 * plugins the run mode but not this, and it reads the flag as minimist does:
 * `--dryrun`, or `--dryrun=<value>` with anything but `false`.
 */
export function commandLineAsksForDryRun(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === "--dryrun" || (arg.startsWith("--dryrun=") && arg !== "--dryrun=false"));
}

/**
 * `HEMEROTECA_SEARCH_SHARD_SIZE` (articles per main search part at most) or
 * `HEMEROTECA_SEARCH_RECENT_LIMIT` (changes before the main index is made
 * again), see search-index-cache.ts.
 */
function countFromEnv(name: "HEMEROTECA_SEARCH_SHARD_SIZE" | "HEMEROTECA_SEARCH_RECENT_LIMIT", least: number): number | undefined {
  const text = process.env[name];
  if (!text) return undefined;
  const size = Number(text);
  if (!Number.isSafeInteger(size) || size < least) throw new Error(`Cannot read \`${name}=${text}\`: expected a whole number of articles, at least ${least}`);
  return size;
}

const ms = (value: number) => Math.round(value);
/** This process's resident set now (the main thread and its workers; not the Pagefind processes), in MiB. */
const rssMiB = () => Math.round(process.memoryUsage().rss / 2 ** 20);

export function hemeroteca(eleventyConfig: EleventyConfig, options: PluginOptions): void {
  const log = options.log ?? ((message: string) => console.error(`[hemeroteca] ${message}`));
  const cacheDir = cacheRoot(options.root, options.cacheDir);
  /** Where the output ledgers are kept (output-ledger.ts), one per output folder. */
  const ledgerDir = cachePath(cacheDir, "outputLedger");
  const dryRun = options.dryRun ?? commandLineAsksForDryRun(process.argv);
  const searchShardSize = countFromEnv("HEMEROTECA_SEARCH_SHARD_SIZE", 1);
  const searchRecentLimit = countFromEnv("HEMEROTECA_SEARCH_RECENT_LIMIT", 0);
  if (options.shard && options.merge) throw new Error("Cannot build with both `--shard` and `--merge`: build each shard, then merge their folders");
  let archive: Archive | undefined;
  /** In a shard's build, its articles (shards.ts). */
  let shardPart: ArticleEntry[] | undefined;
  /** In a merge, the shards' manifests, in shard order (shard-output.ts). */
  let shards: Array<ShardManifest & { folder: string }> | undefined;
  let citations: CitationCache | undefined;
  let feeds: FeedCache | undefined;
  let search: SearchIndexInWorkers | undefined;
  let exportsMade: Promise<{ reused: boolean; ms: number }> | undefined;
  let timings: Record<string, number | boolean> = {};
  /** When eleventy.before ended and Eleventy's own render began. */
  let renderStartedAt = 0;
  let ledger: OutputLedger | undefined;
  let pagesToWrite: PagesToWrite | undefined;
  /** Article page or feed file -> the key it is made from, for the ledger (pages-to-write.ts). */
  let fileSources: Map<string, string> | undefined;
  /** Wall-clock start of the build, to tell the files it wrote (output-ledger.ts). */
  let buildStartedAt = 0;
  /** The site folder this build writes or stages (publish.ts), and whether it stages. */
  let site: { folder: string; staged: boolean } | undefined;

  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");
  // Stylesheets and scripts are minified on the way (public-assets.ts); everything else in public/ is copied as it is.
  eleventyConfig.addPassthroughCopy({ "public/**/!(*.css|*.js)": "/" });
  const publicDir = path.join(options.root, "public");
  for (const name of minifiedAssetsIn(publicDir)) {
    eleventyConfig.addTemplate(`public-${name.replaceAll("/", "-")}.11ty.ts`, {
      data: { permalink: `/${name}`, eleventyExcludeFromCollections: true },
      render: () => minifyAsset(path.join(publicDir, name)),
    });
  }
  // `npm start` rebuilds when an article changes, in whichever folder the articles are.
  eleventyConfig.addWatchTarget(options.articlesDir ? path.resolve(options.root, options.articlesDir) : "content/");
  if (options.articlesDir) eleventyConfig.addWatchTarget(path.resolve(options.root, siteFileFor(options.articlesDir)));
  eleventyConfig.addGlobalData("archive", () => {
    if (!archive) throw new Error("The archive was not loaded before templates asked for it");
    return archive;
  });
  // Templates take each article's reference from here: made once, kept between builds.
  eleventyConfig.addGlobalData("citationsOf", () => {
    if (!archive || !citations) throw new Error("The archive was not loaded before templates asked for citations");
    return citations.citationsFor(archive);
  });
  // The feed templates take their documents from here: each made once per distinct feed, kept between builds.
  eleventyConfig.addGlobalData("feedDocument", () => {
    if (!archive || !feeds) throw new Error("The archive was not loaded before templates asked for feeds");
    const [current, cache] = [archive, feeds];
    return (spec: FeedSpec, format: FeedFormat) => cache.document(current, spec, format);
  });
  // The article and list templates paginate over these: every page, or in a full build with a ledger, the changed ones.
  eleventyConfig.addGlobalData("pagesToWrite", () => {
    if (!archive) throw new Error("The archive was not loaded before templates asked for their pages");
    return pagesToWrite ?? allPages(archive);
  });

  // `npm start`: a saved article's own page at once, from the last build's Archive, before the rebuild (quick-preview.ts).
  eleventyConfig.on("eleventy.beforeWatch", async (changed) => {
    if (!options.preview || !options.pages || !archive || !citations || !site || site.staged || dryRun) return;
    try {
      const written = await writeArticlePreviews({
        root: options.root, archive, citationsOf: citations.citationsFor(archive), output: site.folder, changed,
        render: { articleContext: options.pages.articleContext, articlePage: options.preview.articlePage },
      });
      if (written.length) options.preview.written(written);
    } catch (error) {
      // Only a head start: the rebuild that follows writes the page, or names the problem.
      log(`could not write the saved article's page ahead of the rebuild: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  eleventyConfig.on("eleventy.before", async ({ dir, incremental }) => {
    const output = path.resolve(options.root, dir.output);
    const staged = Boolean(options.site) && !dryRun && !incremental && output === stagingFolderOf(path.resolve(options.root, options.site!));
    const siteFolder = staged ? path.resolve(options.root, options.site!) : output;
    site = { folder: siteFolder, staged };
    const outputProblem = outputFolderProblem(siteFolder, [
      { name: "the project's folder", folder: options.root },
      { name: "the articles folder", folder: path.resolve(options.root, options.articlesDir ?? DEFAULT_ARTICLES_DIR) },
      ...(cacheDir ? [{ name: "the build caches' folder", folder: cacheDir }] : []),
    ]);
    if (outputProblem) throw new Error(outputProblem);
    /** In a staged build, links the files left as they were from the site into the new one. */
    let linker: SiteLinker | undefined;
    if (!dryRun) {
      const foreign = foreignOutputProblem(siteFolder, Boolean(ledgerDir && existsSync(OutputLedger.fileOf(ledgerDir, siteFolder))));
      if (foreign) throw new Error(foreign);
      // One build at a time: a second stops here, before it writes anything, naming the first.
      acquireBuildLock(siteFolder);
      if (staged) {
        // Also removes what an interrupted build left beside the site, or finishes its swap.
        startStaging(siteFolder);
        linker = new SiteLinker(siteFolder, output);
        // The kept search bundles and exports are put in only when the site's copy is not the kept one: linked, the
        // unchanged ones are not copied again (output-cache.ts replaces a file rather than writing into it).
        if (cacheDir) for (const folder of ["pagefind", "data"]) for (const file of existsSync(path.join(siteFolder, folder)) ? await listTree(path.join(siteFolder, folder)) : []) linker.link(`${folder}/${file}`);
      }
      await markOutputFolder(output);
    }
    buildStartedAt = Date.now();
    ledger = undefined;
    pagesToWrite = undefined;
    fileSources = undefined;
    const started = performance.now();
    timings = { startup: ms(started) };
    let parse: ParseStats | undefined;
    let parsedAt = started;
    let commitCache: (() => Promise<void>) | undefined;
    const parseFiles = cachedParallelParser({
      ...(cacheDir ? { cacheDir: cachePath(cacheDir, "records") } : {}),
      onStats: (stats) => (parse = stats),
      deferCacheWrites: (commit) => (commitCache = commit),
    });
    // Started now, so that they load their code while the archive loads; sent their jobs once it has.
    // A shard makes no search index (the merge indexes the whole archive), and a merge no exports (it joins the shards').
    const workers = dryRun ? undefined : { index: options.shard ? undefined : searchIndexWorker(), exports: options.merge ? undefined : exportsWorker() };
    let loaded;
    try {
      const settings = loadSiteConfig(options.root, options.articlesDir);
      // With a broken settings file the articles are still read, so that one run names every mistake.
      const settingsErrors = countErrors(settings.problems) ? settings.problems : [];
      try {
        loaded = await loadArchive({
          root: options.root,
          site: settings.site,
          ...(options.articlesDir ? { articlesDir: options.articlesDir } : {}),
          parseFiles: async (files) => {
            const results = await parseFiles(files);
            parsedAt = performance.now();
            return results;
          },
        });
      } catch (error) {
        if (settingsErrors.length && error instanceof ContentError) throw new ContentError([...settingsErrors, ...error.problems]);
        throw error;
      }
      if (settingsErrors.length) throw new ContentError(settingsErrors);
      archive = loaded.archive;
      shardPart = options.shard ? shardArticles(archive.articles, options.shard) : undefined;
      // Before anything is written: shards missing, or cut from other articles, are an error naming them.
      shards = options.merge ? readShards(options.merge, archive.articles) : undefined;
      // Only now, with every file valid, may the build leave anything outside its output; a dry run leaves nothing.
      if (!dryRun) await commitCache?.();
      // The bodies of the records parsed just now are in their cache entries too: they need not stay in memory.
      loaded.bodies.settle();
      if (parse?.swept) timings.recordsSwept = parse.swept;
    } catch (error) {
      if (workers) await Promise.all([workers.index?.cancel(), workers.exports?.cancel()]);
      throw error;
    }
    if (loaded.warnings.length) log(`warnings:\n${warningsToText(loaded.warnings)}`);
    if (!archive.site.baseUrl) {
      log("SITE_URL is not set: links, citations, feeds and exports use site-relative addresses, and there is no sitemap; set SITE_URL (e.g. https://example.org/archive) for absolute ones");
    }
    const loadedAt = performance.now();
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
      // Where memory goes, stage by stage (PERFORMANCE.md, "Memory"): the resident set as each stage ends.
      rssLoadMiB: rssMiB(),
    });
    if (parse?.cacheWriteErrors) log(`could not write ${parse.cacheWriteErrors} record cache entries; the build goes on without them`);
    log(`loaded ${archive.articles.length} articles in ${ms(loadMs)} ms (${parse?.cached ?? 0} from the cache, ${parse?.parsed ?? 0} parsed${parse?.threads ? ` on ${parse.threads} threads` : ""})`);

    const current = archive;
    if (workers) {
      // The index needs only the records: it is made on a worker thread (and Pagefind in its own process) while Eleventy renders.
      // Each worker is sent the articles without their bodies, and where each body is (article-bodies.ts).
      const bodiesOf = (articles: readonly ArticleEntry[]) => articles.map((article) => loaded.bodies.locationOf(article));
      if (workers.index) {
        search = new SearchIndexInWorkers(current, bodiesOf(current.articles), path.join(output, "pagefind"), {
          // The digests are noted already (the record cache read or wrote each record), and name each record whole.
          ...(cacheDir ? { cacheDir: cachePath(cacheDir, "searchIndex"), digests: current.articles.map(recordDigest) } : {}),
          ...(searchShardSize ? { shardSize: searchShardSize } : {}),
          ...(searchRecentLimit !== undefined ? { recentLimit: searchRecentLimit } : {}),
        }, workers.index);
      }
      if (workers.exports) {
        // The data exports too need only the records, and write only `data/`: on another worker, beside the index.
        const articles = shardPart ?? current.articles;
        const job = { site: current.site, articles, bodies: bodiesOf(articles), digests: articles.map(recordDigest) };
        exportsMade = writeExportsInWorker(job, output, cachePath(cacheDir, "exports"), workers.exports);
        // Awaited in eleventy.after; until then a failure must not count as unhandled.
        exportsMade.catch(() => {});
      }
    }
    // Read once the index is under way: at 10,000 articles the kept citations are megabytes of JSON.
    citations = await CitationCache.open(cachePath(cacheDir, "citations"));
    // Read once for the feed cache and the article pages' keys: some 40 ms over every file of the site's code.
    const siteCode = cacheDir ? await codeFingerprint(SITE_CODE) : undefined;
    feeds = await FeedCache.open(cachePath(cacheDir, "feeds"), siteCode);
    // Only a full build that writes can vouch for every file it leaves alone: `npm run build`, and each rebuild of
    // `npm start` (the whole site again); not Eleventy's `--incremental` mode, which renders what it chooses.
    // A shard or a merge writes a folder of its own each time, which no ledger vouches for.
    if (cacheDir && !incremental && !dryRun && !options.shard && !options.merge) {
      const selectStarted = performance.now();
      ledger = await OutputLedger.open(ledgerDir, siteFolder, linker);
      let pageSources: Map<string, string> | undefined;
      if (options.pages) {
        const chosenPages = selectPagesToWrite(current, citations.citationsFor(current), options.pages, ledger, await ArticlePageKeys.open(siteCode));
        pagesToWrite = chosenPages.pages;
        pageSources = chosenPages.sources;
        timings.pagesUnchanged = ledger.unchanged.length;
      }
      const chosen = selectFeedsToWrite(current, feeds, ledger);
      pagesToWrite = { ...(pagesToWrite ?? allPages(current)), feeds: chosen.feeds };
      fileSources = new Map([...(pageSources ?? []), ...chosen.sources]);
      timings.feedsUnchanged = chosen.unchanged;
      timings.select = ms(performance.now() - selectStarted);
    }
    // A shard renders its article pages and no list page or feed; a merge every page but the articles', which it copies.
    if (shardPart) pagesToWrite = { articles: shardPart, listPages: [], feeds: { atom: [], json: [] } };
    if (shards) pagesToWrite = { ...(pagesToWrite ?? allPages(current)), articles: [] };
    timings.rssSelectMiB = rssMiB();
    renderStartedAt = performance.now();
  });

  /** Waits for a job started on a worker before the render; notes its time in the worker, the wait, and whether it was reused. */
  const awaitWorkerJob = async <T extends { ms: number; reused: boolean }>(stage: "exports" | "index", job: Promise<T>): Promise<T> => {
    const waitStarted = performance.now();
    const result = await job;
    timings[stage] = ms(result.ms);
    timings[`${stage}Wait`] = ms(performance.now() - waitStarted);
    timings[`${stage}Reused`] = result.reused;
    return result;
  };

  eleventyConfig.on("eleventy.after", async ({ dir, results, incremental }) => {
    if (!archive) return;
    const output = path.resolve(options.root, dir.output);
    const renderedAt = performance.now();
    timings.render = ms(renderedAt - renderStartedAt);
    timings.rssRenderMiB = rssMiB();
    if (dryRun) {
      log("dry run: wrote no citation file, data export or search index, and nothing into the caches");
      reportTimings();
      return;
    }
    // The pages are done, and with them the main thread's share of the processor: bundles still waiting get a second worker.
    timings.indexSecondWorker = search?.lendSecondWorker() ?? false;
    let started = performance.now();
    const current = archive;
    const cache = citations!;
    // A merge takes the citation files from the shards, with their article pages; a shard writes those of its articles.
    const citationFiles = shards ? [] : await writeCitationFiles(shardPart ? { ...current, articles: shardPart } : current, output, cache.citationsFor(current), ledger);
    await cache.save();
    timings.citations = ms(performance.now() - started);
    timings.citationsMade = cache.stats.made;
    timings.citationsReused = cache.stats.reused;
    timings.rssCitationsMiB = rssMiB();
    started = performance.now();
    await feeds!.save();
    Object.assign(timings, { feedsSave: ms(performance.now() - started), feedsMade: feeds!.stats.made, feedsReused: feeds!.stats.reused });
    // A full build made every page; anything else in the folder is left from an earlier build (prune-output.ts).
    // An incremental rebuild renders only what changed, so it cannot know what is stale. A dry run that the command
    // line did not announce (Eleventy's `dryRun` option) hands over no results, having written nothing, while a real
    // build always writes some (the home page, the stylesheets): then nothing may be pruned, and the ledger of the
    // last real build stands.
    const handedOver = await handOverShards(output, citationFiles);
    let prune: { made: Set<string>; listing: OutputListing; ms: number } | undefined;
    if (!incremental && results?.length) {
      // All but the search index's files are known by now, and every stale file is in the folder: both are worked
      // out while the workers finish, rather than after.
      started = performance.now();
      const made = new Set<string>([SITE_MARKER, ...DATA_FILES, ...citationFiles, ...handedOver, ...(await listTree(path.join(options.root, "public")))]);
      for (const result of results ?? []) {
        if (typeof result.outputPath !== "string") continue;
        const file = toPosix(path.relative(output, path.resolve(result.outputPath)));
        made.add(file);
        if (typeof result.content === "string") ledger?.noteWritten(file, result.content, buildStartedAt, fileSources?.get(file));
      }
      for (const file of ledger?.unchanged ?? []) made.add(file);
      prune = { made, listing: listOutput(output), ms: performance.now() - started };
    }
    if (exportsMade) {
      const exports = await awaitWorkerJob("exports", exportsMade);
      log(`${exports.reused ? "reused the data exports" : "wrote data exports"} in ${ms(exports.ms)} ms`);
    }
    exportsMade = undefined;
    const index = search ? await awaitWorkerJob("index", search.result()) : undefined;
    search = undefined;
    if (index) {
      timings.indexShards = index.shards;
      timings.indexShardsReused = index.reusedShards;
      timings.indexRecent = index.recent;
      timings.indexMainMade = index.mainMade;
      if (index.secondShards) Object.assign(timings, { indexSecond: ms(index.secondMs), indexSecondShards: index.secondShards });
    }
    if (prune) {
      started = performance.now();
      for (const file of index?.files ?? []) prune.made.add(`pagefind/${file}`);
      const removed = await pruneOutput(output, prune.made, prune.listing);
      timings.prune = ms(prune.ms + performance.now() - started);
      timings.pruned = removed.length;
    }
    if (site?.staged) {
      started = performance.now();
      // Only a build that made every page may be published; anything else leaves the site as it was.
      if (prune) publishStaging(output, site.folder);
      else await rm(output, { recursive: true, force: true });
      timings.publish = ms(performance.now() - started);
    }
    if (prune) await ledger?.save();
    if (site) releaseBuildLock(site.folder);
    if (index) {
      const recent = index.recent ? `, ${index.recent} of them in the recent index (${index.hidden} pages of the main one hidden)` : "";
      const bundles = index.shards > 1 ? ` in ${index.shards} bundles (${index.reusedShards} reused)${recent}` : recent;
      log(`${index.reused ? "reused the search index of" : "indexed"} ${index.pages} articles for search${bundles} in ${ms(index.ms)} ms`);
    }
    reportTimings();
  });

  /**
   * A shard's hand-over: `shard.json`, naming its articles and the files that
   * are the merge's (its article pages and their citation files). A merge's
   * take: those files copied from every shard, and the exports joined from
   * theirs. Answers the files this step wrote, relative to the output.
   */
  const handOverShards = async (output: string, citationFiles: readonly string[]): Promise<string[]> => {
    const started = performance.now();
    let written: string[];
    if (options.shard && shardPart) {
      await writeShardManifest(output, options.shard, shardPart, [...shardPart.map((article) => permalinkToFile(article.permalink)), ...citationFiles]);
      written = [SHARD_MANIFEST];
    } else if (shards && archive) {
      written = await copyShardFiles(shards, output);
      await mergeExports(shards.map((shard) => shard.folder), archive, output);
      log(`merged ${shards.length} shards: ${written.length} files copied, the exports joined`);
    } else return [];
    timings.shards = ms(performance.now() - started);
    return written;
  };

  /** Ends the build's timings and prints them when `HEMEROTECA_TIMINGS=1`. */
  const reportTimings = () => {
    timings.total = ms(performance.now());
    // Memory of this process as the build ends (the Pagefind processes and their peaks are not in it).
    const memory = process.memoryUsage();
    timings.heapMiB = Math.round(memory.heapUsed / 2 ** 20);
    timings.rssMiB = Math.round(memory.rss / 2 ** 20);
    // The process's peak resident set (Linux reports it in KiB), workers included.
    timings.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    if (process.env.HEMEROTECA_TIMINGS === "1") process.stderr.write(`HEMEROTECA_TIMINGS ${JSON.stringify(timings)}\n`);
  };
}
