/**
 * Lists of teasers without headlines, on one subject (a tag page), read as
 * one run of prose; two shapes tell them from an article: most paragraphs
 * cut short with an ellipsis, or paragraphs parted one from the next by
 * separator lines. Placeholder words, all from one vocabulary, so that the
 * change of subject cannot be what tells them.
 */
import { describe, expect, it } from "vitest";
import { detectLayout } from "../../src/import/detect-layout.ts";
import { splitListing } from "../../src/import/split-listing.ts";
import type { Line } from "../../src/import/types.ts";
import { placeholderParagraph } from "./support.ts";

const PARAGRAPHS = [0, 1, 2, 3, 4, 5].map((shift) => placeholderParagraph(shift, { count: 36 }));

function toLines(texts: readonly string[]): Line[] {
  return ["Placeholder Page Title", "", ...texts.flatMap((text) => [text, ""])].map((text, i) => ({ n: i + 1, text }));
}

const cut = (text: string, mark = "...") => text.replace(/\.$/, mark);

describe("paragraphs cut short with an ellipsis", () => {
  it("make a listing of one item a paragraph when most of them are cut", () => {
    const lines = toLines(PARAGRAPHS.map((text, i) => (i % 3 === 2 ? text : cut(text, i % 2 === 0 ? "..." : "…"))));
    expect(detectLayout(lines)).toBe("listing");
    expect(splitListing(lines, { publication: "Placeholder" }).drafts).toHaveLength(PARAGRAPHS.length);
  });

  it("leave an article an article when one or two trail off", () => {
    expect(detectLayout(toLines(PARAGRAPHS))).toBe("article");
    expect(detectLayout(toLines(PARAGRAPHS.map((text, i) => (i === 2 || i === 4 ? cut(text) : text))))).toBe("article");
  });
});

describe("paragraphs parted by separator lines", () => {
  it("make a listing of one item a paragraph when nearly each is parted from the next", () => {
    const lines = toLines(PARAGRAPHS.flatMap((text, i) => (i === 0 ? [text] : ["-", text])));
    expect(detectLayout(lines)).toBe("listing");
    expect(splitListing(lines, { publication: "Placeholder" }).drafts).toHaveLength(PARAGRAPHS.length);
  });

  it("leave an article with a section break or two an article", () => {
    const lines = toLines(PARAGRAPHS.flatMap((text, i) => (i === 2 || i === 4 ? ["* * *", text] : [text])));
    expect(detectLayout(lines)).toBe("article");
  });
});

describe("a listing printing each headline twice in a row", () => {
  it("keeps the copy nearest the teaser as the headline, and drops the first as the repeat", () => {
    const heads = ["Amber Anchor Arrow Atlas Opens", "Willow Walnut Wagon Wheat Closes", "Copper Cotton Candle Carpet Rises"];
    const lines = toLines(heads.flatMap((head, i) => [head, "", head, "", PARAGRAPHS[i]!])).filter((line) => line.n > 2);
    const result = splitListing(lines, { publication: "Placeholder" });
    expect(result.drafts.map((draft) => draft.title)).toEqual(heads);
    const titleLines = result.drafts.map((draft) => draft.consumed.find((line) => line.role === "title")?.line);
    const copies = heads.map((head) => lines.filter((line) => line.text === head).map((line) => line.n));
    expect(titleLines).toEqual(copies.map(([, second]) => second));
    expect(result.dropped.map((line) => line.line)).toEqual(copies.map(([first]) => first));
    expect(result.dropped.every((line) => line.reason.startsWith("repeated line"))).toBe(true);
  });
});
