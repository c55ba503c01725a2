/** Articles go to search bundles by date range: each range as coarse as its count allows, in date order, undated last. */
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../../src/records/article-record.ts";
import { parseEdtfDate } from "../../../src/records/edtf-date.ts";
import { archiveToBundles } from "../../../src/search-index/search-bundles.ts";
import { defaultRecentLimit, defaultShardSize } from "../../../src/search-index/search-index-cache.ts";
import { generatedRecords } from "../../support/generated-records.ts";

/** Generated records given the EDTF dates `dates` (`null`: undated), in that order. */
function dated(dates: ReadonlyArray<string | null>, offset = 0): ArticleRecord[] {
  return generatedRecords(dates.length + offset)
    .slice(offset)
    .map((record, index) => {
      const date = dates[index]!;
      const { date: _, ...undated } = record;
      if (date === null) return { ...undated, parsedDate: null };
      const parsed = parseEdtfDate(date);
      if (!parsed.ok) throw new Error(parsed.error);
      return { ...undated, date, parsedDate: parsed.value };
    });
}

const names = (bundles: ReturnType<typeof archiveToBundles>) => bundles.map((bundle) => `${bundle.name}:${bundle.articles.length}`);

describe("search bundles", () => {
  it("keeps an archive that fits in one bundle, `all`", () => {
    const articles = dated(["2021", null, "2023-01-09"]);
    expect(archiveToBundles(articles, 3)).toEqual([{ name: "all", dated: true, articles }]);
  });

  it("cuts each range only as finely as its count needs, oldest first, undated last", () => {
    const articles = dated([
      null,
      "2023-01-09",
      "1998-05",
      "2021",
      "2023-01-09",
      "2023-01-09",
      "2022-12/2023-01",
      "2023-07-01",
      "2023-02-10~",
      "2023-01-10",
      null,
      "2020-11-15",
    ]);
    const bundles = archiveToBundles(articles, 2);
    expect(names(bundles)).toEqual([
      "1990s:1",
      "2020:1",
      "2021:1",
      "2022:1",
      // 2023 holds six: its first half five, its first quarter four, January four, 9 January three (cut by id).
      "2023-01-09.1:2",
      "2023-01-09.2:1",
      "2023-01-10:1",
      "2023-02:1",
      "2023-h2:1",
      "undated:2",
    ]);
    expect(bundles.map((bundle) => bundle.dated)).toEqual([...bundles.slice(0, -1).map(() => true), false]);
    expect(bundles.flatMap((bundle) => bundle.articles.map((article) => article.id)).sort()).toEqual(
      articles.map((article) => article.id).sort(),
    );
    for (const bundle of bundles) expect(bundle.articles.length).toBeLessThanOrEqual(2);
  });

  it("follows the calendar, not counts: an added article changes only its own range", () => {
    const base = dated(["2019-03-01", "2019-04-01", "2020-05-01", "2020-06-01", "2021-01-01", "2021-02-01", null]);
    const added = [...base, ...dated(["2020-05-20"], base.length)];
    const before = new Map(archiveToBundles(base, 2).map((bundle) => [bundle.name, bundle.articles.map((article) => article.id)]));
    const after = new Map(archiveToBundles(added, 2).map((bundle) => [bundle.name, bundle.articles.map((article) => article.id)]));
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
      (name) => JSON.stringify(before.get(name)) !== JSON.stringify(after.get(name)),
    );
    expect(changed.every((name) => name.startsWith("2020"))).toBe(true);
    expect(changed.length).toBeGreaterThan(0);
  });

  it("keeps the main index in one part up to 10,000 articles, and at most 24 parts above", () => {
    expect(defaultShardSize(2_000)).toBe(10_000);
    expect(defaultShardSize(10_000)).toBe(10_000);
    expect(defaultShardSize(240_000)).toBe(10_000);
    expect(defaultShardSize(240_001)).toBe(20_000);
  });

  it("lets the recent index take a twentieth of the archive's changes, at least 100 and at most 2,000", () => {
    expect(defaultRecentLimit(100)).toBe(100);
    expect(defaultRecentLimit(10_000)).toBe(500);
    expect(defaultRecentLimit(100_000)).toBe(2_000);
  });
});
