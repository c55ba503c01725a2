/**
 * Headlines in capitals run in with the text they head (`HEADLINE IN
 * CAPITALS: CITY (AP) — ...`), each opening an item of several paragraphs.
 * Placeholder words only.
 */
import { describe, expect, it } from "vitest";
import { runInHeadline } from "../../src/import/classify-units.ts";
import { detectLayout } from "../../src/import/detect-layout.ts";
import { splitListing } from "../../src/import/split-listing.ts";
import type { Line } from "../../src/import/types.ts";

const TEXT = "amber anchor arrow atlas aspen alder agate acorn adobe apron willow walnut wagon wheat";

function paragraph(count: number): string {
  const words = TEXT.split(" ");
  const out = Array.from({ length: count }, (_, i) => words[i % words.length]!);
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
  return `${out.join(" ")}.`;
}

describe("a run-in headline in capitals", () => {
  it("is read off the start of its paragraph", () => {
    expect(runInHeadline(`AMBER ANCHOR ARROW ATLAS: PLACE (Agency) — ${paragraph(20)}`)).toEqual({
      headline: "AMBER ANCHOR ARROW ATLAS",
      rest: `PLACE (Agency) — ${paragraph(20)}`,
    });
  });

  it("needs three words in capitals, a colon and a paragraph after it", () => {
    expect(runInHeadline(`AMBER ANCHOR: ${paragraph(20)}`)).toBeUndefined();
    expect(runInHeadline(`Amber Anchor Arrow Atlas: ${paragraph(20)}`)).toBeUndefined();
    expect(runInHeadline("AMBER ANCHOR ARROW ATLAS: amber anchor")).toBeUndefined();
  });

  it("opens each item of a page of briefs, and the dateline's agency is the byline", () => {
    const page = [
      "Placeholder page title",
      "",
      `AMBER ANCHOR ARROW ATLAS: PLACE (Agency) — ${paragraph(40)}`,
      "",
      paragraph(30),
      "",
      paragraph(25),
      "",
      `WILLOW WALNUT WAGON WHEAT: OTHER PLACE (Agency) — ${paragraph(35)}`,
      "",
      paragraph(28),
      "",
    ].join("\n");
    const lines: Line[] = page.split("\n").map((text, i) => ({ n: i + 1, text }));
    expect(detectLayout(lines)).toBe("listing");
    const drafts = splitListing(lines, { publication: "Placeholder" }).drafts;
    expect(drafts.map((draft) => draft.title)).toEqual(["AMBER ANCHOR ARROW ATLAS", "WILLOW WALNUT WAGON WHEAT"]);
    expect(drafts.map((draft) => draft.consumed.map((entry) => entry.line))).toEqual([
      [3, 5, 7],
      [9, 11],
    ]);
    expect(drafts.map((draft) => draft.authors)).toEqual([["Agency"], ["Agency"]]);
    expect(drafts[0]!.review.join(" ")).toMatch(/line 3, where the page prints it run in/);
  });
});

describe("a run-in headline after a list mark", () => {
  it("is read off its line: the words before the colon, opening in capitals", () => {
    expect(runInHeadline(`→ Amber anchor arrow atlas aspen: ${paragraph(12)}`)).toEqual({
      headline: "Amber anchor arrow atlas aspen",
      rest: paragraph(12),
    });
    expect(runInHeadline(`• Amber Anchor Arrow Atlas: ${paragraph(12)}`)?.headline).toBe("Amber Anchor Arrow Atlas");
  });

  it("needs the mark, a headline's length, and a paragraph after the colon", () => {
    expect(runInHeadline(`Amber anchor arrow atlas aspen: ${paragraph(12)}`)).toBeUndefined();
    expect(runInHeadline(`→ Amber anchor: ${paragraph(12)}`)).toBeUndefined();
    expect(runInHeadline("→ Amber anchor arrow atlas aspen: amber anchor")).toBeUndefined();
    expect(runInHeadline(`→ amber anchor arrow atlas aspen: ${paragraph(12)}`)).toBeUndefined();
  });

  it("opens an item a line in a digest", () => {
    const heads = ["Amber anchor arrow atlas aspen", "Willow walnut wagon wheat whistle", "Copper cotton candle carpet castle"];
    const page = [
      "SECTION ONE",
      "",
      `→ ${heads[0]}: ${paragraph(14)}`,
      "",
      `→ ${heads[1]}: ${paragraph(16)}`,
      "",
      `→ ${heads[2]}: ${paragraph(15)}`,
    ].join("\n");
    const lines: Line[] = page.split("\n").map((text, i) => ({ n: i + 1, text }));
    expect(detectLayout(lines)).toBe("listing");
    const drafts = splitListing(lines, { publication: "Placeholder" }).drafts;
    expect(drafts.map((draft) => draft.title)).toEqual(heads);
    expect(drafts.map((draft) => draft.consumed.map((entry) => entry.line))).toEqual([[3], [5], [7]]);
  });
});

describe("a run-in headline closed by a point and a dash", () => {
  it("is read off its line with its point, as printed", () => {
    expect(runInHeadline(`Amber anchor arrow atlas aspen.- ${paragraph(12)}`)).toEqual({
      headline: "Amber anchor arrow atlas aspen.",
      rest: paragraph(12),
    });
  });

  it("is not an agency's dateline, a second sentence, or a line without a paragraph after it", () => {
    expect(runInHeadline(`Amberville, 18 jun (Agencia).- ${paragraph(12)}`)).toBeUndefined();
    expect(runInHeadline(`Amber anchor arrow. Atlas aspen alder.- ${paragraph(12)}`)).toBeUndefined();
    expect(runInHeadline("Amber anchor arrow atlas aspen.- amber anchor")).toBeUndefined();
    expect(runInHeadline(`Amber.- ${paragraph(12)}`)).toBeUndefined();
  });

  it("opens an item a paragraph in a press digest", () => {
    const heads = ["Amber anchor arrow atlas aspen.", "Willow walnut wagon wheat whistle.", "Copper cotton candle carpet castle."];
    const page = ["DIGEST", "", ...heads.flatMap((head, i) => [`${head}- ${paragraph(20 + i)}`, ""])].join("\n");
    const lines: Line[] = page.split("\n").map((text, i) => ({ n: i + 1, text }));
    expect(detectLayout(lines)).toBe("listing");
    const drafts = splitListing(lines, { publication: "Placeholder" }).drafts;
    expect(drafts.map((draft) => draft.title)).toEqual(heads);
  });
});
