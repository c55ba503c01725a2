/**
 * Pages converted from print without an index of articles: told from web
 * pages by the marks print leaves (jump lines to pages, folios, an issue's
 * number, lines broken inside sentences), and split as a listing of their
 * blocks with a note saying so. Placeholder words only.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectLayout, printCues } from "../../src/import/detect-layout.ts";
import { importFiles } from "../../src/import/index.ts";
import { splitUnindexedIssue } from "../../src/import/split-print-issue.ts";
import type { Line } from "../../src/import/types.ts";
import { expectEveryLineAccounted, tempRoot, writePage } from "./support.ts";

function toLines(text: string): Line[] {
  return text.split("\n").map((line, i) => ({ n: i + 1, text: line }));
}

const TEASER = "Amber anchor arrow atlas aspen alder agate acorn adobe apron willow walnut wagon wheat whistle window.";

const cover = [
  "Placeholder Weekly 12 de marzo de 2024",
  "",
  "Amber Anchor Arrow Atlas",
  "",
  `${TEASER} Pág. 4`,
  "",
  "Willow Walnut Wagon Wheat",
  "",
  `${TEASER} Pág. 7`,
  "",
  "Copper Cotton Candle Carpet",
  "",
  `${TEASER} Pág. 9`,
  "",
  "Dolphin Dragon Drummer Dunes",
  "",
].join("\n");

describe("marks of print", () => {
  it("three jump lines to pages make a print issue", () => {
    expect(printCues(toLines(cover))).toBe(2);
    expect(detectLayout(toLines(cover))).toBe("print-issue");
  });

  it("a web page's pagination and its comment counters do not", () => {
    const web = [
      "Amber Anchor Arrow Atlas",
      TEASER,
      "0",
      "",
      "Willow Walnut Wagon Wheat",
      TEASER,
      "0",
      "",
      "Copper Cotton Candle Carpet",
      TEASER,
      "0",
      "",
      "Página 2",
      "",
    ].join("\n");
    expect(printCues(toLines(web))).toBe(0);
    expect(detectLayout(toLines(web))).toBe("listing");
  });

  it("different folios, an issue's number and lines broken inside sentences add up", () => {
    const wrapped = Array.from({ length: 6 }, () => "Amber anchor arrow atlas aspen\nalder agate acorn adobe apron.").join("\n");
    const page = ["Nº 832", "12", "Amber Anchor", wrapped, "13", ""].join("\n");
    expect(printCues(toLines(page))).toBe(3);
  });

  it("a print issue without an index is split as a listing, each record saying so", async () => {
    const root = await tempRoot();
    const pages = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-pages-"));
    const file = await writePage(pages, "cover.md", cover);
    const result = await importFiles([file], { root, publication: "Placeholder Weekly" });
    await expectEveryLineAccounted(result, root);
    expect(result.reports[0]!.kind).toBe("print-issue");
    expect(result.records.map((record) => record.title)).toEqual([
      "Amber Anchor Arrow Atlas",
      "Willow Walnut Wagon Wheat",
      "Copper Cotton Candle Carpet",
    ]);
    for (const record of result.records) expect(record.review?.join(" ")).toMatch(/print issue without an index/);
    // A cover line without running text is the issue's furniture.
    const coverLines = result.reports[0]!.dropped.filter((entry) => /no running text/.test(entry.reason));
    expect(coverLines.map((entry) => entry.text)).toEqual(["Dolphin Dragon Drummer Dunes"]);
  });

  it("a print issue without an index dates its records by the issue's own date, saying so with the line", async () => {
    const root = await tempRoot();
    const pages = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-pages-"));
    const result = await importFiles([await writePage(pages, "cover.md", cover)], { root, publication: "Placeholder Weekly" });
    const kept = result.files.find((planned) => planned.role === "source")!.text.split("\n");
    const masthead = kept.indexOf("Placeholder Weekly 12 de marzo de 2024") + 1;
    expect(result.records.map((record) => record.date)).toEqual(["2024-03-12", "2024-03-12", "2024-03-12"]);
    // The first item took the masthead's line as its date line; the others print none.
    for (const record of result.records.slice(1))
      expect(record.review).toContain(`date is the issue's (“12 de marzo de 2024”, line ${masthead}); the article prints none`);
  });

  it("an issue dated by its month alone gives the month; a date inside a sentence is no issue's date", () => {
    const byMonth = splitUnindexedIssue(toLines(cover.replace("Placeholder Weekly 12 de marzo de 2024", "Nº 832\nSETEMBRO DE 2008")), {
      publication: "Placeholder Weekly",
    });
    expect(byMonth.drafts.map((draft) => draft.date)).toEqual(["2008-09", "2008-09", "2008-09"]);
    const inText = cover
      .replace("Placeholder Weekly 12 de marzo de 2024", "Placeholder Weekly")
      .replace(`${TEASER} Pág. 4`, `Amber anchor arrow atlas will be voted on March 28, 2022 by the aspen alder agate acorn. Pág. 4`);
    const undated = splitUnindexedIssue(toLines(inText), { publication: "Placeholder Weekly" });
    expect(undated.drafts).toHaveLength(3);
    for (const draft of undated.drafts) {
      expect(draft.date).toBeUndefined();
      expect(draft.review.join(" ")).not.toMatch(/issue's/);
    }
  });
});
