/**
 * archive.csv read back by two parsers that share no code with the writer
 * (csv-parse, and Python's `csv` module): one row per article, every field as
 * exported, with multi-paragraph bodies (line feeds and carriage returns) and
 * a body line that starts with `=`.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { archiveToCsv, exportRecordToRow } from "../../src/exports/csv.ts";
import { articleToExportRecord, EXPORT_FIELDS } from "../../src/exports/jsonl.ts";
import type { ArticleRecord } from "../../src/records/article-record.ts";
import { parseArticle } from "../../src/records/parse-article.ts";
import { RESEARCH_ARTICLES } from "./research-site.ts";

function parsed(file: string, text: string): ArticleRecord {
  const result = parseArticle(file, new TextEncoder().encode(text));
  if (!result.ok) throw new Error(`${file} did not parse`);
  return result.record;
}

/** The research fixture's articles, and copies of one whose body gains a line starting with `=`, and CR or CRLF line ends. */
function articles(): ArticleRecord[] {
  const files = readdirSync(RESEARCH_ARTICLES, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .sort();
  const records = files.map((file) =>
    parsed(path.posix.join("content/articles", file), readFileSync(path.join(RESEARCH_ARTICLES, file), "utf8")),
  );
  const base = readFileSync(path.join(RESEARCH_ARTICLES, "fbn/general-strike-in-lima.md"), "utf8");
  const [, frontMatter = "", body = ""] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(base) ?? [];
  const paragraphs = body.trim().split(/\n\n+/);
  const withFormula = `${frontMatter.replace(/^id: .*$/m, "").replace("---\n", "---\nid: formula-line\n")}\n${paragraphs[0]}\n\n=SUM(1,2)\n\n${paragraphs.slice(1).join("\n\n")}\n`;
  records.push(parsed("content/articles/x/formula-line.md", withFormula));
  const record = records.at(-1)!;
  // Text as a record may hold it after other tools: a bare CR, and CRLF, inside the body.
  records.push({ ...record, id: "cr-lines", text: record.text.replaceAll("\n", "\r") });
  records.push({ ...record, id: "crlf-lines", text: record.text.replaceAll("\n", "\r\n") });
  // Ordinary multi-paragraph text with nothing else that needs quotes: its line feeds alone must get it quoted.
  const plain = (text: string) => text.replace(/[",]/g, "");
  records.push({
    ...record,
    id: "plain-paragraphs",
    text: plain(record.text),
    ...(record.summary ? { summary: plain(record.summary) } : {}),
  });
  return records;
}

/** What a reader must get back for each cell: the exported value, with `'` before one that would start a formula. */
function expectedRows(records: readonly ArticleRecord[]): string[][] {
  return records.map((record) =>
    exportRecordToRow(articleToExportRecord(record)).map((cell) => (/^[=+\-@\t\r＝＋－＠]/.test(cell) ? `'${cell}` : cell)),
  );
}

describe("archive.csv read back with independent parsers", () => {
  const records = articles();
  const csv = archiveToCsv(records);
  const expected = [[...EXPORT_FIELDS], ...expectedRows(records)];

  it("holds multi-paragraph text and a body line starting with `=` (the cases it must survive)", () => {
    expect(records.some((record) => /\n\n/.test(record.text) && !/[",]/.test(record.text))).toBe(true);
    expect(records.some((record) => /\n=SUM/.test(record.text))).toBe(true);
  });

  it("reads back in csv-parse as one row per article, every field as exported", () => {
    const rows = parse(csv, { relax_column_count: false, record_delimiter: "\r\n" }) as string[][];
    expect(rows).toHaveLength(records.length + 1);
    expect(rows).toEqual(expected);
  });

  it("reads back in Python's csv module as one row per article, every field as exported", () => {
    const script = "import csv, io, json, sys\nrows = list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))\nprint(json.dumps(rows))";
    const rows = JSON.parse(execFileSync("python3", ["-c", script], { input: csv, encoding: "utf8" })) as string[][];
    expect(rows).toHaveLength(records.length + 1);
    expect(rows).toEqual(expected);
  });

  it("ends every row with CRLF and has no line break outside quotes", () => {
    expect(csv.endsWith("\r\n")).toBe(true);
    // Outside quoted cells (the quoted parts removed), the only line breaks are the rows' CRLFs.
    const outside = csv.replace(/"(?:[^"]|"")*"/g, "");
    expect(outside.split("\r\n")).toHaveLength(records.length + 2);
    expect(outside.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

  it("quotes a cell with a line break and no comma or quote", () => {
    const line = archiveToCsv([{ ...records[0]!, text: "one\ntwo" }]).split("\r\n")[1]!;
    expect(line).toContain('"one\ntwo"');
    const cr = archiveToCsv([{ ...records[0]!, text: "one\rtwo" }]).split("\r\n")[1]!;
    expect(cr).toContain('"one\rtwo"');
  });

  it("prefixes the cell that starts a formula, not a later line inside a quoted cell", () => {
    const row = (parse(csv) as string[][]).find((cells) => cells.includes("formula-line"))!;
    const text = row[EXPORT_FIELDS.indexOf("text")]!;
    expect(text).toMatch(/\n=SUM\(1,2\)/);
    expect(csv).toMatch(/"[^"]*\n=SUM\(1,2\)/);
  });
});
