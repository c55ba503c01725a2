/** The CSV export is the JSON Lines export as a table: same articles, same fields, same order, lists joined with ` | `. */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIST_SEPARATOR } from "../../src/exports/csv.ts";
import { EXPORT_FIELDS } from "../../src/exports/jsonl.ts";
import { buildResearchSite, FIXTURE_IDS, type ResearchSite } from "./research-site.ts";

let site: ResearchSite;
let records: Array<Record<string, unknown>>;
let csvText: string;
let header: string[];
let rows: string[][];

beforeAll(() => {
  site = buildResearchSite();
  records = readFileSync(site.file("/data/archive.jsonl"), "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));
  csvText = readFileSync(site.file("/data/archive.csv"), "utf8");
  [header = [], ...rows] = parse(csvText, { relax_column_count: false }) as string[][];
});
afterAll(() => site?.remove());

function cellText(value: unknown): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The cell as a spreadsheet must read it: text that would start a formula begins with `'` (src/exports/csv.ts). */
function expectedCell(value: unknown): string {
  const text = cellText(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

describe("archive.csv", () => {
  it("has one row per JSON Lines record, for every article of the fixture", () => {
    expect(records.map((r) => r.id).sort()).toEqual([...FIXTURE_IDS].sort());
    expect(rows).toHaveLength(records.length);
  });

  it("has the JSON Lines fields as its header, in the order the records list them", () => {
    expect(header).toEqual(EXPORT_FIELDS);
    for (const record of records) {
      const keys = Object.keys(record);
      expect(
        keys.every((key) => header.includes(key)),
        `unknown field in ${String(record.id)}`,
      ).toBe(true);
      const positions = keys.map((key) => header.indexOf(key));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it("has rows equal to the records, cell by cell", () => {
    records.forEach((record, index) => {
      const row = rows[index]!;
      const asObject = Object.fromEntries(header.map((field, column) => [field, row[column]]));
      const expected = Object.fromEntries(header.map((field) => [field, expectedCell(record[field])]));
      expect(asObject, `row ${index + 1} (${String(record.id)})`).toEqual(expected);
    });
  });

  it("gives lists back when a cell is split on the separator", () => {
    const byId = new Map(rows.map((row) => [row[header.indexOf("id")], row]));
    for (const record of records) {
      const row = byId.get(String(record.id))!;
      for (const field of ["authors", "tags", "translations"]) {
        const cell = row[header.indexOf(field)]!;
        expect(cell === "" ? undefined : cell.split(LIST_SEPARATOR)).toEqual(record[field]);
      }
    }
  });

  it("quotes as RFC 4180 says: CRLF between records, quotes doubled, line breaks inside quoted cells", () => {
    expect(csvText.startsWith(`${EXPORT_FIELDS.join(",")}\r\n`)).toBe(true);
    expect(csvText.endsWith("\r\n")).toBe(true);
    expect(csvText).toContain('"General strike in Lima: ""We will not go home"""');
    expect(csvText).toMatch(/"Workers, students and peasants, marching together\.\nOrganizers expect more than 10,000 people/);
    expect(csvText).toContain("Redacción");
    expect(csvText.charCodeAt(0)).not.toBe(0xfeff);
  });
});
