/**
 * One build as named steps, on Eleventy's two events: `before` (the site
 * folder, the records, the workers' jobs, the caches, the pages to write)
 * and `after` (citation files and feeds, a shard's hand-over, the workers'
 * results, pruning and publishing). What makes this fast and safe is told in
 * eleventy-plugin.ts's header and PERFORMANCE.md.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import { loadArchive, warningsToText } from "../archive/load-archive.ts";
import { loadSiteConfig } from "../archive/site-config.ts";
import { shardArticles, type ShardSpec } from "../archive/shards.ts";
import { ContentError, countErrors } from "../records/problems.ts";
import { cachedParallelParser, DEFAULT_ARTICLES_DIR, type ParseStats } from "../records/load-articles.ts";
import { recordDigest } from "../records/record-digest.ts";
import type { ArticleEntry } from "../records/article-record.ts";
import { CitationCache } from "../exports/citation-cache.ts";
import { writeCitationFiles } from "../exports/write-citation-files.ts";
import { DATA_FILES } from "../exports/write-exports.ts";
import { mergeExports } from "../exports/merge-exports.ts";
import { exportsWorker, writeExportsInWorker } from "../build/cache/exports-cache.ts";
import { FeedCache } from "../build/cache/feed-cache.ts";
import { codeFingerprint, listTree } from "../build/cache/output-cache.ts";
import { ArticlePageKeys } from "../build/cache/article-page-key.ts";
import { OutputLedger } from "../build/cache/output-ledger.ts";
import { SITE_CODE } from "../build/cache/site-code.ts";
import { foreignOutputProblem, markOutputFolder, outputFolderProblem, SITE_MARKER } from "../build/output/output-folder.ts";
import {
  allPages,
  permalinkToFile,
  selectFeedsToWrite,
  selectPagesToWrite,
  type PageRenderers,
  type PagesToWrite,
} from "../build/output/pages-to-write.ts";
import { listOutput, pruneOutput, type OutputListing } from "../build/output/prune-output.ts";
import { acquireBuildLock, publishStaging, releaseBuildLock, SiteLinker, stagingFolderOf, startStaging } from "../build/output/publish.ts";
import { writeArticlePages } from "../build/output/write-article-pages.ts";
import { writeListPages } from "../build/output/write-list-pages.ts";
import { copyShardFiles, readShards, SHARD_MANIFEST, writeShardManifest, type ShardManifest } from "../build/output/shard-output.ts";
import { SearchIndexInWorkers, searchIndexWorker } from "../search-index/search-index-threads.ts";
import { toPosix } from "../lib/paths.ts";
import { cachePath, cacheRoot } from "../lib/cache-registry.ts";
import { writeArticlePreviews } from "./quick-preview.ts";
import { memoryProbe } from "./memory-probe.ts";

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
   * `npm start`: write a saved article's page before the rebuild
   * (quick-preview.ts, with `pages`), and what to do once written (reload
   * the open pages).
   */
  preview?: { written: (files: string[]) => void };
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

/** What Eleventy tells the plugin after a build: the files it wrote. */
export type RenderResults = Array<{ outputPath: string | false; content?: unknown }> | undefined;

/** The site folder a build writes or stages (publish.ts), and whether it stages. */
interface SiteFolder {
  folder: string;
  staged: boolean;
}

/** What one build's `after` needs of its `before`. */
interface Pass {
  /** Wall-clock start of the build, to tell the files it wrote (output-ledger.ts). */
  startedAt: number;
  /** When `before` ended and Eleventy's own render began. */
  renderStartedAt: number;
  /** In a shard's build, its articles (shards.ts). */
  shardPart: ArticleEntry[] | undefined;
  /** In a merge, the shards' manifests, in shard order (shard-output.ts). */
  shards: Array<ShardManifest & { folder: string }> | undefined;
  search: SearchIndexInWorkers | undefined;
  exportsMade: Promise<{ reused: boolean; ms: number }> | undefined;
  ledger: OutputLedger | undefined;
  /** Article page or feed file -> the key it is made from, for the ledger (pages-to-write.ts). */
  fileSources: Map<string, string> | undefined;
  /** The article pages this build wrote itself (write-article-pages.ts), site-relative. */
  articleFiles: Set<string>;
  /** The list and redirect pages this build wrote itself (write-list-pages.ts), site-relative. */
  pageFiles: Set<string>;
}

