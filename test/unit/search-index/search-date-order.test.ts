/** A bundle's date order: written shortened by the build, read back by the search page to the same places. */
import { describe, expect, it } from "vitest";
import { placesIn } from "../../../public/search-date-order.js";
import { dateOrderOf, type DatedPage } from "../../../src/search-index/search-date-order.ts";
import { createRandom } from "../../../src/bench/prng.ts";

/** `count` pages with ids as Pagefind names fragments (`en_` and 7 hex digits), random dates from `days` days. */
function randomPages(count: number, days: number, seed: number): DatedPage[] {
  const random = createRandom(seed);
  const ids = new Set<string>();
  while (ids.size < count)
    ids.add(
      `en_${random
        .int(0, 2 ** 28 - 1)
        .toString(16)
        .padStart(7, "0")}`,
    );
  return [...ids].map((id) => ({ id, date: `2023-01-${String(random.int(1, days)).padStart(2, "0")}` }));
}

/** The places the file must give: ascending by date, pages of one date in the order given. */
function expectedPlaces(pages: readonly DatedPage[]): Map<string, number> {
  const sorted = pages.map((page, index) => ({ page, index })).sort((a, b) => a.page.date.localeCompare(b.page.date) || a.index - b.index);
  return new Map(sorted.map(({ page }, place) => [page.id, place]));
}

describe("a bundle's date order", () => {
  it("gives every page of a large bundle its place, with ids shortened and the pages that share a shortened id listed whole", () => {
    const pages = randomPages(10_000, 28, 7);
    const file = dateOrderOf(pages);
    expect(file.prefix).toBe("en_");
    // Five of seven hex digits at 10,000 pages, and some pages share their first five.
    expect(file.width).toBe(5);
    expect(file.order.length).toBe(10_000 * 5);
    expect(Object.keys(file.full).length).toBeGreaterThan(0);
    expect(Object.keys(file.full).length).toBeLessThanOrEqual(10_000 / 50);
    const placeOf = placesIn(JSON.parse(JSON.stringify(file)));
    for (const [id, place] of expectedPlaces(pages)) expect(placeOf(id)).toBe(place);
  });

  it("keeps the order pages were given in among pages of one date, and puts the undated key first", () => {
    const pages = [
      { id: "en_b1", date: "2023-02-01" },
      { id: "en_a2", date: "0000-00-00" },
      { id: "en_c3", date: "2023-02-01" },
      { id: "en_d4", date: "2022-12-01" },
    ];
    const placeOf = placesIn(dateOrderOf(pages));
    expect(pages.map((page) => placeOf(page.id))).toEqual([2, 0, 3, 1]);
  });

  it("tells apart ids of different lengths, one the start of another", () => {
    const pages = [
      { id: "en_1", date: "2023-01-02" },
      { id: "en_12", date: "2023-01-01" },
      { id: "en_123", date: "2023-01-03" },
    ];
    const placeOf = placesIn(dateOrderOf(pages));
    expect(pages.map((page) => placeOf(page.id))).toEqual([1, 0, 2]);
  });

  it("gives one page its place", () => {
    expect(placesIn(dateOrderOf([{ id: "en_3f9a0c1", date: "2023-01-01" }]))("en_3f9a0c1")).toBe(0);
  });

  it("knows no place for an id it does not list", () => {
    const placeOf = placesIn(dateOrderOf(randomPages(500, 28, 11)));
    expect(placeOf("en_zzzzzzz")).toBeUndefined();
    expect(placeOf("fr_0000000")).toBeUndefined();
  });

  it("refuses two pages of one id", () => {
    expect(() =>
      dateOrderOf([
        { id: "en_1", date: "2023-01-01" },
        { id: "en_1", date: "2023-01-02" },
      ]),
    ).toThrow(/two pages have one id/);
  });
});
