/**
 * A dry run (`npm run build -- --dryrun`) checks every article and renders
 * every page, as Eleventy's own dry run does, and writes nothing: no page,
 * citation file, data export or search index into the site, and nothing into
 * the caches. A broken article still fails it, named.
 */
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { commandLineAsksForDryRun } from "../../src/site/build-run.ts";
import { buildSite } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();

describe("a dry run", () => {
  it("writes nothing into the site or the caches", async () => {
    const [output, cacheDir] = [await tempDir("site"), await tempDir("cache")];
    const build = buildSite("test/fixtures/basic/content/articles", { output, cacheDir, args: ["--dryrun"] });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toContain("dry run: wrote no citation file");
    expect(await readdir(output, { recursive: true })).toEqual([]);
    expect(await readdir(cacheDir, { recursive: true })).toEqual([]);
  }, 120_000);

  it("still fails on a broken article, naming its file", async () => {
    const [output, cacheDir] = [await tempDir("site"), await tempDir("cache")];
    const build = buildSite("test/fixtures/broken/content/articles/bad-date", { output, cacheDir, args: ["--dryrun"] });
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain("test/fixtures/broken/content/articles/bad-date/");
    expect(await readdir(output, { recursive: true })).toEqual([]);
    expect(await readdir(cacheDir, { recursive: true })).toEqual([]);
  }, 120_000);
});

describe("reading Eleventy's command line for a dry run", () => {
  it("takes the flag as Eleventy does", () => {
    expect(commandLineAsksForDryRun(["node", "cmd.cjs", "--config=eleventy.config.ts", "--dryrun"])).toBe(true);
    expect(commandLineAsksForDryRun(["node", "cmd.cjs", "--dryrun=true"])).toBe(true);
    expect(commandLineAsksForDryRun(["node", "cmd.cjs", "--dryrun=false"])).toBe(false);
    expect(commandLineAsksForDryRun(["node", "cmd.cjs", "--quiet"])).toBe(false);
    expect(commandLineAsksForDryRun(["node", "cmd.cjs", "--dryrunx"])).toBe(false);
  });
});
