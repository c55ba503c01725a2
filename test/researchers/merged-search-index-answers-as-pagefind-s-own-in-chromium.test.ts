/**
 * Pagefind's own web client (its pagefind.js and WebAssembly, in Chromium)
 * answers from the index made in parts and merged exactly as from the index
 * Pagefind made of the same articles in one go: the same results, in the
 * same order, with the same scores, for common and rare words, two words, a
 * word's form with diacritics, a word of the titles and a filtered search;
 * and the same filter counts. The queries are taken from the index itself.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decode } from "cbor2";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { writeSearchIndex } from "../../src/search-index/pagefind-index.ts";
import { launchBrowser } from "../support/browser.ts";
import { generatedRecords } from "../support/generated-records.ts";
import { serveDirectory, type StaticServer } from "../support/static-server.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const folders = temporaryFolders();

type Posting = [number, number[], number[]];
type Word = [string, Posting[], Array<[string, Posting[]]>];

const data = (bytes: Buffer): unknown => decode(gunzipSync(bytes).subarray(12));

/** Every word of a bundle (decoded with the CBOR library alone), the meta fields, and the values of one filter with their pages. */
async function wordsOf(folder: string) {
  const entry = JSON.parse(await readFile(path.join(folder, "pagefind-entry.json"), "utf8"));
  const meta = data(await readFile(path.join(folder, `pagefind.${entry.languages.en.hash}.pf_meta`))) as [
    string,
    unknown[],
    Array<[string, string, string]>,
    Array<[string, string]>,
    unknown[],
    string[],
  ];
  const words: Word[] = [];
  for (const [, , id] of meta[2]) words.push(...(data(await readFile(path.join(folder, "index", `${id}.pf_index`))) as [Word[]])[0]);
  const [filterName, filterId] = meta[3][0]!;
  const [, values] = data(await readFile(path.join(folder, "filter", `${filterId}.pf_filter`))) as [string, Array<[string, number[]]>];
  return { words, metaFields: meta[5], filterName, values };
}

/**
 * The results of each query (id, score, address, in order) and the filter
 * counts, from the bundle at `base`. A script as text: the test runner
 * rewrites `import()` in functions it compiles, and this one runs in the page.
 */
async function answers(page: Page, base: string, queries: readonly string[], filter: { name: string; value: string }): Promise<unknown[]> {
  const args = JSON.stringify({ base, queries, filter });
  return page.evaluate<unknown[]>(`(async () => {
    const { base, queries, filter } = ${args};
    const pagefind = await import(base + "pagefind.js");
    await pagefind.options({ basePath: base });
    await pagefind.init();
    const out = [];
    for (const query of queries) {
      const search = await pagefind.search(query);
      const results = [];
      for (const result of search.results) results.push([result.id, result.score, (await result.data()).url]);
      out.push([query, results]);
    }
    const filtered = await pagefind.search(queries[0], { filters: { [filter.name]: filter.value } });
    out.push(["filtered", filtered.results.map((result) => [result.id, result.score])]);
    out.push(["filters", await pagefind.filters()]);
    return out;
  })()`);
}

describe("the merged search index in Pagefind's own client", () => {
  let browser: Browser;
  let server: StaticServer;
  let queries: string[];
  let filter: { name: string; value: string };

  beforeAll(async () => {
    const root = await folders("merged-index-browser");
    const archive = buildArchive(generatedRecords(150), siteConfigFromEnv({}));
    await writeSearchIndex(archive, path.join(root, "whole"), undefined, 1_000);
    await writeSearchIndex(archive, path.join(root, "merged"), undefined, 40);
    await writeFile(path.join(root, "index.html"), "<!doctype html><title>search</title>");
    const { words, metaFields, filterName, values } = await wordsOf(path.join(root, "whole"));
    const plain = words.filter(([word, postings]) => /^[a-z]{4,}$/.test(word) && postings.length);
    const byPages = [...plain].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const common = byPages[0]![0];
    // Words of the text (not only of a title), each page's by its number (postings hold gaps).
    const textPages = (postings: Posting[]) => {
      let page = 0;
      return postings.flatMap(([gap, locs]) => ((page += gap), locs.length ? [page] : []));
    };
    const [rare, rarePostings] = byPages.findLast(([, postings]) => postings.length === 1 && textPages(postings).length === 1)!;
    const rarePage = rarePostings[0]![0];
    const commonPages = new Set(textPages(byPages[0]![1]));
    // A value of the filter that some page of the commonest word has, and not every page.
    const value = values.find(([, pages]) => pages.some((page) => commonPages.has(page)) && pages.length < 150)![0];
    filter = { name: filterName, value };
    // A word of middling frequency found on a page beside the commonest.
    const middle = byPages
      .slice(Math.floor(byPages.length / 4))
      .find(([, postings]) => textPages(postings).some((page) => commonPages.has(page)))![0];
    // A second word of the rare word's one page, so that the two-word search finds it.
    const beside = byPages.find(
      ([word, postings]) => word !== rare && word !== common && word.length > 5 && textPages(postings).includes(rarePage),
    )![0];
    const accented = words.find(([, , variants]) => variants.length)![2][0]![0];
    const title = words.find(([word, postings]) => /^[a-z]{4,}$/.test(word) && postings.some(([, , metaLocs]) => metaLocs.length))![0];
    expect(metaFields.length).toBeGreaterThan(0);
    queries = [common, rare, `${common} ${middle}`, `${beside} ${rare}`, accented, title];
    server = await serveDirectory(root);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("answers every query with the same results in the same order and the same filter counts", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      const whole = await answers(page, "/whole/", queries, filter);
      const merged = await answers(page, "/merged/", queries, filter);
      expect(merged).toEqual(whole);
      // Not an empty comparison: each query found something, the filtered search too.
      for (const [query, results] of whole.slice(0, -1) as Array<[string, unknown[]]>) expect(results.length, query).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
