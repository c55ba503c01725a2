/**
 * Bylines printed under their headline (`Headline / Por X`) that are followed
 * by the next headline close each item, also the items that print a teaser
 * between the headline and the byline: such a headline opens its own item and
 * is not left at the end of the item above. Placeholder words only.
 */
import { describe, expect, it } from "vitest";
import { PLACEHOLDER_LISTS, placeholderWords as words } from "./support.ts";
import { splitListing } from "../../src/import/split-listing.ts";
import type { Line } from "../../src/import/types.ts";

const { A, B, C, D, E } = PLACEHOLDER_LISTS;

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