/** The workers started as a build begins, each sent its job once the archive has loaded. */
interface Workers {
  index: ReturnType<typeof searchIndexWorker> | undefined;
  exports: ReturnType<typeof exportsWorker> | undefined;
}

/**
 * `HEMEROTECA_SEARCH_SHARD_SIZE` (articles per main search part at most),
 * `HEMEROTECA_SEARCH_RECENT_LIMIT` (changes before the main index is made
 * again), see search-index-cache.ts, or `HEMEROTECA_SEARCH_INDEX_PART_SIZE`
 * (articles one Pagefind process indexes at most), see pagefind-index.ts.
 */
function countFromEnv(
  name: "HEMEROTECA_SEARCH_SHARD_SIZE" | "HEMEROTECA_SEARCH_RECENT_LIMIT" | "HEMEROTECA_SEARCH_INDEX_PART_SIZE",
  least: number,
): number | undefined {
  const text = process.env[name];
  if (!text) return undefined;
  const size = Number(text);
  if (!Number.isSafeInteger(size) || size < least)
    throw new Error(`Cannot read \`${name}=${text}\`: expected a whole number of articles, at least ${least}`);
  return size;
}

/**
 * Past this many articles the index keeps one Pagefind process at a time: a second one beside it
 * (search-index-threads.ts) was 1.7 GiB of the 7.4 GiB a cold build of 100,000 peaked at, over the
 * 6 GiB a standard runner can give, and saved no time that two runs each at 20,000 could tell
 * from the load (PERFORMANCE.md, "One Pagefind process at a time").
 */
export const SECOND_SEARCH_WORKER_LIMIT = 50_000;

/**
 * `HEMEROTECA_SEARCH_WORKERS`: 2 lends the index a second worker, and so a second Pagefind process,
 * once the pages are rendered; 1 keeps one Pagefind process at a time; unset, `searchWorkersFor` decides.
 */
export function searchWorkersFromEnv(text = process.env.HEMEROTECA_SEARCH_WORKERS): 1 | 2 | undefined {
  if (!text) return undefined;
  if (text === "1" || text === "2") return Number(text) as 1 | 2;
  throw new Error(`Cannot read \`HEMEROTECA_SEARCH_WORKERS=${text}\`: expected 1 or 2`);
}

/** The index's workers for an archive of `articles`: the setting, else 2 up to `SECOND_SEARCH_WORKER_LIMIT`, else 1. */
export function searchWorkersFor(articles: number, setting: 1 | 2 | undefined): 1 | 2 {
  return setting ?? (articles > SECOND_SEARCH_WORKER_LIMIT ? 1 : 2);
}

const ms = (value: number) => Math.round(value);
/** This process's resident set now (the main thread and its workers; not the Pagefind processes), in MiB. */
const rssMiB = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/**
 * A build, step by step, and what stays between the rebuilds of `npm start`
 * (the Archive, the citation and feed caches). `before` runs on
 * `eleventy.before`, `after` on `eleventy.after`; each is a list of named
 * steps below.
 */
export class BuildRun {
  private readonly log: (message: string) => void;
  private readonly cacheDir: string | undefined;
  /** Where the output ledgers are kept (output-ledger.ts), one per output folder. */
  private readonly ledgerDir: string | undefined;
  private readonly dryRun: boolean;
  private readonly searchShardSize = countFromEnv("HEMEROTECA_SEARCH_SHARD_SIZE", 1);
  private readonly searchRecentLimit = countFromEnv("HEMEROTECA_SEARCH_RECENT_LIMIT", 0);
  private readonly searchIndexPartSize = countFromEnv("HEMEROTECA_SEARCH_INDEX_PART_SIZE", 1);
  private readonly searchWorkers = searchWorkersFromEnv();
  private archive: Archive | undefined;
  private citations: CitationCache | undefined;
  private feeds: FeedCache | undefined;
  private site: SiteFolder | undefined;
  private pass: Pass | undefined;
  private timings: Record<string, number | boolean> = {};
  private readonly probe = memoryProbe();
  /** The pages the templates paginate over: undefined for every page. */
  pagesToWrite: PagesToWrite | undefined;

