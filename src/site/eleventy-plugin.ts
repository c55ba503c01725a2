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
import path from "node:path";
import type { FeedSpec } from "../archive/build-archive.ts";
import { siteFileFor } from "../archive/site-file.ts";
import type { FeedFormat } from "../render/feeds.ts";
import { allPages } from "../build/output/pages-to-write.ts";
import { minifiedAssetsIn, minifyAsset } from "./public-assets.ts";
import { BuildRun, type PluginOptions } from "./build-run.ts";

export type { PluginOptions };

/** The parts of Eleventy's configuration API this plugin uses. */
export interface EleventyConfig {
  addExtension(extensions: string[], options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addTemplate(virtualPath: string, content: { data: Record<string, unknown>; render: () => string }): void;
  addWatchTarget(target: string): void;
  addGlobalData(name: string, value: () => unknown): void;
  on(event: "eleventy.beforeWatch", callback: (changed: string[]) => unknown): void;
  on(
    event: string,
    callback: (event: {
      dir: { output: string };
      incremental?: boolean;
      results?: Array<{ outputPath: string | false; content?: unknown }>;
    }) => unknown,
  ): void;
  setQuietMode?(quiet: boolean): void;
}

/**
 * The plugin: the template formats, the public assets, what `npm start`
 * watches, the global data templates read, and the build's steps on
 * Eleventy's events (build-run.ts).
 */
export function hemeroteca(eleventyConfig: EleventyConfig, options: PluginOptions): void {
  const run = new BuildRun(options);
  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");
  addPublicAssets(eleventyConfig, options.root);
  // `npm start` rebuilds when an article changes, in whichever folder the articles are.
  eleventyConfig.addWatchTarget(options.articlesDir ? path.resolve(options.root, options.articlesDir) : "content/");
  if (options.articlesDir) eleventyConfig.addWatchTarget(path.resolve(options.root, siteFileFor(options.articlesDir)));
  addGlobalData(eleventyConfig, run);
  // `npm start`: a saved article's own page at once, from the last build's Archive, before the rebuild (quick-preview.ts).
  eleventyConfig.on("eleventy.beforeWatch", (changed) => run.previewSaved(changed));
  eleventyConfig.on("eleventy.before", ({ dir, incremental }) => run.before(dir.output, Boolean(incremental)));
  eleventyConfig.on("eleventy.after", ({ dir, results, incremental }) => run.after(dir.output, results, Boolean(incremental)));
}

/** Stylesheets and scripts are minified on the way (public-assets.ts); everything else in public/ is copied as it is. */
function addPublicAssets(eleventyConfig: EleventyConfig, root: string): void {
  eleventyConfig.addPassthroughCopy({ "public/**/!(*.css|*.js)": "/" });
  const publicDir = path.join(root, "public");
  for (const name of minifiedAssetsIn(publicDir)) {
    eleventyConfig.addTemplate(`public-${name.replaceAll("/", "-")}.11ty.ts`, {
      data: { permalink: `/${name}`, eleventyExcludeFromCollections: true },
      render: () => minifyAsset(path.join(publicDir, name)),
    });
  }
}

/** What templates read: the Archive, citations and feed documents (made once, kept between builds), and the pages to write. */
function addGlobalData(eleventyConfig: EleventyConfig, run: BuildRun): void {
  eleventyConfig.addGlobalData("archive", () => run.loaded("templates asked for it").archive);
  eleventyConfig.addGlobalData("citationsOf", () => {
    const { archive, citations } = run.loaded("templates asked for citations");
    return citations.citationsFor(archive);
  });
  eleventyConfig.addGlobalData("feedDocument", () => {
    const { archive, feeds } = run.loaded("templates asked for feeds");
    return (spec: FeedSpec, format: FeedFormat) => feeds.document(archive, spec, format);
  });
  // The article and list templates paginate over these: every page, or in a full build with a ledger, the changed ones.
  eleventyConfig.addGlobalData("pagesToWrite", () => run.pagesToWrite ?? allPages(run.loaded("templates asked for their pages").archive));
}
