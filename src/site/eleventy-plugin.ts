/**
 * Wires Hemeroteca into Eleventy: `.11ty.ts` templates, the Archive as global
 * data (loaded once per build), the stylesheet and scripts from `public/`, and
 * after the pages the search index and the data exports.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import { loadArchive, warningsToText } from "../archive/load-archive.ts";
import { siteConfigFromEnv } from "../archive/site-config.ts";
import { writeExports } from "../exports/write-exports.ts";
import { writeSearchIndex } from "./pagefind-index.ts";

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
  log?: (message: string) => void;
}

export function hemeroteca(eleventyConfig: EleventyConfig, options: PluginOptions): void {
  const log = options.log ?? ((message: string) => console.error(`[hemeroteca] ${message}`));
  let archive: Archive | undefined;

  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");
  eleventyConfig.addPassthroughCopy({ "public/": "/" });
  eleventyConfig.addWatchTarget("content/");
  eleventyConfig.addGlobalData("archive", () => {
    if (!archive) throw new Error("The archive was not loaded before templates asked for it");
    return archive;
  });

  eleventyConfig.on("eleventy.before", async ({ dir, runMode }) => {
    // A full build starts from an empty folder, so no page of an earlier build outlives its article.
    if (runMode === "build") await rm(path.resolve(options.root, dir.output), { recursive: true, force: true });
    const started = performance.now();
    const loaded = await loadArchive({ root: options.root, site: siteConfigFromEnv(), ...(options.articlesDir ? { articlesDir: options.articlesDir } : {}) });
    archive = loaded.archive;
    if (loaded.warnings.length) log(`warnings:\n${warningsToText(loaded.warnings)}`);
    log(`loaded ${archive.articles.length} articles in ${Math.round(performance.now() - started)} ms`);
  });

  eleventyConfig.on("eleventy.after", async ({ dir }) => {
    if (!archive) return;
    const output = path.resolve(options.root, dir.output);
    let started = performance.now();
    await writeExports(archive, output);
    log(`wrote data exports in ${Math.round(performance.now() - started)} ms`);
    started = performance.now();
    const { pages } = await writeSearchIndex(archive, path.join(output, "pagefind"));
    log(`indexed ${pages} articles for search in ${Math.round(performance.now() - started)} ms`);
  });
}