  constructor(private readonly options: PluginOptions) {
    this.log = options.log ?? ((message: string) => console.error(`[hemeroteca] ${message}`));
    this.cacheDir = cacheRoot(options.root, options.cacheDir);
    this.ledgerDir = cachePath(this.cacheDir, "outputLedger");
    this.dryRun = options.dryRun ?? commandLineAsksForDryRun(process.argv);
    if (options.shard && options.merge)
      throw new Error("Cannot build with both `--shard` and `--merge`: build each shard, then merge their folders");
  }

  /** What templates read, once `before` has loaded it. */
  loaded(asker: string): { archive: Archive; citations: CitationCache; feeds: FeedCache } {
    if (!this.archive || !this.citations || !this.feeds) throw new Error(`The archive was not loaded before ${asker}`);
    return { archive: this.archive, citations: this.citations, feeds: this.feeds };
  }

  /** `npm start`: writes a saved article's page from the last build's Archive ahead of the rebuild (quick-preview.ts). */
  async previewSaved(changed: string[]): Promise<void> {
    const { options, archive, citations, site } = this;
    if (!options.preview || !options.pages || !archive || !citations || !site || site.staged || this.dryRun) return;
    try {
      const written = await writeArticlePreviews({
        root: options.root,
        archive,
        citationsOf: citations.citationsFor(archive),
        output: site.folder,
        changed,
        render: options.pages,
      });
      if (written.length) options.preview.written(written);
    } catch (error) {
      // Only a head start: the rebuild that follows writes the page, or names the problem.
      this.log(`could not write the saved article's page ahead of the rebuild: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Before Eleventy renders: the site folder, the records, the workers' jobs, the caches, the pages to write. */
  async before(outputDir: string, incremental: boolean): Promise<void> {
    this.pass = undefined;
    const output = path.resolve(this.options.root, outputDir);
    const linker = await this.openSiteFolder(output, incremental);
    const startedAt = Date.now();
    this.pagesToWrite = undefined;
    const started = performance.now();
    this.timings = { startup: ms(started) };
    // Started now, so that they load their code while the archive loads; sent their jobs once it has.
    // A shard makes no search index (the merge indexes the whole archive), and a merge no exports (it joins the shards').
    const workers: Workers | undefined = this.dryRun
      ? undefined
      : { index: this.options.shard ? undefined : searchIndexWorker(), exports: this.options.merge ? undefined : exportsWorker() };
    let loaded: LoadedArchive;
    let shardPart: ArticleEntry[] | undefined;
    let shards: Pass["shards"];
    try {
      loaded = await this.loadRecords(started);
      this.archive = loaded.archive;
      shardPart = this.options.shard ? shardArticles(loaded.archive.articles, this.options.shard) : undefined;
      // Before anything is written: shards missing, or cut from other articles, are an error naming them.
      shards = this.options.merge ? readShards(this.options.merge, loaded.archive.articles) : undefined;
      // Only now, with every file valid, may the build leave anything outside its output; a dry run leaves nothing.
      if (!this.dryRun) await loaded.commitCache?.();
      // The bodies of the records parsed just now are in their cache entries too: they need not stay in memory.
      loaded.bodies.settle();
      this.probe.stageEnded("load");
    } catch (error) {
      if (workers) await Promise.all([workers.index?.cancel(), workers.exports?.cancel()]);
      throw error;
    }
    const archive = loaded.archive;
    const jobs = workers ? this.sendWorkerJobs(loaded, shardPart, output, workers) : { search: undefined, exportsMade: undefined };
    // Read once the index is under way: at 10,000 articles the kept citations are megabytes of JSON.
    this.citations = await CitationCache.open(cachePath(this.cacheDir, "citations"));
    // Read once for the feed cache and the article pages' keys: some 40 ms over every file of the site's code.
    const siteCode = this.cacheDir ? await codeFingerprint(SITE_CODE) : undefined;
    this.feeds = await FeedCache.open(cachePath(this.cacheDir, "feeds"), siteCode);
    const chosen = await this.choosePages(archive, incremental, linker, siteCode);
    // A shard renders its article pages and no list page or feed; a merge every page but the articles', which it copies.
    if (shardPart) this.pagesToWrite = { articles: shardPart, listPages: [], feeds: { atom: [], json: [] }, redirects: archive.redirects };
    if (shards) this.pagesToWrite = { ...(this.pagesToWrite ?? allPages(archive)), articles: [] };
    this.timings.rssSelectMiB = rssMiB();
    this.probe.stageEnded("select");
    const { articleFiles, pageFiles } = await this.writePages(archive, output, startedAt, chosen);
    this.pass = { startedAt, renderStartedAt: performance.now(), shardPart, shards, ...jobs, ...chosen, articleFiles, pageFiles };
  }

  /**
   * With the templates' renderers, the build writes the article, list and
   * redirect pages to write itself, and Eleventy paginates over none
   * (write-rendered-pages.ts); without them, Eleventy renders them as any page.
   */
  private async writePages(
    archive: Archive,
    output: string,
    startedAt: number,
    chosen: Pick<Pass, "ledger" | "fileSources">,
  ): Promise<Pick<Pass, "articleFiles" | "pageFiles">> {
    const render = this.options.pages;
    if (!render) return { articleFiles: new Set(), pageFiles: new Set() };
    const pages = this.pagesToWrite ?? allPages(archive);
    this.pagesToWrite = { ...pages, articles: [], listPages: [], redirects: [] };
    // Eleventy would refuse two of its pages writing one file; these are checked here, before any is written.
    articleFileTaken(archive);
    const started = performance.now();
    const written = (file: string, page: string) => chosen.ledger?.noteWritten(file, page, startedAt, chosen.fileSources?.get(file));
    const files = await writeArticlePages({
      archive,
      articles: pages.articles,
      citationsOf: this.citations!.citationsFor(archive),
      render,
      output,
      dryRun: this.dryRun,
      written,
    });
    Object.assign(this.timings, {
      articlePages: ms(performance.now() - started),
      articlePagesWritten: files.length,
      rssArticlePagesMiB: rssMiB(),
    });
    this.probe.stageEnded("articlePages");
    const listStarted = performance.now();
    const listFiles = await writeListPages({
      archive,
      listPages: pages.listPages,
      redirects: pages.redirects,
      render,
      output,
      dryRun: this.dryRun,
      written,
    });
    Object.assign(this.timings, { listPages: ms(performance.now() - listStarted), listPagesWritten: listFiles.length });
    this.probe.stageEnded("listPages");
    return { articleFiles: new Set(files), pageFiles: new Set(listFiles) };
  }

  /**
   * Checks the output folder, takes the build lock and, for a staged build,
   * starts the staging folder; answers the linker of files left as they were.
   */
  private async openSiteFolder(output: string, incremental: boolean): Promise<SiteLinker | undefined> {
    const { options, cacheDir } = this;
    const staged =
      Boolean(options.site) && !this.dryRun && !incremental && output === stagingFolderOf(path.resolve(options.root, options.site!));
    const siteFolder = staged ? path.resolve(options.root, options.site!) : output;
    this.site = { folder: siteFolder, staged };
    const outputProblem = outputFolderProblem(siteFolder, [
      { name: "the project's folder", folder: options.root },
      { name: "the articles folder", folder: path.resolve(options.root, options.articlesDir ?? DEFAULT_ARTICLES_DIR) },
      ...(cacheDir ? [{ name: "the build caches' folder", folder: cacheDir }] : []),
    ]);
    if (outputProblem) throw new Error(outputProblem);
    if (this.dryRun) return undefined;
    const foreign = foreignOutputProblem(
      siteFolder,
      Boolean(this.ledgerDir && existsSync(OutputLedger.fileOf(this.ledgerDir, siteFolder))),
    );
    if (foreign) throw new Error(foreign);
    // One build at a time: a second stops here, before it writes anything, naming the first.
    acquireBuildLock(siteFolder);
    let linker: SiteLinker | undefined;
    if (staged) {
      // Also removes what an interrupted build left beside the site, or finishes its swap.
      startStaging(siteFolder);
      linker = new SiteLinker(siteFolder, output);
      // The kept search bundles and exports are put in only when the site's copy is not the kept one: linked, the
      // unchanged ones are not copied again (output-cache.ts replaces a file rather than writing into it).
      if (cacheDir)
        for (const folder of ["pagefind", "data"])
          for (const file of existsSync(path.join(siteFolder, folder)) ? await listTree(path.join(siteFolder, folder)) : [])
            linker.link(`${folder}/${file}`);
    }
    await markOutputFolder(output);
    return linker;
  }

  /** Reads the site settings and every article (from the record cache, or parsed), and notes the times. */
  private async loadRecords(started: number): Promise<LoadedArchive> {
    const { options } = this;
    let parse: ParseStats | undefined;
    let parsedAt = started;
    let commitCache: (() => Promise<void>) | undefined;
    const parseFiles = cachedParallelParser({
      ...(this.cacheDir ? { cacheDir: cachePath(this.cacheDir, "records") } : {}),
      onStats: (stats) => (parse = stats),
      deferCacheWrites: (commit) => (commitCache = commit),
    });
    const settings = loadSiteConfig(options.root, options.articlesDir);
    // With a broken settings file the articles are still read, so that one run names every mistake.
    const settingsErrors = countErrors(settings.problems) ? settings.problems : [];
    let loaded;
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
    const stats = parse as ParseStats | undefined;
    if (stats?.swept) this.timings.recordsSwept = stats.swept;
    const { archive } = loaded;
    if (loaded.warnings.length) this.log(`warnings:\n${warningsToText(loaded.warnings)}`);
    if (!archive.site.baseUrl) {
      this.log(
        "SITE_URL is not set: links, citations, feeds and exports use site-relative addresses, and there is no sitemap; set SITE_URL (e.g. https://example.org/archive) for absolute ones",
      );
    }
    const loadedAt = performance.now();
    const parseMs = stats?.parseMs ?? 0;
    Object.assign(this.timings, {
      articles: archive.articles.length,
      cached: stats?.cached ?? 0,
      parsed: stats?.parsed ?? 0,
      threads: stats?.threads ?? 0,
      // Listing and reading the files, looking them up in the cache and writing new entries.
      load: ms(parsedAt - started - parseMs),
      parse: ms(parseMs),
      // Cross-file checks and the Archive's indexes.
      archive: ms(loadedAt - parsedAt),
      // Where memory goes, stage by stage (PERFORMANCE.md, "Memory"): the resident set as each stage ends.
      rssLoadMiB: rssMiB(),
    });
    if (stats?.cacheWriteErrors) this.log(`could not write ${stats.cacheWriteErrors} record cache entries; the build goes on without them`);
    this.log(
      `loaded ${archive.articles.length} articles in ${ms(loadedAt - started)} ms (${stats?.cached ?? 0} from the cache, ${stats?.parsed ?? 0} parsed${stats?.threads ? ` on ${stats.threads} threads` : ""})`,
    );
    return { ...loaded, commitCache };
  }

  /** Sends the search index and the data exports, which need only the records, to their workers while Eleventy renders. */
  private sendWorkerJobs(
    loaded: LoadedArchive,
    shardPart: ArticleEntry[] | undefined,
    output: string,
    workers: Workers,
  ): Pick<Pass, "search" | "exportsMade"> {
    const { archive } = loaded;
    // Each worker is sent the articles without their bodies, and where each body is (article-bodies.ts).
    const bodiesOf = (articles: readonly ArticleEntry[]) => articles.map((article) => loaded.bodies.locationOf(article));
    let search: SearchIndexInWorkers | undefined;
    let exportsMade: Pass["exportsMade"];
    if (workers.index) {
      // Pagefind runs in its own process.
      search = new SearchIndexInWorkers(
        archive,
        bodiesOf(archive.articles),
        path.join(output, "pagefind"),
        {
          // The digests are noted already (the record cache read or wrote each record), and name each record whole.
          ...(this.cacheDir ? { cacheDir: cachePath(this.cacheDir, "searchIndex"), digests: archive.articles.map(recordDigest) } : {}),
          ...(this.searchShardSize ? { shardSize: this.searchShardSize } : {}),
          ...(this.searchRecentLimit !== undefined ? { recentLimit: this.searchRecentLimit } : {}),
          ...(this.searchIndexPartSize ? { indexPartSize: this.searchIndexPartSize } : {}),
        },
        workers.index,
      );
    }
    if (workers.exports) {
      const articles = shardPart ?? archive.articles;
      const job = { site: archive.site, articles, bodies: bodiesOf(articles), digests: articles.map(recordDigest) };
      exportsMade = writeExportsInWorker(job, output, cachePath(this.cacheDir, "exports"), workers.exports);
      // Awaited in `after`; until then a failure must not count as unhandled.
      exportsMade.catch(() => {});
    }
    return { search, exportsMade };
  }

  /**
   * Only a full build that writes can vouch for every file it leaves alone:
   * `npm run build`, and each rebuild of `npm start` (the whole site again);
   * not Eleventy's `--incremental` mode, which renders what it chooses. A
   * shard or a merge writes a folder of its own each time, which no ledger
   * vouches for. Sets the pages to write; answers the ledger.
   */
  private async choosePages(
    archive: Archive,
    incremental: boolean,
    linker: SiteLinker | undefined,
    siteCode: string | undefined,
  ): Promise<Pick<Pass, "ledger" | "fileSources">> {
    const { options } = this;
    if (!this.cacheDir || incremental || this.dryRun || options.shard || options.merge)
      return { ledger: undefined, fileSources: undefined };
    const selectStarted = performance.now();
    const ledger = await OutputLedger.open(this.ledgerDir, this.site!.folder, linker);
    let pageSources: Map<string, string> | undefined;
    if (options.pages) {
      const chosenPages = selectPagesToWrite(
        archive,
        this.citations!.citationsFor(archive),
        options.pages,
        ledger,
        await ArticlePageKeys.open(siteCode),
      );
      this.pagesToWrite = chosenPages.pages;
      pageSources = chosenPages.sources;
      this.timings.pagesUnchanged = ledger.unchanged.length;
    }
    const chosen = selectFeedsToWrite(archive, this.feeds!, ledger);
    this.pagesToWrite = { ...(this.pagesToWrite ?? allPages(archive)), feeds: chosen.feeds };
    this.timings.feedsUnchanged = chosen.unchanged;
    this.timings.select = ms(performance.now() - selectStarted);
    return { ledger, fileSources: new Map([...(pageSources ?? []), ...chosen.sources]) };
  }

  /** After Eleventy rendered: citation files, feeds, shards' hand-over, the workers' results, pruning, publishing. */
  async after(outputDir: string, results: RenderResults, incremental: boolean): Promise<void> {
    const { archive, pass } = this;
    if (!archive || !pass) return;
    this.pass = undefined;
    const output = path.resolve(this.options.root, outputDir);
    this.timings.render = ms(performance.now() - pass.renderStartedAt);
    this.timings.rssRenderMiB = rssMiB();
    this.probe.stageEnded("render");
    // Eleventy refuses two templates writing one file; an article page it no longer renders is checked here.
    for (const result of results ?? []) {
      if (typeof result.outputPath !== "string") continue;
      const file = toPosix(path.relative(output, path.resolve(result.outputPath)));
      if (pass.articleFiles.has(file)) throw new Error(twoPagesMessage(file));
      if (pass.pageFiles.has(file))
        throw new Error(`Two pages would be written to \`${file}\`: a list or redirect page and another page of the site`);
    }
    if (this.dryRun) {
      this.log("dry run: wrote no citation file, data export or search index, and nothing into the caches");
      this.reportTimings();
      return;
    }
    // The pages are done, and with them the main thread's share of the processor: bundles still waiting get a second worker.
    this.timings.indexSecondWorker =
      (searchWorkersFor(archive.articles.length, this.searchWorkers) === 2 && pass.search?.lendSecondWorker()) || false;
    const citationFiles = await this.writeCitationsAndFeeds(archive, pass, output);
    const handedOver = await this.handOverShards(archive, pass, output, citationFiles);
    // A full build made every page; anything else in the folder is left from an earlier build (prune-output.ts).
    // An incremental rebuild renders only what changed, so it cannot know what is stale. A dry run that the command
    // line did not announce (Eleventy's `dryRun` option) hands over no results, having written nothing, while a real
    // build always writes some (the home page, the stylesheets): then nothing may be pruned, and the ledger of the
    // last real build stands.
    const prune =
      !incremental && results?.length
        ? await this.listMade(pass, output, results, [...citationFiles, ...handedOver, ...pass.articleFiles, ...pass.pageFiles])
        : undefined;
    if (pass.exportsMade) {
      const exports = await this.awaitWorkerJob("exports", pass.exportsMade);
      this.log(`${exports.reused ? "reused the data exports" : "wrote data exports"} in ${ms(exports.ms)} ms`);
    }
    const index = pass.search ? await this.awaitWorkerJob("index", pass.search.result()) : undefined;
    if (index) {
      Object.assign(this.timings, {
        indexShards: index.shards,
        indexShardsReused: index.reusedShards,
        indexRecent: index.recent,
        indexMainMade: index.mainMade,
      });
      if (index.secondShards) Object.assign(this.timings, { indexSecond: ms(index.secondMs), indexSecondShards: index.secondShards });
    }
    this.probe.stageEnded("workers");
    await this.pruneAndPublish(output, prune, index?.files ?? []);
    if (prune) await pass.ledger?.save();
    if (this.site) releaseBuildLock(this.site.folder);
    if (index) {
      const recent = index.recent ? `, ${index.recent} of them in the recent index (${index.hidden} pages of the main one hidden)` : "";
      const bundles = index.shards > 1 ? ` in ${index.shards} bundles (${index.reusedShards} reused)${recent}` : recent;
      this.log(
        `${index.reused ? "reused the search index of" : "indexed"} ${index.pages} articles for search${bundles} in ${ms(index.ms)} ms`,
      );
    }
    this.reportTimings();
  }

