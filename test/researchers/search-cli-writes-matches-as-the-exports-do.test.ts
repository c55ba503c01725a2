/**
 * `npm run search -- QUERY --format csv|jsonl|bib|ris` writes the matches as
 * the archive's exports and citation files do: read back by parsers that
 * share no code with the writers (csv-parse, JSON.parse, Better BibTeX's
 * parser, biblatex-csl-converter's RIS parser), they are the matches the
 * search lists, in its order, each the same as in the built site's files.
 */
import { readFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { RISParser } from "biblatex-csl-converter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResearchSite, runSearch, type ResearchSite, type SearchRun } from "./research-site.ts";

let site: ResearchSite;

beforeAll(() => {
  site = buildResearchSite();
});
afterAll(() => site?.remove());

function search(args: string[]): SearchRun {
  return runSearch([...args, "--db", site.file("/data/archive.sqlite")]);
}

/** The matches as `--json` lists them: id and address, in order. */
function matches(query: string, sort: string): Array<{ id: string; url: string }> {
  const run = search([query, "--sort", sort, "--json", "--limit", "1000"]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Array<{ id: string; url: string }>;
}

function written(query: string, sort: string, format: string, more: string[] = []): string {
  const run = search([query, "--sort", sort, "--format", format, ...more]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run.stdout;
}

describe.each([
  ["peru", "oldest"],
  ["maestros", "relevance"],
])("npm run search -- %s --sort %s --format", (query, sort) => {
  it("csv: the header and rows of archive.csv for the matches, in order", () => {
    const expected = matches(query, sort);
    expect(expected.length).toBeGreaterThan(1);
    const [header, ...rows] = parseCsv(written(query, sort, "csv"), { record_delimiter: "\r\n" }) as string[][];
    const [siteHeader, ...siteRows] = parseCsv(readFileSync(site.file("/data/archive.csv"), "utf8"), {
      record_delimiter: "\r\n",
    }) as string[][];
    expect(header).toEqual(siteHeader);
    const id = header!.indexOf("id");
    expect(rows.map((row) => row[id])).toEqual(expected.map((m) => m.id));
    for (const row of rows) expect(row).toEqual(siteRows.find((siteRow) => siteRow[id] === row[id]));
  });

  it("jsonl: the lines of archive.jsonl for the matches, in order", () => {
    const expected = matches(query, sort);
    const lines = written(query, sort, "jsonl").split("\n").filter(Boolean);
    const siteLines = readFileSync(site.file("/data/archive.jsonl"), "utf8").split("\n").filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(expected.map((m) => m.id));
    for (const line of lines) expect(siteLines).toContain(line);
  });

  it("bib: each match's entry as in its cite.bib, in order", () => {
    const expected = matches(query, sort);
    const parsed = parseBibtex(written(query, sort, "bib"));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((entry) => entry.key)).toEqual(expected.map((m) => m.id));
    parsed.entries.forEach((entry, index) => {
      const own = parseBibtex(readFileSync(site.file(`${expected[index]!.url}cite.bib`), "utf8")).entries[0]!;
      expect(entry.fields).toEqual(own.fields);
      expect(entry.type).toBe(own.type);
    });
  });

  it("ris: each match's record as in its cite.ris, in order", () => {
    const expected = matches(query, sort);
    const ris = written(query, sort, "ris");
    expect(ris).toBe(expected.map((m) => readFileSync(site.file(`${m.url}cite.ris`), "utf8")).join(""));
    const result = new RISParser(ris).parse();
    expect(result.errors).toEqual([]);
    const titles = Object.values(result.entries).map((entry) =>
      (entry.fields.title as Array<{ text: string }>).map((node) => node.text).join(""),
    );
    const own = expected.map((m) => {
      const entry = Object.values(new RISParser(readFileSync(site.file(`${m.url}cite.ris`), "utf8")).parse().entries)[0]!;
      return (entry.fields.title as Array<{ text: string }>).map((node) => node.text).join("");
    });
    expect(titles).toEqual(own);
  });
});

describe("npm run search -- --format", () => {
  it("writes at most --limit matches, the first of the order asked for", () => {
    const [first] = matches("peru", "newest");
    const lines = written("peru", "newest", "jsonl", ["--limit", "1"]).split("\n").filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([first!.id]);
  });

  it("writes nothing but the header when nothing matches", () => {
    expect(written("zzxqv", "relevance", "csv").split("\r\n").filter(Boolean)).toHaveLength(1);
    expect(written("zzxqv", "relevance", "bib")).toBe("");
  });

  it("refuses an unknown format, and --json or --count-by beside it, naming the option", () => {
    const unknown = search(["peru", "--format", "xml"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("`--format xml` is not a format");
    expect(unknown.stderr).toContain("`csv`, `jsonl`, `bib`, `ris`");
    const both = search(["peru", "--format", "csv", "--json"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("`--format`");
    expect(both.stdout).toBe("");
  });
});
