/**
 * Pagefind's own web client (its pagefind.js and WebAssembly, in Chromium)
 * answers from the index made in parts and merged exactly as from the index
 * Pagefind made of the same articles in one go: the same results, in the
 * same order, with the same scores, for common and rare words, two words, a
 * word's form with diacritics, a word of the titles and a filtered search;
 * and the same filter counts. The queries are taken from the index itself.
 * The site's index, in smaller word chunks, answers as one index of a
 * single chunk (where every word's extensions are loaded with it), for
 * those queries and for the words at its chunks' edges.
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
import { mergePagefindBundles } from "../../src/search-index/pagefind-merge.ts";
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

/** The words of each word chunk of a bundle, in order. */
async function chunkWords(folder: string): Promise<string[][]> {
  const entry = JSON.parse(await readFile(path.join(folder, "pagefind-entry.json"), "utf8"));
  const meta = data(await readFile(path.join(folder, `pagefind.${entry.languages.en.hash}.pf_meta`))) as [
    string,
    unknown,
    Array<[string, string, string]>,
  ];
  return Promise.all(
    meta[2].map(async ([, , id]) =>
      (data(await readFile(path.join(folder, "index", `${id}.pf_index`))) as [Word[]])[0].map(([word]) => word),
    ),
  );
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
  let edgeQueries: string[];
  let lastWords: string[];
  let anchor: string;
  let filter: { name: string; value: string };

  beforeAll(async () => {
    const root = await folders("merged-index-browser");
    const archive = buildArchive(generatedRecords(150), siteConfigFromEnv({}));
    await writeSearchIndex(archive, path.join(root, "whole"), undefined, 1_000, "pagefind");
    await writeSearchIndex(archive, path.join(root, "merged"), undefined, 40, "pagefind");
    await writeSearchIndex(archive, path.join(root, "site"), undefined, 40);
    // No chunk is ever closed: every word is loaded with every word that extends it.
    await mergePagefindBundles([path.join(root, "whole")], path.join(root, "one-chunk"), Number.POSITIVE_INFINITY);
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
    // The first and last words of the site's chunks, where a lookup by the chunks' bounds could miss (plain words: the client stems queries).
    const site = await wordsOf(path.join(root, "site"));
    const chunks = await chunkWords(path.join(root, "site"));
    const plainWord = (word: string) => /^[a-z]{3,}$/.test(word);
    edgeQueries = [...new Set(chunks.flatMap((chunk) => [chunk[0]!, chunk.at(-1)!]))].filter(plainWord);
    lastWords = chunks.map((chunk) => chunk.at(-1)!).filter(plainWord);
    // A common word inside a chunk, not at its edges (where the bounds are cut), to search beside the last words.
    const inside = new Set(chunks.flatMap((chunk) => chunk.slice(1, -1)));
    anchor = byPages.find(([word]) => inside.has(word))![0];
    expect(site.words.map(([word]) => word)).toEqual(words.map(([word]) => word));
    expect(edgeQueries.length).toBeGreaterThan(10);
    server = await serveDirectory(root);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("answers from the site's smaller chunks as from one chunk, for the same queries and the words at the chunks' edges", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      // Each chunk's last word beside a common word, before a search of it alone loads its chunk; then each edge
      // word alone. (Whether the bounds hold each word is checked in search-index-parts-merge-as-one.test.ts.)
      const pairs = lastWords.map((word) => `${anchor} ${word}`);
      const all = [...pairs, ...queries, ...edgeQueries];
      const oneChunk = await answers(page, "/one-chunk/", all, filter);
      const site = await answers(page, "/site/", all, filter);
      expect(site).toEqual(oneChunk);
      const found = new Map((oneChunk.slice(0, -2) as Array<[string, unknown[]]>).map(([query, results]) => [query, results.length]));
      for (const query of [...queries, ...edgeQueries]) expect(found.get(query), query).toBeGreaterThan(0);
      expect(pairs.filter((query) => found.get(query)).length).toBeGreaterThan(5);
    } finally {
      await context.close();
    }
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
