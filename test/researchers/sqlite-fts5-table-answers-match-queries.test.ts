/** The SQLite export: every field in `articles`, day bounds for dates, and an FTS5 table any client can query. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FIELDS } from "../../src/exports/jsonl.ts";
import { DATABASE_SCHEMA_VERSION, rowToExportRecord } from "../../src/exports/sqlite.ts";
import { buildResearchSite, type ResearchSite } from "./research-site.ts";

let site: ResearchSite;
let db: Database.Database;
let records: Array<Record<string, unknown>>;

beforeAll(() => {
  site = buildResearchSite();
  db = new Database(site.file("/data/archive.sqlite"), { readonly: true, fileMustExist: true });
  records = readFileSync(site.file("/data/archive.jsonl"), "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));
});
afterAll(() => {
  db?.close();
  site?.remove();
});

const match = (query: string) =>
  db
    .prepare(
      "SELECT a.id FROM articles_fts JOIN articles a ON a.position = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.position",
    )
    .pluck()
    .all(query) as string[];

const hasSqliteCli = spawnSync("sqlite3", ["-version"]).status === 0;

describe("archive.sqlite", () => {
  it("has a column for every export field, plus date_start and date_end", () => {
    const columns = (db.prepare("PRAGMA table_info(articles)").all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(["position", ...EXPORT_FIELDS, "date_start", "date_end"]);
    expect(db.pragma("user_version", { simple: true })).toBe(DATABASE_SCHEMA_VERSION);
  });

  it("holds the JSON Lines records, in the same order, lists and source as JSON text", () => {
    const rows = db.prepare("SELECT * FROM articles ORDER BY position").all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(records.length);
    rows.forEach((row, index) => {
      const record = records[index]!;
      expect(row.position).toBe(index + 1);
      for (const field of EXPORT_FIELDS) {
        const value = record[field];
        // A page number stays a number (its column has no type), a page label text.
        const expected =
          value === undefined
            ? null
            : typeof value === "object"
              ? JSON.stringify(value)
              : typeof value === "number"
                ? value
                : String(value);
        expect(row[field], `${String(record.id)}.${field}`).toBe(expected);
      }
      // Read back, a row is its JSON Lines record, to the byte.
      const read = rowToExportRecord(row);
      expect(read.ok && JSON.stringify(read.record), String(record.id)).toBe(JSON.stringify(record));
    });
  });

  it("bounds each date by the first and last day it can mean, and leaves undated articles NULL", () => {
    const bounds = Object.fromEntries(
      (
        db.prepare("SELECT id, date_start, date_end FROM articles").all() as Array<{
          id: string;
          date_start: string | null;
          date_end: string | null;
        }>
      ).map((r) => [r.id, [r.date_start, r.date_end]]),
    );
    expect(bounds).toMatchObject({
      "police-massacre-in-juliaca": ["2023-01-09", "2023-01-09"],
      "general-strike-in-lima-we-will-not-go-home": ["2022-12-07", "2022-12-07"],
      "paro-nacional-contra-el-gobierno-de-boluarte": ["2023-01-01", "2023-01-31"],
      "a-chronology-of-the-protests": ["2022-12-01", "2023-01-31"],
      "castillo-elected-president-of-peru": ["2021-01-01", "2021-12-31"],
      "comunicado-del-sindicato-de-maestros": [null, null],
    });
  });

  it("answers FTS5 MATCH queries over title, summary and text, ranked by bm25", () => {
    expect(match("juliaca")).toEqual(
      expect.arrayContaining(["police-massacre-in-juliaca", "masacre-en-juliaca", "february-report-from-puno"]),
    );
    expect(match("juliaca")).toHaveLength(3);
    expect(match("title:juliaca")).toEqual(expect.arrayContaining(["police-massacre-in-juliaca", "masacre-en-juliaca"]));
    expect(match("title:juliaca")).toHaveLength(2);
    expect(match("summary:seventeen")).toEqual(["police-massacre-in-juliaca"]);
    expect(match('"paro nacional"')).toEqual(["paro-nacional-contra-el-gobierno-de-boluarte"]);
    expect(match("huelga")).toEqual(["masacre-en-juliaca"]);
    expect(match("strik*")).toEqual(
      expect.arrayContaining(["police-massacre-in-juliaca", "february-report-from-puno", "a-chronology-of-the-protests"]),
    );
  });

  it("finds the other forms of a word: protest finds protests, strike strikes, huelgas huelga", () => {
    // "protests" in two, "protesters" in the third.
    expect(match("protest").sort()).toEqual([
      "a-chronology-of-the-protests",
      "merino-resigns-after-five-days",
      "police-massacre-in-juliaca",
    ]);
    // The chronology has "strikes" only.
    expect(match("strike")).toContain("a-chronology-of-the-protests");
    expect(match("strikes").sort()).toEqual(match("strike").sort());
    expect(match("huelgas")).toEqual(["masacre-en-juliaca"]);
    expect(match('"protest spreads"')).toEqual(match('"protests spread"'));
    expect(match('"protests spread"')).toHaveLength(1);
  });

  it("ignores accents and case, so peru finds Perú", () => {
    const ids = match("peru");
    expect(ids).toContain("paro-nacional-contra-el-gobierno-de-boluarte");
    expect(ids).toContain("merino-resigns-after-five-days");
    expect(match("PERÚ")).toEqual(ids);
  });

  it("gives snippets and highlights from the linked articles table", () => {
    const snippet = db
      .prepare("SELECT snippet(articles_fts, 2, '<', '>', '…', 8) FROM articles_fts WHERE articles_fts MATCH 'aeropuerto'")
      .pluck()
      .get() as string;
    expect(snippet).toContain("<aeropuerto>");
  });

  it("passes SQLite's and FTS5's integrity checks", () => {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const writable = new Database(site.file("/data/archive.sqlite"));
    try {
      expect(() => writable.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    } finally {
      writable.close();
    }
  });

  it.skipIf(!hasSqliteCli)("opens in the sqlite3 command-line client", () => {
    const result = spawnSync(
      "sqlite3",
      [
        site.file("/data/archive.sqlite"),
        "SELECT id FROM articles WHERE position IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'huelga');",
      ],
      { encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("masacre-en-juliaca");
  });
});
