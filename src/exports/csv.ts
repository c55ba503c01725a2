/**
 * `/data/archive.csv`: one row per article, the same fields as the JSON Lines
 * export in the same order (`EXPORT_FIELDS`), quoted as RFC 4180 says (CRLF
 * after every record, `"` doubled inside quoted cells) by `csv-stringify`. A
 * cell holding a line feed or a carriage return is quoted even without a comma
 * or quote: csv-stringify quotes only the record delimiter itself (CRLF), and
 * a bare LF left unquoted starts a new row for every reader.
 *
 * Cells: text as is; lists (`authors`, `tags`, `aliases`, `translations`,
 * `review`) joined with `LIST_SEPARATOR`; `source` as compact JSON; absent
 * fields empty. UTF-8 without a byte order mark.
 *
 * The text comes from scraped pages, and a spreadsheet runs a cell that
 * starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)`, DDE):
 * such a cell, and one starting with a tab or carriage return (or the
 * full-width `＝＋－＠`), gets a leading `'` (csv-stringify's
 * `escape_formulas`), which spreadsheets read as "this is text". Only the
 * cell's first character counts: a later line of a multi-line cell is inside
 * the quotes, part of the same cell, and no reader takes it for a cell of its
 * own, so it is kept as written. The JSON Lines and SQLite exports keep the
 * text as it is.
 */
import { stringify, type Options } from "csv-stringify/sync";
import type { ArticleRecord } from "../records/article-record.ts";
import { articleToExportRecord, EXPORT_FIELDS, type ExportRecord } from "./jsonl.ts";

/** Joins list values in one cell. A value containing it cannot be split back: use the JSONL or SQLite export for exact lists. */
export const LIST_SEPARATOR = " | ";

/** One export value as CSV cell text. */
export function exportValueToCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(String).join(LIST_SEPARATOR);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function exportRecordToRow(record: ExportRecord): string[] {
  return EXPORT_FIELDS.map((field) => exportValueToCell(record[field]));
}

const CSV_OPTIONS: Options = {
  record_delimiter: "windows",
  escape_formulas: true,
  // Cells with leading or trailing blanks are quoted, so readers that trim unquoted cells keep them; cells with any
  // line break are quoted, so that no reader splits a row there.
  quoted_match: [/^\s|\s$/, /[\r\n]/],
};

/** The header row, CRLF included. */
export function csvHeader(): string {
  return stringify([EXPORT_FIELDS], CSV_OPTIONS);
}

/** One article's row, CRLF included: the export is the header and the rows, joined, so it can be written a row at a time. */
export function articleToCsvRow(article: ArticleRecord, baseUrl = ""): string {
  return stringify([exportRecordToRow(articleToExportRecord(article, baseUrl))], CSV_OPTIONS);
}

export function archiveToCsv(articles: readonly ArticleRecord[], baseUrl = ""): string {
  return exportRecordsToCsv(articles.map((article) => articleToExportRecord(article, baseUrl)));
}

/** Records (from the articles, or read back from the SQLite export) as the CSV export. */
export function exportRecordsToCsv(records: readonly ExportRecord[]): string {
  return stringify([EXPORT_FIELDS, ...records.map(exportRecordToRow)], CSV_OPTIONS);
}
