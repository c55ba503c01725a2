/**
 * A photo's caption or credit printed among an item's paragraphs is not the
 * item's text: it goes to the report with its reason. A longer paragraph that
 * only mentions a photo stays, and a caption that is all the text an item has
 * is kept (its headline is derived from it). Placeholder words only.
 */
import { placeholderParagraph } from "./support.ts";
import { describe, expect, it } from "vitest";
import { CAPTION_REASON } from "../../src/import/boilerplate.ts";
import { splitArticle } from "../../src/import/split-article.ts";
import { splitListing } from "../../src/import/split-listing.ts";
import type { Line } from "../../src/import/types.ts";

const paragraph = (shift: number, count = 40) => placeholderParagraph(shift, { count, stride: 5 });
const toLines = (texts: readonly string[]): Line[] => texts.flatMap((text) => [text, ""]).map((text, i) => ({ n: i + 1, text }));

describe("captions inside a single article", () => {
  const caption = "Amber Anchor \\[left\\] and Willow Walnut at the harbour.";
  const aboutAPhoto = `Una foto de Amber Anchor ${paragraph(3)}`;
  const lines = toLines(["Harbour lights over the quiet valley", paragraph(0), caption, paragraph(1), aboutAPhoto, paragraph(2)]);
  const result = splitArticle(lines, { publication: "Example Outlet" });

  it("drops a caption or credit to the report with its reason", () => {
    expect(result.drafts).toHaveLength(1);
    const draft = result.drafts[0]!;
    expect(draft.body).not.toContain("Willow Walnut at the harbour");
    expect(result.dropped).toContainEqual({ line: 5, text: caption, reason: CAPTION_REASON });
    expect(draft.consumed.map((entry) => entry.line)).not.toContain(5);
  });

  it("keeps a paragraph that only talks about a photo", () => {
    expect(result.drafts[0]!.body).toContain(aboutAPhoto);
  });
});

describe("captions in a listing's items", () => {
  const items = [
    ["Harbour lights over the quiet valley", paragraph(0, 30), "Amber Anchor \\[left\\] and Willow Walnut at the harbour."],
    ["Copper kettles return to the market", paragraph(1, 30), "Wagon Wheat \\[right\\] at the market."],
    ["Dolphins sighted near the old pier", paragraph(2, 30), "Aspen Alder \\[left\\] on the pier."],
  ];

  it("drops an item's caption when the item has a teaser", () => {
    const result = splitListing(toLines(items.flat()), { publication: "Example Outlet" });
    expect(result.drafts.map((draft) => draft.title)).toEqual(items.map((item) => item[0]));
    for (const draft of result.drafts) expect(draft.body).not.toMatch(/\\\[(?:left|right)\\\]/);
    expect(result.dropped.filter((entry) => entry.reason === CAPTION_REASON).map((entry) => entry.text)).toEqual(
      items.map((item) => item[2]),
    );
  });

  it("keeps a caption that is all the text an item has", () => {
    const lines = toLines([
      "Harbour lights over the quiet valley",
      "Amber Anchor \\[left\\] and Willow Walnut at the harbour.",
      "---",
      ...items.slice(1).flat(),
    ]);
    const result = splitListing(lines, { publication: "Example Outlet" });
    const first = result.drafts[0]!;
    expect(first.title).toBe("Harbour lights over the quiet valley");
    expect(first.body).toContain("Willow Walnut at the harbour");
    expect(result.dropped.filter((entry) => entry.reason === CAPTION_REASON)).toHaveLength(2);
  });
});
