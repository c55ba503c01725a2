/**
 * Runs of whole articles on one page (each a headline and several paragraphs
 * of text), the head-over-dek rule of a single article, bulleted repeats and
 * lexical cohesion, on pages of placeholder words: two vocabularies stand for
 * two subjects.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { articleStreamParts } from "../../../src/import/article-stream.ts";
import { sameLine } from "../../../src/import/classify-units.ts";
import { detectLayout } from "../../../src/import/detect-layout.ts";
import { importFiles } from "../../../src/import/index.ts";
import { contentStems } from "../../../src/import/lexical-cohesion.ts";
import { splitArticle } from "../../../src/import/split-article.ts";
import { splitListing } from "../../../src/import/split-listing.ts";
import type { Line } from "../../../src/import/types.ts";
import { expectEveryLineAccounted, tempRoot, writePage } from "../../import/support.ts";

const AMBER = "amber anchor arrow atlas aspen alder agate acorn adobe apron".split(" ");
const WILLOW = "willow walnut wagon wheat whistle window winter wizard woolen wrench".split(" ");

/** A paragraph of `count` words drawn in turn from `words`, in sentences of ten words. */
function paragraph(words: readonly string[], count: number, shift = 0): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = words[(i + shift) % words.length]!;
    out.push(i % 10 === 0 ? word[0]!.toUpperCase() + word.slice(1) : word);
    if (i % 10 === 9 || i === count - 1) out[out.length - 1] += ".";
  }
  return out.join(" ");
}

function titleOf(words: readonly string[], count: number): string {
  return words
    .slice(0, count)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ");
}

function toLines(text: string): Line[] {
  return text.split("\n").map((line, i) => ({ n: i + 1, text: line }));
}

const HEAD_A = titleOf(AMBER, 7);
const HEAD_B = titleOf(WILLOW, 6);

/** Label, headline, four paragraphs; label, headline, two paragraphs and a cut-off last line. */
function stream(secondWords: readonly string[], secondHead: string): string {
  return [
    "Section",
    HEAD_A,
    ...[0, 1, 2, 3].map((k) => paragraph(AMBER, 40, k)),
    "Section",
    secondHead,
    ...[0, 1].map((k) => paragraph(secondWords, 40, k)),
    "",
  ].join("\n");
}

describe("a run of whole articles", () => {
  const page = stream(WILLOW, HEAD_B);

  it("is a listing, cut at each headline", () => {
    const lines = toLines(page);
    expect(detectLayout(lines)).toBe("listing");
    const parts = articleStreamParts(lines);
    expect(parts?.map((part) => part.headline)).toEqual([2, 8]);
    expect(parts?.[0]!.lines[0]!.n).toBe(1);
  });

  it("splits into one record per article, each with its headline and all its paragraphs", () => {
    const result = splitListing(toLines(page), { publication: "Placeholder" });
    expect(result.drafts.map((draft) => draft.title)).toEqual([HEAD_A, HEAD_B]);
    expect(result.drafts.map((draft) => draft.consumed.map((entry) => entry.line))).toEqual([
      [2, 3, 4, 5, 6],
      [8, 9, 10],
    ]);
    expect(result.dropped.map((entry) => entry.line).sort((a, b) => a - b)).toEqual([1, 7]);
  });

  it("is not found where the second part goes on with the first one's words (a long crosshead)", () => {
    const lines = toLines(stream(AMBER, titleOf(AMBER.slice(3), 6)));
    expect(articleStreamParts(lines)).toBeUndefined();
    expect(detectLayout(lines)).toBe("article");
  });

  it("is not found when a headline is followed by a single paragraph before the next one", () => {
    const page = ["Section", HEAD_A, paragraph(AMBER, 40), "Section", HEAD_B, paragraph(WILLOW, 40), paragraph(WILLOW, 40, 1), ""].join(
      "\n",
    );
    expect(articleStreamParts(toLines(page))).toBeUndefined();
  });

  describe("imported", () => {
    let root: string;
    let pages: string;
    beforeAll(async () => {
      root = await tempRoot();
      pages = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-pages-"));
    });

    it("accounts for every line", async () => {
      const file = await writePage(pages, "stream.md", page);
      const result = await importFiles([file], { root, publication: "Placeholder" });
      await expectEveryLineAccounted(result, root);
      expect(result.records.map((record) => record.title)).toEqual([HEAD_A, HEAD_B]);
    });
  });
});

describe("a single article's headline and dek", () => {
  it("takes the upper of two headline-like lines as the headline and keeps the dek in the body", () => {
    const dek = `${titleOf(WILLOW, 1)} ${WILLOW.slice(1, 9).join(" ")}`;
    const page = [HEAD_A, dek, ...[0, 1, 2].map((k) => paragraph(AMBER, 40, k)), ""].join("\n");
    const result = splitArticle(toLines(page), { publication: "Placeholder" });
    expect(result.drafts[0]!.title).toBe(HEAD_A);
    expect(result.drafts[0]!.body.startsWith(dek)).toBe(true);
  });

  it("keeps the line nearest the text when the line above it is a short label", () => {
    const page = ["Section", HEAD_A, ...[0, 1, 2].map((k) => paragraph(AMBER, 40, k)), ""].join("\n");
    expect(splitArticle(toLines(page), { publication: "Placeholder" }).drafts[0]!.title).toBe(HEAD_A);
  });
});

describe("repeated lines", () => {
  it("are the same line with or without a bullet in front", () => {
    expect(sameLine("• Amber anchor arrow", "Amber anchor arrow")).toBe(true);
    expect(sameLine("Amber anchor arrow", "Amber anchor")).toBe(false);
  });
});

describe("content stems", () => {
  it("leave out function words, common words and short words, and cut words to six letters", () => {
    expect([...contentStems("The anchors of the arrow said also: an atlas, 2024")].sort()).toEqual(["anchor", "arrow", "atlas"]);
    expect([...contentStems("Los documentos y las ventanas")].sort()).toEqual(["docume", "ventan"]);
  });
});
