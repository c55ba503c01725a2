/**
 * A full build over the last one writes only the files whose bytes change
 * (output-ledger.ts): a build that changed nothing writes no article page,
 * list page, citation file, search index file or data export, and Eleventy is
 * handed none of those pages; after an edit the edited page is written again;
 * a page deleted or altered by hand in the site is put back; a dry run is
 * not taken for a write. Whatever it skips, the site is byte for byte the
 * one a build into an empty folder makes.
 */
import { createHash } from "node:crypto";
import { cp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { timingsFromOutput } from "../../src/bench/run-build.ts";
import { permalinkToFile } from "../../src/build/output/pages-to-write.ts";
import { buildSite, projectRoot, type BuildResult } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();

/** Every file under `dir` with the sha256 of its bytes and its modification time. */
async function tree(dir: string): Promise<Map<string, { hash: string; mtimeMs: number }>> {
  const files = new Map<string, { hash: string; mtimeMs: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const file = path.relative(dir, full).split(path.sep).join("/");
    files.set(file, {
      hash: createHash("sha256")
        .update(await readFile(full))
        .digest("hex"),
      mtimeMs: (await stat(full)).mtimeMs,
    });
  }
  return files;
}

const hashes = (files: Map<string, { hash: string }>, skip = (_file: string) => false) =>
  Object.fromEntries(
    [...files]
      .filter(([file]) => !skip(file))
      .map(([file, { hash }]) => [file, hash])
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );
const isFeed = (file: string) => /(^|\/)feed\.(xml|json)$/.test(file);
/** Pagefind's own files hold hashes of each build; compared apart. */
const isIndex = (file: string) => file.startsWith("pagefind/");

function mustBuild(result: BuildResult): Record<string, number | boolean> {
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
  return timingsFromOutput(result.stderr)!;
}

describe("a full build over the last one, with the cache", () => {
  // The main search index made again at every change, as a build into an empty folder makes it: a recent index
  // beside it gives the same results from other files (test/researchers/search-page-hides-what-the-recent-index-replaces-in-chromium.test.ts).
  const env = { HEMEROTECA_TIMINGS: "1", HEMEROTECA_SEARCH_RECENT_LIMIT: "0" };
  let articles: string;
  let output: string;
  let cacheDir: string;
  const timings: Array<Record<string, number | boolean>> = [];
  const trees: Array<Map<string, { hash: string; mtimeMs: number }>> = [];
  let fresh: Map<string, { hash: string; mtimeMs: number }>;
  const edited = "iwo/a.md";
  const editedPage = "2023/01/09/police-massacre-in-juliaca/index.html";
  const editedTitle = "Massacre by the police in Juliaca";
  let deletedPage: string;
  let alteredPage: string;
  /** The article and list pages, which Eleventy is handed only when they change. */
  let pages: string[];

  beforeAll(async () => {
    articles = path.join(await tempDir("articles"), "articles");
    await cp(path.join(projectRoot, "test/fixtures/basic/content/articles"), articles, { recursive: true });
    output = await tempDir("site");
    cacheDir = await tempDir("cache");
    const build = async (args: string[] = []) => {
      timings.push(mustBuild(buildSite(articles, { output, cacheDir, env, args })));
      trees.push(await tree(output));
    };
    const { archive } = await loadArchive({ root: projectRoot, site: siteConfigFromEnv({}), articlesDir: articles });
    pages = [...archive.articles.map((article) => article.permalink), ...archive.listPages.map((listPage) => listPage.url)].map(
      permalinkToFile,
    );
    await build();
    await build();

    // An edit, of the text and of the headline (the id kept), which other articles' pages show; a page deleted, and
    // another altered, by hand in the site.
    const file = path.join(articles, edited);
    const original = await readFile(file, "utf8");
    await writeFile(
      file,
      `${original.replace("title: Police massacre in Juliaca", `title: ${editedTitle}\nid: police-massacre-in-juliaca`)}\nA sentence added by an editor.\n`,
    );
    // The oldest two, which do not show the edited article: its neighbour's page is written again for the headline.
    [deletedPage, alteredPage] = archive.articles
      .map((article) => permalinkToFile(article.permalink))
      .filter((page) => page !== editedPage)
      .reverse() as [string, string];
    await rm(path.join(output, deletedPage));
    const altered = path.join(output, alteredPage);
    await writeFile(altered, (await readFile(altered, "utf8")).replace("<main", "<main data-altered"));
    await build();

    // A dry run with another edit writes no page: the next build must still write it.
    await writeFile(file, `${await readFile(file, "utf8")}\nA second sentence.\n`);
    await build(["--dryrun"]);
    await build();
    const freshOutput = await tempDir("fresh");
    mustBuild(buildSite(articles, { output: freshOutput, cacheDir: false }));
    fresh = await tree(freshOutput);
  }, 180_000);

  it("hands Eleventy no article or list page when nothing changed, and writes no such file again", () => {
    const [first, second] = timings;
    expect(first).toMatchObject({ pagesUnchanged: 0 });
    expect(pages.length).toBeGreaterThan(20);
    expect(second).toMatchObject({ pagesUnchanged: pages.length });
    for (const page of pages) expect(trees[0]!.has(page), page).toBe(true);
    const rewritten = [...trees[1]!].filter(([file, { mtimeMs }]) => trees[0]!.get(file)?.mtimeMs !== mtimeMs).map(([file]) => file);
    // Only the few pages rendered every time (home, indexes, redirects, search, data) and the stylesheets are written again.
    expect(
      rewritten.filter((file) => pages.includes(file) || isFeed(file) || /(^|\/)cite\.|^data\/archive\.|^pagefind\//.test(file)),
    ).toEqual([]);
    const feeds = [...trees[0]!.keys()].filter(isFeed);
    expect(feeds.length).toBeGreaterThan(4);
    expect(second).toMatchObject({ feedsUnchanged: feeds.length, feedsReused: 0, feedsMade: 0 });
    expect(hashes(trees[1]!)).toEqual(hashes(trees[0]!));
  });

  it("writes the edited article's page again, and puts back a page deleted or altered in the site", () => {
    const third = trees[2]!;
    expect(timings[2]!.pagesUnchanged).toBeLessThan(timings[1]!.pagesUnchanged as number);
    expect(third.get(editedPage)?.hash).not.toBe(trees[1]!.get(editedPage)?.hash);
    expect(third.get(deletedPage)?.hash).toBe(trees[1]!.get(deletedPage)?.hash);
    expect(third.get(alteredPage)?.hash).toBe(trees[1]!.get(alteredPage)?.hash);
  });

  it("writes again the other article pages that show the edited headline, and only those", async () => {
    const [before, after] = [trees[1]!, trees[2]!];
    const articlePages = (await loadArchive({ root: projectRoot, site: siteConfigFromEnv({}), articlesDir: articles })).archive.articles
      .map((article) => permalinkToFile(article.permalink))
      .filter((page) => page !== editedPage && page !== deletedPage && page !== alteredPage);
    const rewritten = articlePages.filter((page) => after.get(page)!.mtimeMs !== before.get(page)!.mtimeMs);
    const showing = [];
    for (const page of articlePages) if ((await readFile(path.join(output, page), "utf8")).includes(editedTitle)) showing.push(page);
    expect(showing.length).toBeGreaterThan(0);
    expect(rewritten.sort()).toEqual(showing.sort());
  });

  it("writes again the feeds that hold the edited article, and only those", async () => {
    const [before, after] = [trees[1]!, trees[2]!];
    const feeds = [...after.keys()].filter(isFeed);
    const rewritten = feeds.filter((file) => after.get(file)!.mtimeMs !== before.get(file)!.mtimeMs);
    const holding = [];
    for (const file of feeds)
      if ((await readFile(path.join(output, file), "utf8")).includes("police-massacre-in-juliaca")) holding.push(file);
    expect(rewritten).toContain("feed.xml");
    expect(rewritten.sort()).toEqual(holding.sort());
    expect(rewritten.length).toBeLessThan(feeds.length);
  });

  it("does not take a dry run's pages for written ones", async () => {
    expect(trees[3]!.get(editedPage)?.hash).toBe(trees[2]!.get(editedPage)?.hash);
    expect(await readFile(path.join(output, editedPage), "utf8")).toContain("A second sentence.");
  });

  it("leaves the site a build into an empty folder makes, byte for byte", () => {
    expect(hashes(trees[4]!, isIndex)).toEqual(hashes(fresh, isIndex));
    expect([...trees[4]!.keys()].filter(isIndex).length).toBe([...fresh.keys()].filter(isIndex).length);
  });
});
