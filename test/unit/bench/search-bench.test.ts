/**
 * The search benchmark's parts that are not timed: the host counts the bytes
 * it sends (gzipped text, other files as stored), the queries are fixed and
 * come from the corpus's word lists, and the report gives medians per query
 * and over all queries. No browser here: `npm run bench -- --search` is the
 * measurement.
 */
import { readFile, writeFile } from "node:fs/promises";
import { request } from "node:http";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, serveGzipped } from "../../../src/bench/gzip-static-server.ts";
import type { SearchBenchResult, SearchMeasurement } from "../../../src/bench/search-bench.ts";
import { fileKind, transferOf } from "../../../src/bench/search-bench.ts";
import { furtherQuery, searchQueries } from "../../../src/bench/search-queries.ts";
import { searchSummaryToMarkdown, summarizeSearch } from "../../../src/bench/search-report.ts";
import { writeStockPagefindSite } from "../../../src/bench/stock-pagefind-site.ts";
import { lexiconOf } from "../../../src/bench/word-lists.ts";
import { putFile, temporaryFolders } from "../../support/temp-dirs.ts";

const folders = temporaryFolders();

/** A GET without the browser: the body exactly as it came over the socket, undecoded. */
function get(url: string, encoding?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: encoding ? { "accept-encoding": encoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the search benchmark's host", () => {
  it("gzips text files when asked, sends other files as stored, and counts the bytes it sent", async () => {
    const root = await folders("search-host");
    const text = `${"<p>A page of the archive, repeated so that gzip has something to fold.</p>\n".repeat(200)}`;
    const stored = gzipSync(Buffer.from("already compressed by Pagefind"));
    await putFile(root, "search/index.html", text);
    await putFile(root, "pagefind/index/en_1.pf_index", "");
    await writeFile(path.join(root, "pagefind/index/en_1.pf_index"), stored);
    const server = await serveGzipped(root);
    try {
      const page = await get(`${server.url}/search/`, "gzip, deflate, br");
      expect(page.status).toBe(200);
      expect(page.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(page.body).toString()).toBe(text);
      expect(page.body.length).toBeLessThan(text.length / 10);

      const plain = await get(`${server.url}/search/index.html`);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString()).toBe(text);

      const refused = await get(`${server.url}/search/`, "gzip;q=0, identity");
      expect(refused.headers["content-encoding"]).toBeUndefined();

      const chunk = await get(`${server.url}/pagefind/index/en_1.pf_index`, "gzip");
      expect(chunk.headers["content-encoding"]).toBeUndefined();
      expect(chunk.body.length).toBe(stored.length);

      const missing = await get(`${server.url}/nothing/`, "gzip");
      expect(missing.status).toBe(404);
      const outside = await get(`${server.url}/../../etc/passwd`);
      expect(outside.body.toString()).not.toContain("root:");

      const served = server.take();
      expect(served.map((response) => [response.path, response.bytes, response.gzip])).toEqual([
        ["/search/", page.body.length, true],
        ["/search/index.html", Buffer.byteLength(text), false],
        ["/search/", Buffer.byteLength(text), false],
        ["/pagefind/index/en_1.pf_index", stored.length, false],
        ["/nothing/", missing.body.length, true],
        [expect.any(String), outside.body.length, expect.any(Boolean)],
      ]);
      expect(served[4]!.status).toBe(404);
      expect(server.take()).toEqual([]);
      expect(transferOf(served.slice(0, 4))).toEqual({
        bytes: page.body.length + 2 * Buffer.byteLength(text) + stored.length,
        pagefindBytes: stored.length,
        requests: 4,
        kinds: {
          code: 0,
          metadata: 0,
          filters: 0,
          index: stored.length,
          fragments: 0,
          page: page.body.length + 2 * Buffer.byteLength(text),
        },
        kindRequests: { code: 0, metadata: 0, filters: 0, index: 1, fragments: 0, page: 3 },
      });
    } finally {
      await server.close();
    }
  });

  it("reads Accept-Encoding as browsers send it", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("the search benchmark's stock index", () => {
  const article = (title: string, lang: string) =>
    `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body><main><h1>${title}</h1><p>${title} by the harbor.</p></main></body></html>`;

  it("indexes every article page of the built site in one index, and keeps it while the pages stay the same", async () => {
    const site = await folders("search-stock-site");
    const dir = path.join(await folders("search-stock"), "stock");
    await putFile(site, "index.html", `<!DOCTYPE html><html lang="en"><body><p>Home</p></body></html>`);
    await putFile(site, "2020/01/01/garden/index.html", article("Garden", "en"));
    await putFile(site, "2021/jardin/index.html", article("Jardín", "es"));
    await putFile(
      site,
      "data/archive.jsonl",
      `${JSON.stringify({ id: "garden", url: "/2020/01/01/garden/" })}\n${JSON.stringify({ id: "jardin", url: "/2021/jardin/" })}\n`,
    );

    expect(await writeStockPagefindSite(site, dir)).toEqual({ pages: 2, reused: false });
    const entry = JSON.parse(await readFile(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    // One index of both languages, not one per `<html lang>`.
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([2]);
    expect(await readFile(path.join(dir, "index.html"), "utf8")).toContain('src="/stock-search.js"');
    expect(await readFile(path.join(dir, "stock-search.js"), "utf8")).toContain("pagefind.search(term)");

    expect(await writeStockPagefindSite(site, dir)).toEqual({ pages: 2, reused: true });
    await putFile(site, "2021/jardin/index.html", article("Jardín nuevo", "es"));
    expect(await writeStockPagefindSite(site, dir)).toEqual({ pages: 2, reused: false });
  });
});

describe("the search benchmark's files by kind", () => {
  it("tells Pagefind's code, metadata, filters, index chunks and fragments from pages", () => {
    expect(fileKind("/pagefind/pagefind.js")).toBe("code");
    expect(fileKind("/pagefind/wasm.en.pagefind")).toBe("code");
    expect(fileKind("/search.js")).toBe("code");
    expect(fileKind("/pagefind/pagefind-entry.json")).toBe("metadata");
    expect(fileKind("/pagefind/2016-h2/pagefind.en_86be4824e8.pf_meta")).toBe("metadata");
    expect(fileKind("/pagefind/bundles.json")).toBe("metadata");
    expect(fileKind("/pagefind/filter/en_1a2b.pf_filter")).toBe("filters");
    expect(fileKind("/pagefind/2016/index/en_1a2b.pf_index")).toBe("index");
    expect(fileKind("/pagefind/fragment/en_1a2b.pf_fragment")).toBe("fragments");
    expect(fileKind("/search/")).toBe("page");
  });
});

describe("the search benchmark's queries", () => {
  it("are fixed, common, rare, two-word and one newest first, taken from the corpus's vocabularies", () => {
    const queries = searchQueries();
    expect(searchQueries()).toEqual(queries);
    expect(new Set(queries.map((query) => query.kind))).toEqual(new Set(["common", "rare", "two words", "newest first"]));
    expect(queries.filter((query) => query.sort).map((query) => query.kind)).toEqual(["newest first"]);
    const vocabulary = new Set([...lexiconOf("en").words, ...lexiconOf("es").words]);
    for (const { query } of queries) for (const word of query.split(" ")) expect(vocabulary.has(word), word).toBe(true);
    for (const { query, kind } of queries) expect(query.split(" ").length).toBe(kind === "two words" ? 2 : 1);
    expect(furtherQuery(queries, 0)).toBe(queries[1]);
    expect(furtherQuery(queries, queries.length - 1)).toBe(queries[0]);
    // The next search typed into a page is by relevance: the sorted one is opened by its address only.
    const sorted = queries.findIndex((query) => query.sort);
    expect(furtherQuery(queries, sorted - 1)).toBe(queries[(sorted + 1) % queries.length]);
  });
});

/** A measurement whose Pagefind bytes are all index chunks but 10,000 of page and, first, 100,000 of code. */
const measurement = (
  side: SearchMeasurement["side"],
  query: string,
  round: number,
  bytes: number,
  ms: number,
  further: number,
): SearchMeasurement => ({
  side,
  kind: "common",
  query,
  round,
  first: {
    bytes,
    pagefindBytes: bytes - 10_000,
    requests: 20,
    msToFirstResult: ms,
    files: [],
    kinds: { code: 100_000, metadata: 0, filters: 0, index: bytes - 110_000, fragments: 0, page: 10_000 },
    kindRequests: { code: 10, metadata: 2, filters: 0, index: 7, fragments: 0, page: 1 },
  },
  further: {
    bytes: further,
    pagefindBytes: further,
    requests: 3,
    query: "next",
    files: [],
    kinds: { code: 0, metadata: 0, filters: 0, index: further - 5_000, fragments: 5_000, page: 0 },
    kindRequests: { code: 0, metadata: 0, filters: 0, index: 2, fragments: further > 30_000 ? 4 : 2, page: 0 },
  },
});

describe("the search benchmark's report", () => {
  const result: SearchBenchResult = {
    machine: { cpus: 2, cpuModel: "test", memoryBytes: 2 ** 34, node: "v20", platform: "linux x64", loadAverageAtStart: [1, 1, 1] },
    options: { articles: [10], runs: 3, seed: 1 },
    startedAt: "2026-01-01T00:00:00.000Z",
    sizes: [
      {
        articles: 10,
        stockPages: 10,
        loadBefore: [1.5, 1, 0.5],
        loadAfter: [2, 1, 0.5],
        measurements: [
          measurement("hemeroteca", "garden", 1, 900_000, 3000, 40_000),
          measurement("stock", "garden", 1, 500_000, 1000, 20_000),
          measurement("stock", "garden", 2, 520_000, 1200, 20_000),
          measurement("hemeroteca", "garden", 2, 910_000, 2000, 42_000),
          measurement("hemeroteca", "garden", 3, 905_000, 2500, 41_000),
          measurement("stock", "garden", 3, 510_000, 1100, 20_000),
          measurement("hemeroteca", "the", 1, 1_000_000, 4000, 70_000),
          measurement("stock", "the", 1, 860_000, 1500, 30_000),
        ],
      },
    ],
  };

  it("gives each query's medians and the time's range, each index after the other, and the median and largest over the queries", () => {
    const summary = summarizeSearch(result);
    const size = summary.sizes[0]!;
    expect(size.queries.map((query) => `${query.query} ${query.side} ${query.runs}`)).toEqual([
      "garden hemeroteca 3",
      "garden stock 3",
      "the hemeroteca 1",
      "the stock 1",
    ]);
    expect(size.queries[0]!.first).toMatchObject({
      bytes: 905_000,
      pagefindBytes: 895_000,
      requests: 20,
      msToFirstResult: { median: 2500, min: 2000, max: 3000 },
    });
    expect(size.queries[1]!.further).toMatchObject({ bytes: 20_000, query: "next" });
    expect(size.queries[0]!.further).toMatchObject({
      kinds: { index: 36_000, fragments: 5_000 },
      kindRequests: { index: 2, fragments: 4, code: 0 },
    });
    expect(size.sides).toEqual([
      {
        side: "hemeroteca",
        first: {
          medianBytes: 952_500,
          largestBytes: 1_000_000,
          medianPagefindBytes: 942_500,
          largestPagefindBytes: 990_000,
          medianMsToFirstResult: 3250,
          kinds: { code: 100_000, metadata: 0, filters: 0, index: 842_500, fragments: 0, page: 10_000 },
        },
        further: { medianBytes: 55_500, largestBytes: 70_000 },
      },
      {
        side: "stock",
        first: {
          medianBytes: 685_000,
          largestBytes: 860_000,
          medianPagefindBytes: 675_000,
          largestPagefindBytes: 850_000,
          medianMsToFirstResult: 1300,
          kinds: { code: 100_000, metadata: 0, filters: 0, index: 575_000, fragments: 0, page: 10_000 },
        },
        further: { medianBytes: 25_000, largestBytes: 30_000 },
      },
    ]);
  });

  it("writes Markdown tables with the load beside the figures", () => {
    const markdown = searchSummaryToMarkdown(summarizeSearch(result));
    expect(markdown).toContain("Load average (1, 5, 15 min) 1.5, 1, 0.5 before the searches, 2, 1, 0.5 after");
    expect(markdown).toContain("| `garden` | common | Hemeroteca | 905 (895) | 20 | 2.50 s (2.00–3.00) | 41 (41), then `next` | 3 |");
    expect(markdown).toContain("| `next` after `garden` | Hemeroteca | 0.0 (0) | 0.0 (0) | 0.0 (0) | 36 (2) | 5.0 (4) | 0.0 (0) |");
    expect(markdown).toContain(
      "| `next` after `the` | one stock Pagefind index | 0.0 (0) | 0.0 (0) | 0.0 (0) | 25 (2) | 5.0 (2) | 0.0 (0) |",
    );
    expect(markdown).toContain(
      "| one stock Pagefind index | 685 / 860 | 675 / 850 | 1.30 s | 25 / 30 | 100 / 0.0 / 0.0 / 575 / 0.0 / 10 |",
    );
  });
});
