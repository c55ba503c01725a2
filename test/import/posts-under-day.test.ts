/**
 * A blog archive prints a day heading over each day's posts; a day with two
 * posts gives each its own record, both dated by the heading. Placeholder
 * words only.
 */
import { describe, expect, it } from "vitest";
import { PLACEHOLDER_LISTS, placeholderWords as words } from "./support.ts";
import { splitListing } from "../../src/import/split-listing.ts";

const { A, B, C, D } = PLACEHOLDER_LISTS;

describe("posts under one day heading", () => {
  const page = [
    "Friday, October 15, 2010",
    "",
    words(A, 7),
    "",
    words(A, 40, "."),
    "",
    "Friday, October 1, 2010",
    "",
    words(B, 3),
    "",
    words(B, 35, "."),
    "",
    words(C, 6),
    "",
    words(C, 60, "."),
    "",
    words(C, 45, "."),
    "",
    "Friday, September 17, 2010",
    "",
    words(D, 6),
    "",
    words(D, 30, "."),
    "",
  ];
  const result = splitListing(
    page.map((text, i) => ({ n: i + 1, text })),
    { publication: "Placeholder" },
  );

  it("makes a record of each post, the second of a day included", () => {
    expect(result.drafts.map((draft) => draft.title)).toEqual([page[2], page[8], page[12], page[20]]);
  });

  it("dates each post by its day, the heading's line going to the day's first post", () => {
    expect(result.drafts.map((draft) => draft.date)).toEqual(["2010-10-15", "2010-10-01", "2010-10-01", "2010-09-17"]);
    const owner = (line: number) => result.drafts.findIndex((draft) => draft.consumed.some((entry) => entry.line === line));
    expect([7, 13, 15, 17].map(owner)).toEqual([1, 2, 2, 2]);
  });
});
