/**
 * A sharded build (`npm run build -- --shard K/N`, then `--merge DIR...`)
 * writes the site a single build writes: every file byte for byte, the data
 * exports (SQLite included) among them, Pagefind's files aside, whose names
 * and bytes hold hashes made afresh by each indexing; its index holds the same
 * pages in the same bundles. A merge given shards that are not every shard of
 * this archive stops before it writes anything, naming what is wrong.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../support/build-site.ts";
import { siteFileHashes } from "../support/site-tree.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const ARTICLES = "test/fixtures/research/content/articles";
const tempDir = temporaryFolders();

function mustBuild(result: BuildResult): BuildResult {
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stderr}`);
  return result;
}

/** The page count of each language of a Pagefind index, and its bundles. */
function indexSummary(site: string) {
  const entry = JSON.parse(readFileSync(path.join(site, "pagefind", "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return {
    bundles: readFileSync(path.join(site, "pagefind", "bundles.json"), "utf8"),
    pages: Object.fromEntries(Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count])),
  };
}

describe("a sharded build of the research fixture cut into 3 shards", () => {
  let single: string;
  let shards: string[];
  let merged: string;

  beforeAll(async () => {
    // Each job of a sharded build has caches of its own, as each runner of a workflow does.
    single = mustBuild(buildSite(ARTICLES, { cacheDir: await tempDir("cache") })).output;
    shards = [];
    for (const shard of ["1/3", "2/3", "3/3"])
      shards.push(mustBuild(buildSite(ARTICLES, { cacheDir: await tempDir("cache"), args: ["--shard", shard] })).output);
    merged = mustBuild(buildSite(ARTICLES, { cacheDir: await tempDir("cache"), args: ["--merge", ...shards] })).output;
  });

  it("gives every shard some of the articles, each article to one shard", () => {
    const held = shards.map(
      (folder) => (JSON.parse(readFileSync(path.join(folder, "shard.json"), "utf8")) as { articles: string[] }).articles,
    );
    for (const articles of held) expect(articles.length).toBeGreaterThan(0);
    const all = held.flat();
    expect(new Set(all).size).toBe(all.length);
    const manifest = JSON.parse(readFileSync(path.join(single, "data", "manifest.json"), "utf8")) as { articles: number };
    expect(all).toHaveLength(manifest.articles);
  });

  it("writes every file the single build writes, byte for byte, and no other", async () => {
    const expected = await siteFileHashes(single);
    expect(Object.keys(expected)).toContain("data/archive.sqlite");
    expect(await siteFileHashes(merged)).toEqual(expected);
  });

  it("indexes the same pages for search, in the same bundles", () => {
    expect(indexSummary(merged)).toEqual(indexSummary(single));
  });

  it("refuses to merge without every shard, naming the missing one, and writes nothing", async () => {
    const output = path.join(await tempDir("site"), "site");
    const result = buildSite(ARTICLES, { output, cacheDir: await tempDir("cache"), args: ["--merge", shards[0]!, shards[2]!] });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("shard 2/3 is missing");
    expect(existsSync(path.join(output, "index.html"))).toBe(false);
  });

  it("refuses a shard cut from other articles, naming it", async () => {
    const copy = path.join(await tempDir("shard"), "shard");
    cpSync(shards[1]!, copy, { recursive: true });
    const manifestFile = path.join(copy, "shard.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { articles: string[] };
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, articles: manifest.articles.slice(1) }));
    const result = buildSite(ARTICLES, {
      output: path.join(await tempDir("site"), "site"),
      cacheDir: await tempDir("cache"),
      args: ["--merge", shards[0]!, copy, shards[2]!],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/shard 2\/3 in `[^`]+` holds \d+ articles, where this archive's shard 2\/3 holds \d+/);
  });
});
