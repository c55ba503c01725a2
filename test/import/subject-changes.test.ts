/**
 * A list of teasers without headlines reads as one run of prose; it is told
 * from an article by its paragraphs changing subject. Placeholder words:
 * each vocabulary stands for one subject.
 */
import { describe, expect, it } from "vitest";
import { detectLayout } from "../../src/import/detect-layout.ts";
import { topicCuts } from "../../src/import/lexical-cohesion.ts";
import { splitListing } from "../../src/import/split-listing.ts";
import type { Line } from "../../src/import/types.ts";

const SUBJECTS = [
  "amber anchor arrow atlas aspen alder agate acorn",
  "willow walnut wagon wheat whistle window winter wizard",
  "copper cotton candle carpet castle cedar cider cobalt",
  "dolphin dragon drummer dunes dahlia daisy denim delta",
  "meadow mango marble magnet maple mercury mirror mitten",
  "pepper pebble pillow piano planet pocket pony poplar",
].map((words) => words.split(" "));

function paragraph(words: readonly string[], count = 36): string {
  const out = Array.from({ length: count }, (_, i) => words[(i * 3) % words.length]!);
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
  return `${out.join(" ")}.`;
}

function toLines(paragraphs: readonly string[]): Line[] {
  return ["Placeholder Page Title", "", ...paragraphs.flatMap((text) => [text, ""])].map((text, i) => ({ n: i + 1, text }));
}

describe("paragraphs that keep changing subject", () => {
  it("are cut at every change of subject", () => {
    expect(topicCuts(SUBJECTS.map((words) => paragraph(words)))).toEqual([1, 2, 3, 4, 5]);
    expect(topicCuts(SUBJECTS.map(() => paragraph(SUBJECTS[0]!)))).toEqual([]);
  });

  it("make a listing of one item a paragraph", () => {
    const lines = toLines(SUBJECTS.map((words) => paragraph(words)));
    expect(detectLayout(lines)).toBe("listing");
    const drafts = splitListing(lines, { publication: "Placeholder" }).drafts;
    expect(drafts).toHaveLength(SUBJECTS.length);
  });

  it("on one subject are an article", () => {
    // Each paragraph mixes the article's subject with words of its own.
    const lines = toLines(SUBJECTS.map((words) => paragraph([...SUBJECTS[0]!.slice(0, 4), ...words.slice(0, 4)])));
    expect(detectLayout(lines)).toBe("article");
  });
});