  /** A merge takes the citation files from the shards, with their article pages; a shard writes those of its articles. */
  private async writeCitationsAndFeeds(archive: Archive, pass: Pass, output: string): Promise<string[]> {
    let started = performance.now();
    const cache = this.citations!;
    const citationFiles = pass.shards
      ? []
      : await writeCitationFiles(
          pass.shardPart ? { ...archive, articles: pass.shardPart } : archive,
          output,
          cache.citationsFor(archive),
          pass.ledger,
        );
    await cache.save();
    Object.assign(this.timings, {
      citations: ms(performance.now() - started),
      citationsMade: cache.stats.made,
      citationsReused: cache.stats.reused,
      rssCitationsMiB: rssMiB(),
    });
    this.probe.stageEnded("citations");
    started = performance.now();
    await this.feeds!.save();
    Object.assign(this.timings, {
      feedsSave: ms(performance.now() - started),
      feedsMade: this.feeds!.stats.made,
      feedsReused: this.feeds!.stats.reused,
    });
    return citationFiles;
  }

  /**
   * A shard's hand-over: `shard.json`, naming its articles and the files that
   * are the merge's (its article pages and their citation files). A merge's
   * take: those files copied from every shard, and the exports joined from
   * theirs. Answers the files this step wrote, relative to the output.
   */
  private async handOverShards(archive: Archive, pass: Pass, output: string, citationFiles: readonly string[]): Promise<string[]> {
    const started = performance.now();
    let written: string[];
    if (this.options.shard && pass.shardPart) {
      await writeShardManifest(output, this.options.shard, pass.shardPart, [
        ...pass.shardPart.map((article) => permalinkToFile(article.permalink)),
        ...citationFiles,
      ]);
      written = [SHARD_MANIFEST];
    } else if (pass.shards) {
      written = await copyShardFiles(pass.shards, output);
      await mergeExports(
        pass.shards.map((shard) => shard.folder),
        archive,
        output,
      );
      this.log(`merged ${pass.shards.length} shards: ${written.length} files copied, the exports joined`);
    } else return [];
    this.timings.shards = ms(performance.now() - started);
    return written;
  }

