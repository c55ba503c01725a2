/** The Pagefind records: filters and meta for the search page, and a sort key that keeps undated articles in date-sorted results. */
import { BODIES_IN_RECORDS } from "../../src/records/article-bodies.ts";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Archive } from "../../src/archive/build-archive.ts";
import type { ArticleRecord } from "../../src/records/article-record.ts";
import { parseArticle } from "../../src/records/parse-article.ts";
import { messagesFor } from "../../src/archive/interface-messages.ts";
import { articleToSearchRecord, UNDATED_SORT_KEY, writeSearchIndex, type PagefindApi } from "../../src/search-index/pagefind-index.ts";

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
    expect(record.sort).toEqual({ date: "2023-01-10" });
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
    const record = articleToSearchRecord(article("title: Comunicado\npublication: Kaos en la Red\nlanguage: es"));
    expect(record.sort).toEqual({ date: UNDATED_SORT_KEY });
    expect(record.filters?.year).toEqual(["Undated"]);
    expect(UNDATED_SORT_KEY < "0001-01-01").toBe(true);
  });

  it("files an interval under every year it spans", () => {
    const record = articleToSearchRecord(article("title: Cronología\npublication: Workers World\nlanguage: en\ndate: 2022-12/2023-01"));
    expect(record.filters?.year).toEqual(["2022", "2023"]);
    expect(record.sort).toMatchObject({ date: "2022-12-01" });
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

  it("indexes every article in one forced language, writes every file Pagefind made, then closes Pagefind", async () => {
    const output = mkdtempSync(path.join(tmpdir(), "hemeroteca-index-"));
    try {
      const addCustomRecord = vi.fn(async () => ({ errors: [] }));
      const files = [
        { path: "pagefind-component-ui.js", content: new TextEncoder().encode("window.PagefindComponents = {};") },
        { path: "fragment/en_1.pf_fragment", content: Uint8Array.of(31, 139, 8, 0) },
      ];
      const getFiles = vi.fn(async () => ({ errors: [], files }));
      const createIndex = vi.fn(async () => ({ errors: [], index: { addCustomRecord, getFiles } }));
      // The files must be on disk, whole, before Pagefind's process is stopped.
      const onDiskAtClose: string[] = [];
      const close = vi.fn(async () => {
        for (const file of files) onDiskAtClose.push(readFileSync(path.join(output, file.path)).toString("hex"));
        return null;
      });
      const api = { createIndex, close } as unknown as PagefindApi;
      expect(await writeSearchIndex(archive, output, api)).toEqual({ pages: 1 });
      expect(createIndex).toHaveBeenCalledWith({ forceLanguage: "en" });
      expect(addCustomRecord).toHaveBeenCalledTimes(1);
      expect(close).toHaveBeenCalledTimes(1);
      expect(onDiskAtClose).toEqual(files.map((file) => Buffer.from(file.content).toString("hex")));
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
      await expect(writeSearchIndex(archive, output, api)).rejects.toThrow(/outside the index folder: `..\/escaped.js`/);
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
