/** The Pagefind records: filters and meta for the search page; and the sort key, kept beside the index, that keeps undated articles in date-sorted results. */
import { BODIES_IN_RECORDS } from "../../src/records/article-bodies.ts";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Archive } from "../../src/archive/build-archive.ts";
import type { ArticleRecord } from "../../src/records/article-record.ts";
import { parseArticle } from "../../src/records/parse-article.ts";
import { messagesFor } from "../../src/archive/interface-messages.ts";
import {
  articleToSearchRecord,
  searchSortKeys,
  UNDATED_SORT_KEY,
  writeSearchIndex,
  type PagefindApi,
} from "../../src/search-index/pagefind-index.ts";
import type { DateOrder } from "../../src/search-index/search-date-order.ts";

function article(frontMatter: string, body = "Texto."): ArticleRecord {
  const result = parseArticle("content/articles/x.md", new TextEncoder().encode(`---\n${frontMatter}\n---\n\n${body}\n`));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.record;
}

describe("articleToSearchRecord", () => {
  it("gives the result's date, publication and language as meta, and the filters of the search page", () => {
    const record = articleToSearchRecord(
      article(
        "title: Masacre en Juliaca\npublication: International Workers Organizer\nlanguage: es\ndate: 2023-01-10\ntags: [Juliaca, represión]",
      ),
    );
    expect(record.meta).toMatchObject({
      title: "Masacre en Juliaca",
      date: "10 January 2023",
      publication: "International Workers Organizer",
      language: "Español",
      lang: "es",
    });
    expect(record.filters).toEqual({
      publication: ["International Workers Organizer"],
      language: ["Español"],
      year: ["2023"],
      tag: ["Juliaca", "represión"],
      timeline: ["2023-01 International Workers Organizer"],
    });
    expect(record).not.toHaveProperty("sort");
  });

  it("dates the result in the interface's language", () => {
    const es = messagesFor("es");
    const dated = articleToSearchRecord(
      article("title: Masacre en Juliaca\npublication: International Workers Organizer\nlanguage: es\ndate: 2023-01-10"),
      es,
    );
    expect(dated.meta?.date).toMatch(/^10 de enero de 2023$/);
    expect(articleToSearchRecord(article("title: Comunicado\npublication: Kaos en la Red\nlanguage: es"), es).meta?.date).toBe(es.undated);
  });

  it("gives undated articles a sort key before every date, so that they are last newest first (and the page moves them last oldest first)", () => {
    const undated = article("title: Comunicado\npublication: Kaos en la Red\nlanguage: es");
    expect(searchSortKeys(undated)).toEqual({ date: UNDATED_SORT_KEY });
    expect(articleToSearchRecord(undated).filters?.year).toEqual(["Undated"]);
    expect(UNDATED_SORT_KEY < "0001-01-01").toBe(true);
  });

  it("files an interval under every year it spans", () => {
    const interval = article("title: Cronología\npublication: Workers World\nlanguage: en\ndate: 2022-12/2023-01");
    expect(articleToSearchRecord(interval).filters?.year).toEqual(["2022", "2023"]);
    expect(searchSortKeys(interval)).toEqual({ date: "2022-12-01" });
  });

  it("gives the chart of matches by month the month and publication, or `wider` and `undated` apart", () => {
    const timeline = (frontMatter: string) =>
      articleToSearchRecord(article(`title: T\npublication: Fight Back! News\nlanguage: en${frontMatter}`)).filters.timeline;
    expect(timeline("\ndate: 2023-01-09?")).toEqual(["2023-01 Fight Back! News"]);
    expect(timeline("\ndate: 2023-01~")).toEqual(["2023-01 Fight Back! News"]);
    expect(timeline("\ndate: 2023")).toEqual(["wider Fight Back! News"]);
    expect(timeline("\ndate: 2022-12/2023-01")).toEqual(["wider Fight Back! News"]);
    expect(timeline("")).toEqual(["undated Fight Back! News"]);
  });
});