  /**
   * Every file this build made but the search index's (known once its worker
   * ends), and what the folder holds: worked out while the workers finish,
   * rather than after. Notes each written file in the ledger.
   */
  private async listMade(pass: Pass, output: string, results: NonNullable<RenderResults>, written: readonly string[]): Promise<PrunePlan> {
    const started = performance.now();
    const made = new Set<string>([SITE_MARKER, ...DATA_FILES, ...written, ...(await listTree(path.join(this.options.root, "public")))]);
    for (const result of results) {
      if (typeof result.outputPath !== "string") continue;
      const file = toPosix(path.relative(output, path.resolve(result.outputPath)));
      made.add(file);
      if (typeof result.content === "string") pass.ledger?.noteWritten(file, result.content, pass.startedAt, pass.fileSources?.get(file));
    }
    for (const file of pass.ledger?.unchanged ?? []) made.add(file);
    return { made, listing: listOutput(output), ms: performance.now() - started };
  }

  /** Removes what no build made; a staged build that made every page swaps in, anything else leaves the site as it was. */
  private async pruneAndPublish(output: string, prune: PrunePlan | undefined, indexFiles: readonly string[]): Promise<void> {
    let started = performance.now();
    if (prune) {
      for (const file of indexFiles) prune.made.add(`pagefind/${file}`);
      const removed = await pruneOutput(output, prune.made, prune.listing);
      this.timings.prune = ms(prune.ms + performance.now() - started);
      this.timings.pruned = removed.length;
    }
    if (this.site?.staged) {
      started = performance.now();
      if (prune) publishStaging(output, this.site.folder);
      else await rm(output, { recursive: true, force: true });
      this.timings.publish = ms(performance.now() - started);
    }
  }

