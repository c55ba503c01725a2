/**
 * Two shapes of pages from outlets not seen before: a story's credit printed
 * as a line of its own or in brackets after its last sentence (read as the
 * byline when the item prints no other), and a list of one-line items with
 * no headlines under a paragraph introducing the page. Placeholder words.
 */
import { describe, expect, it } from "vitest";
import { classifyUnit } from "../../src/import/classify-units.ts";
import { makeBlock } from "../../src/import/blocks.ts";
import { splitArticle } from "../../src/import/split-article.ts";
import { splitListing } from "../../src/import/split-listing.ts";
import type { Line } from "../../src/import/types.ts";
import { PLACEHOLDER_LISTS, placeholderParagraph, placeholderWords } from "./support.ts";

function toLines(texts: readonly string[]): Line[] {
  return texts.flatMap((text) => [text, ""]).map((text, i) => ({ n: i + 1, text }));
}

const unit = (text: string) => classifyUnit(makeBlock([{ n: 1, text }], 0), "Placeholder");
const PARAGRAPHS = [0, 1, 2, 3].map((shift) => placeholderParagraph(shift, { count: 30 }));

describe("credit lines", () => {
  it("name the agency or source, and leave the line's kind as it was", () => {
    expect(unit("— Associated Press")).toMatchObject({ kind: "text", credit: ["Associated Press"] });
    expect(unit("– Reuters / AFP")).toMatchObject({ kind: "text", credit: ["Reuters", "AFP"] });
    expect(unit("Fonte: Amber Anchor")).toMatchObject({ kind: "boilerplate", reason: "source credit", credit: ["Amber Anchor"] });
    expect(unit("Fuente y foto: Willow")).toMatchObject({ kind: "boilerplate", reason: "source credit", credit: ["Willow"] });
    expect(unit(`${PARAGRAPHS[0]} (Agencias)`).closingCredit).toEqual(["Agencias"]);
  });

  it("are not read in a quotation's attribution, a bracket inside a sentence, or a name that is no agency", () => {
    expect(unit("— Amber Anchor").credit).toBeUndefined();
    expect(unit(`${PARAGRAPHS[0]!.replace(/\.$/, "")} (AP) and more words.`).closingCredit).toBeUndefined();
    expect(unit(`${PARAGRAPHS[0]!.replace(/\.$/, "")} (Amber).`).closingCredit).toBeUndefined();
  });

  it("give a listing's item its byline when it prints none, taking the line as its byline", () => {
    const heads = ["Amber Anchor Arrow Atlas Opens", "Willow Walnut Wagon Wheat Closes"];
    const lines = toLines([
      "Placeholder Briefs",
      heads[0]!,
      PARAGRAPHS[0]!,
      PARAGRAPHS[1]!,
      "— Associated Press",
      heads[1]!,
      PARAGRAPHS[2]!,
    ]);
    const result = splitListing(lines, { publication: "Placeholder" });
    expect(result.drafts.map((draft) => draft.title)).toEqual(heads);
    expect(result.drafts.map((draft) => draft.authors)).toEqual([["Associated Press"], undefined]);
    const credit = lines.find((line) => line.text === "— Associated Press")!.n;
    expect(result.drafts[0]!.consumed).toContainEqual({ line: credit, role: "byline" });
  });

  it("give way to a byline the item prints", () => {
    const head = placeholderWords(PLACEHOLDER_LISTS.C, 6);
    const lines = toLines([
      "Placeholder Site",
      head,
      "By Ann Author",
      PARAGRAPHS[0]!,
      PARAGRAPHS[1]!,
      PARAGRAPHS[2]!,
      "Fonte: Amber Anchor",
    ]);
    expect(splitArticle(lines, { publication: "Placeholder" }).drafts[0]!.authors).toEqual(["Ann Author"]);
    const bare = lines.filter((line) => line.text !== "By Ann Author");
    expect(splitArticle(bare, { publication: "Placeholder" }).drafts[0]!.authors).toEqual(["Amber Anchor"]);
  });

  it("in brackets after an article's last sentence, credit the article", () => {
    const head = placeholderWords(PLACEHOLDER_LISTS.D, 6);
    const lines = toLines(["Placeholder Site", head, PARAGRAPHS[0]!, PARAGRAPHS[1]!, `${PARAGRAPHS[2]} (Agencias)`]);
    expect(splitArticle(lines, { publication: "Placeholder" }).drafts[0]!.authors).toEqual(["Agencias"]);
  });
});

describe("one-line items under a page's introduction", () => {
  const decks = (["A", "B", "C", "D", "E"] as const).flatMap((letter, k) => [
    placeholderWords(PLACEHOLDER_LISTS[letter], 6 + (k % 3)),
    placeholderWords([...PLACEHOLDER_LISTS[letter]].reverse(), 8 - (k % 3)),
  ]);
  const intro = placeholderParagraph(5, { count: 40 });

  it("are one item a line, the introduction the page's header", () => {
    const result = splitListing(toLines([intro, ...decks]), { publication: "Placeholder" });
    expect(result.drafts.map((draft) => draft.title)).toEqual(decks);
    expect(result.dropped.map((line) => line.line)).toEqual([1]);
  });

  it("are still read as headline and teaser pairs when bylines stand among them", () => {
    const withBylines = decks.flatMap((deck, k) => (k % 2 === 1 ? [deck, "By Ann Author"] : [deck]));
    const result = splitListing(toLines([intro, ...withBylines]), { publication: "Placeholder" });
    expect(result.drafts).toHaveLength(decks.length / 2);
  });
});