describe("writeSearchIndex", () => {
  const archive = {
    site: { language: "en" },
    articles: [article("title: A\npublication: P\nlanguage: en")],
    bodyOf: BODIES_IN_RECORDS.bodyOf,
  } as unknown as Archive;

  /** A fragment as Pagefind writes it: gzipped, its signature, then its JSON. */
  const fragment = (id: string, url: string) => ({
    path: `fragment/${id}.pf_fragment`,
    content: Uint8Array.from(gzipSync(`pagefind_dcd${JSON.stringify({ url, filters: {} })}`)),
  });

  /** A stand-in Pagefind that answers with `files` and keeps every record it was given; its files are no real bundle, so they are kept as Pagefind made them ("pagefind"), not merged. */
  function pagefindGiving(files: Array<{ path: string; content: Uint8Array }>) {
    const records: unknown[] = [];
    const addCustomRecord = vi.fn(async (record: unknown) => {
      records.push(record);
      return { errors: [] };
    });
    const getFiles = vi.fn(async () => ({ errors: [], files }));
    const createIndex = vi.fn(async () => ({ errors: [], index: { addCustomRecord, getFiles } }));
    return { records, addCustomRecord, createIndex };
  }

  it("indexes every article in one forced language, writes every file Pagefind made, then closes Pagefind", async () => {
    const output = mkdtempSync(path.join(tmpdir(), "hemeroteca-index-"));
    try {
      const files = [
        { path: "pagefind-component-ui.js", content: new TextEncoder().encode("window.PagefindComponents = {};") },
        fragment("en_1", archive.articles[0]!.permalink),
      ];
      const { addCustomRecord, createIndex } = pagefindGiving(files);
      // The files must be on disk, whole, before Pagefind's process is stopped.
      const onDiskAtClose: string[] = [];
      const close = vi.fn(async () => {
        for (const file of files) onDiskAtClose.push(readFileSync(path.join(output, file.path)).toString("hex"));
        onDiskAtClose.push(readFileSync(path.join(output, "date-order.json"), "utf8"));
        return null;
      });
      const api = { createIndex, close } as unknown as PagefindApi;
      expect(await writeSearchIndex(archive, output, api, undefined, "pagefind")).toEqual({ pages: 1 });
      expect(createIndex).toHaveBeenCalledWith({ forceLanguage: "en" });
      expect(addCustomRecord).toHaveBeenCalledTimes(1);
      expect(close).toHaveBeenCalledTimes(1);
      expect(onDiskAtClose).toEqual([
        ...files.map((file) => Buffer.from(file.content).toString("hex")),
        `${JSON.stringify({ prefix: "en_", width: 1, order: "1", full: {} })}\n`,
      ]);
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });

  it("gives Pagefind no sort key, and writes the bundle's pages in ascending date order beside it, undated first", async () => {
    const output = mkdtempSync(path.join(tmpdir(), "hemeroteca-index-"));
    try {
      const articles = [
        article("title: Later\npublication: P\nlanguage: en\ndate: 2023-02-01"),
        article("title: Undated\npublication: P\nlanguage: en"),
        article("title: Earlier\npublication: P\nlanguage: en\ndate: 2022-12/2023-01"),
        article("title: Same day\npublication: P\nlanguage: en\ndate: 2023-02-01"),
      ];
      const ids = ["en_7a0", "en_7b1", "en_c22", "en_d33"];
      const { records, createIndex } = pagefindGiving(articles.map((entry, index) => fragment(ids[index]!, entry.permalink)));
      const api = { createIndex, close: async () => null } as unknown as PagefindApi;
      await writeSearchIndex({ ...archive, articles } as unknown as Archive, output, api, undefined, "pagefind");
      for (const record of records) expect(record).not.toHaveProperty("sort");
      const order = JSON.parse(readFileSync(path.join(output, "date-order.json"), "utf8")) as DateOrder;
      // Undated, then 2022-12/2023-01 (its first day), then the two of 2023-02-01 in the order they were fed.
      const places = ["en_7b1", "en_c22", "en_7a0", "en_d33"];
      expect(order.prefix).toBe("en_");
      const shortened = places.map((id) => id.slice(3, 3 + order.width).padEnd(order.width, "-")).join("");
      expect(order.order).toBe(shortened);
      for (const [id, place] of Object.entries(order.full)) expect(places[place]).toBe(id);
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });

  it("refuses a bundle in which Pagefind made no page for an article, naming its file", async () => {
    const output = mkdtempSync(path.join(tmpdir(), "hemeroteca-index-"));
    try {
      const { createIndex } = pagefindGiving([fragment("en_1", "/somewhere/else/")]);
      const api = { createIndex, close: async () => null } as unknown as PagefindApi;
      await expect(writeSearchIndex(archive, output, api, undefined, "pagefind")).rejects.toThrow(
        /no page for `\/undated\/a\/` \(content\/articles\/x\.md\)/,
      );
      expect(existsSync(path.join(output, "date-order.json"))).toBe(false);
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });

  it("refuses a file Pagefind would put outside the index folder", async () => {
    const output = mkdtempSync(path.join(tmpdir(), "hemeroteca-index-"));
    try {
      const getFiles = async () => ({ errors: [], files: [{ path: "../escaped.js", content: Uint8Array.of(1) }] });
      const api = {
        createIndex: async () => ({ errors: [], index: { addCustomRecord: async () => ({ errors: [] }), getFiles } }),
        close: async () => null,
      } as unknown as PagefindApi;
      await expect(writeSearchIndex(archive, output, api, undefined, "pagefind")).rejects.toThrow(
        /outside the index folder: `..\/escaped.js`/,
      );
      expect(existsSync(path.join(output, "..", "escaped.js"))).toBe(false);
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });

  it("stops on the errors Pagefind reports, naming the article file, and still closes", async () => {
    const close = vi.fn(async () => undefined);
    const api = {
      createIndex: async () => ({
        errors: [],
        index: { addCustomRecord: async () => ({ errors: ["bad record"] }), getFiles: async () => ({ errors: [], files: [] }) },
      }),
      close,
    } as unknown as PagefindApi;
    await expect(writeSearchIndex(archive, "/out/pagefind", api)).rejects.toThrow(/index content\/articles\/x\.md:\nbad record/);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
