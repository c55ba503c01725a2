/**
 * Bylines printed under their headline (`Headline / Por X`) that are followed
 * by the next headline close each item, also the items that print a teaser
 * between the headline and the byline: such a headline opens its own item and
 * is not left at the end of the item above. Placeholder words only.
 */
import { describe, expect, it } from "vitest";
import { splitListing } from "../../src/import/split-listing.ts";
import type { Line } from "../../src/import/types.ts";

function words(list: readonly string[], count: number, end = ""): string {
  const out = Array.from({ length: count }, (_, i) => list[i % list.length]!);
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
  return `${out.join(" ")}${end}`;
}

const A = "amber anchor arrow atlas aspen alder agate acorn".split(" ");
const B = "willow walnut wagon wheat whistle window winter wizard".split(" ");
const C = "copper cotton candle carpet castle cedar cider cobalt".split(" ");
const D = "dolphin dragon drum dune dusk dahlia daisy denim".split(" ");
const E = "ember eagle easel elbow elder emerald engine envoy".split(" ");

describe("a byline closing each item", () => {
  const page = [
    words(A, 9),
    "Por Ana Lima",
    words(B, 8),
    "Por Bruno Costa",
    words(C, 10),
    "Por Carla Dias",
    words(D, 9),
    words(E, 24, "."),
    "Por Davi Rocha | 17.09.2025 12h12",
    words(E, 8),
    words(A, 21, "."),
    "Por Eva Nunes | 17.09.2025 11h52",
    words(B, 9),
    words(C, 18, "."),
    "",
  ];
  const lines: Line[] = page.map((text, i) => ({ n: i + 1, text }));
  const result = splitListing(lines, { publication: "Placeholder" });
  const recordOf = (line: number) => result.drafts.findIndex((draft) => draft.consumed.some((entry) => entry.line === line));

  it("opens an item at each headline, those with a teaser as well", () => {
    const headlines = [1, 3, 5, 7, 10, 13];
    expect(headlines.map(recordOf)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.drafts.map((draft) => draft.title)).toEqual(headlines.map((line) => page[line - 1]));
  });

  it("gives each item the byline printed under it", () => {
    expect(result.drafts.map((draft) => draft.authors ?? [])).toEqual([
      ["Ana Lima"],
      ["Bruno Costa"],
      ["Carla Dias"],
      ["Davi Rocha"],
      ["Eva Nunes"],
      [],
    ]);
    expect([9, 12].map(recordOf)).toEqual([3, 4]);
  });
});