  /** Waits for a job started on a worker before the render; notes its time in the worker, the wait, and whether it was reused. */
  private async awaitWorkerJob<T extends { ms: number; reused: boolean }>(stage: "exports" | "index", job: Promise<T>): Promise<T> {
    const waitStarted = performance.now();
    const result = await job;
    this.timings[stage] = ms(result.ms);
    this.timings[`${stage}Wait`] = ms(performance.now() - waitStarted);
    this.timings[`${stage}Reused`] = result.reused;
    return result;
  }

  /** Ends the build's timings and prints them when `HEMEROTECA_TIMINGS=1`. */
  private reportTimings(): void {
    const timings = this.timings;
    timings.total = ms(performance.now());
    // Memory of this process as the build ends (the Pagefind processes and their peaks are not in it).
    const memory = process.memoryUsage();
    timings.heapMiB = Math.round(memory.heapUsed / 2 ** 20);
    timings.rssMiB = Math.round(memory.rss / 2 ** 20);
    // The process's peak resident set (Linux reports it in KiB), workers included.
    timings.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    if (process.env.HEMEROTECA_TIMINGS === "1") process.stderr.write(`HEMEROTECA_TIMINGS ${JSON.stringify(timings)}\n`);
  }
}

/** The files a full build made, the folder's listing, and the time spent on both. */
interface PrunePlan {
  made: Set<string>;
  listing: OutputListing;
  ms: number;
}

type LoadedArchive = Awaited<ReturnType<typeof loadArchive>> & { commitCache: (() => Promise<void>) | undefined };

const twoPagesMessage = (file: string) =>
  `Two pages would be written to \`${file}\`: an article's page and a page of the site; give the article another id or date`;

/** An article whose page would be written where a list or redirect page is: an error naming the file. */
function articleFileTaken(archive: Archive): void {
  const taken = new Set(
    [...archive.listPages.map((page) => page.url), ...archive.redirects.map((redirect) => redirect.from)].map(permalinkToFile),
  );
  for (const article of archive.articles) {
    const file = permalinkToFile(article.permalink);
    if (taken.has(file)) throw new Error(twoPagesMessage(file));
  }
}
