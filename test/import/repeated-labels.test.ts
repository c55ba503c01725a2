/**
 * A label the page prints over its items (a place, a section), three times
 * or more, is dropped as a label; the paragraphs under two copies of it are
 * two items, not one teaser running on. Placeholder words only.
 */
import { describe, expect, it } from "vitest";
import { splitListing } from "../../src/import/split-listing.ts";
import type { Line } from "../../src/import/types.ts";

function sentence(words: readonly string[], count: number): string {
  const out = Array.from({ length: count }, (_, i) => words[i % words.length]!);
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
  return `${out.join(" ")}.`;
}

const A = "amber anchor arrow atlas aspen alder agate acorn".split(" ");
const B = "willow walnut wagon wheat whistle window winter wizard".split(" ");
const C = "copper cotton candle carpet castle cedar cider cobalt".split(" ");
const D = "dolphin dragon drum dune dusk dahlia daisy denim".split(" ");

describe("a label printed over items", () => {
  it("separates the items under it", () => {
    // The shape of a day page of short news: a place over each teaser, one place printed four times.
    const rep = "Place One, Region Words";
    const page = [
      "Placeholder Heading Words For Page",
      rep,
      sentence(A, 34),
      "Place Two, Region",
      sentence(B, 39),
      "Place Three Words, Region Words",
      sentence(C, 15),
      "Place Four Words, Region Words Here",
      sentence(D, 12),
      "PLACE FIVE WORDS, Region Words Here",
      sentence(A, 34),
      "Place Three Words, Region Words",
      sentence(B, 14),
      rep,
      sentence(C, 31),
      rep,
      sentence(D, 41),
      rep,
      "Amber anchor arrow atlas aspen",
      "",
    ].join("\n");
    const lines: Line[] = page.split("\n").map((text, i) => ({ n: i + 1, text }));
    const result = splitListing(lines, { publication: "Placeholder" });
    const recordOf = (line: number) => result.drafts.findIndex((draft) => draft.consumed.some((entry) => entry.line === line));
    // The teasers under the repeated place (lines 15 and 17) are items of their own, apart from the one above.
    const records = [13, 15, 17].map(recordOf);
    expect(records.every((record) => record >= 0)).toBe(true);
    expect(new Set(records).size).toBe(3);
    expect(result.dropped.filter((entry) => /printed 4 times/.test(entry.reason)).map((entry) => entry.line)).toEqual([2, 14, 16, 18]);
  });
});
