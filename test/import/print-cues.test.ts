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
    // A cover line without running text is the furniture.
    const coverLines = result.reports[0]!.dropped.filter((entry) => /no running text/.test(entry.reason));
    expect(coverLines.map((entry) => entry.text)).toEqual(["Dolphin Dragon Drummer Dunes"]);
  });
});
