/**
 * A full build writes over the last site and then removes what it did not
 * make (prune-output.ts): the page, citation files and search entry of a
 * removed article go, and so does anything dropped into the folder, while
 * every page, asset and export of this build stays, byte for byte as a build
 * into an empty folder makes it.
 */
import { cp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listOutput, pruneOutput } from "../../src/build/output/prune-output.ts";
import { buildSite, projectRoot } from "../support/build-site.ts";
import { fileHashes, siteFileHashes } from "../support/site-tree.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();

describe("pruneOutput", () => {
  it("removes every file not kept, and the folders left empty, but no kept file or its folder", async () => {
    const dir = await tempDir("prune");
    for (const file of ["keep/a.html", "keep/stray.txt", "gone/deep/x.html", "gone/y.html", "top.html", "stray.html"]) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), file);
    }
    await mkdir(path.join(dir, "empty"));
    const removed = await pruneOutput(dir, new Set(["keep/a.html", "top.html"]));
    expect(removed.sort()).toEqual(["empty/", "gone/", "gone/deep/", "gone/deep/x.html", "gone/y.html", "keep/stray.txt", "stray.html"]);
    expect(Object.keys(await siteFileHashes(dir)).sort()).toEqual(["keep/a.html", "top.html"]);
  });

  it("prunes from a listing made while the last files were still being written, keeping those files and their folders", async () => {
    const dir = await tempDir("prune-listed");
    for (const file of [
      "pagefind/fragment/old-1.pf",
      "pagefind/fragment/old-2.pf",
      "pagefind/index/old.pf",
      "data/archive.csv",
      "gone/x.html",
    ]) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), file);
    }
    const listing = listOutput(dir);
    // Written after the listing, as the search index worker does: a new file in a folder whose listed files all go,
    // a listed file written again, and a new folder.
    await writeFile(path.join(dir, "pagefind/fragment/new.pf"), "new");
    await writeFile(path.join(dir, "data/archive.csv"), "again");
    await mkdir(path.join(dir, "pagefind/filter"));
    await writeFile(path.join(dir, "pagefind/filter/new.pf"), "new");
    await rm(path.join(dir, "gone/x.html"));
    const kept = ["pagefind/fragment/new.pf", "pagefind/filter/new.pf", "data/archive.csv"];
    const removed = await pruneOutput(dir, new Set(kept), listing);
    expect(removed.sort()).toEqual([
      "gone/",
      "gone/x.html",
      "pagefind/fragment/old-1.pf",
      "pagefind/fragment/old-2.pf",
      "pagefind/index/",
      "pagefind/index/old.pf",
    ]);
    expect(Object.keys(await fileHashes(dir)).sort()).toEqual([...kept].sort());
  });

  it("refuses a listing of another folder", async () => {
    const dir = await tempDir("prune-other");
    await expect(pruneOutput(dir, new Set(), listOutput(path.join(dir, "elsewhere")))).rejects.toThrow(/cannot prune/);
  });

  it("does nothing for a folder that does not exist", async () => {
    await expect(pruneOutput(path.join(tmpdir(), "hemeroteca-no-such-folder"), new Set())).resolves.toEqual([]);
  });
});

describe("a full build over the last one", () => {
  let articles: string;
  let output: string;
  let fresh: string;
  beforeAll(async () => {
    articles = path.join(await tempDir("articles"), "articles");
    await cp(path.join(projectRoot, "test/fixtures/basic/content/articles"), articles, { recursive: true });
    output = await tempDir("site");
    const cache = await tempDir("cache");
    const first = buildSite(articles, { output, cacheDir: cache });
    if (first.status !== 0) throw new Error(`first build failed:\n${first.stderr}`);
    await rm(path.join(articles, "iwo/d.md"));
    await writeFile(path.join(output, "dropped-in.html"), "<p>not made by the build</p>");
    await mkdir(path.join(output, "2019/old"), { recursive: true });
    await writeFile(path.join(output, "2019/old/index.html"), "<p>an old page</p>");
    const second = buildSite(articles, { output, cacheDir: cache });
    if (second.status !== 0) throw new Error(`second build failed:\n${second.stderr}`);
    fresh = buildSite(articles, { output: await tempDir("fresh"), cacheDir: false }).output;
  }, 120_000);

  it("removes the page and citation files of the removed article", async () => {
    const files = Object.keys(await siteFileHashes(output));
    expect(files.filter((file) => file.includes("a-year-only-article"))).toEqual([]);
    // It was the only article of 2021: the year's page and folder go with it.
    await expect(readdir(path.join(output, "2021"))).rejects.toThrow(/ENOENT/);
  });

  it("removes files and folders no build made", async () => {
    const files = Object.keys(await siteFileHashes(output));
    expect(files).not.toContain("dropped-in.html");
    await expect(readdir(path.join(output, "2019"))).rejects.toThrow(/ENOENT/);
  });

  it("leaves exactly the files a build into an empty folder makes, with the same bytes", async () => {
    expect(await siteFileHashes(output)).toEqual(await siteFileHashes(fresh));
  });

  it("leaves a search index that no longer holds the removed article", async () => {
    const fragments = await readdir(path.join(output, "pagefind/fragment"));
    expect(fragments).toHaveLength(4);
  });
});
