/**
 * A sharded build cuts the archive into runs of archive order made of whole
 * years (src/archive/shards.ts): every article in exactly one shard, shards
 * in archive order, no year split between two, the sizes about even, and an
 * added article moves no other article unless its year tips a boundary.
 */
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { ARTICLES_PER_SHARD, cutIntoShards, parseShardSpec, plannedShards, shardArticles } from "../../src/archive/shards.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import type { ArticleEntry } from "../../src/records/article-record.ts";
import { generatedRecords } from "../support/generated-records.ts";

const records = generatedRecords(400);
const archive = buildArchive(records, siteConfigFromEnv({}));
const yearOf = (article: ArticleEntry) => (article.parsedDate ? new Date(article.parsedDate.min).getUTCFullYear() : "undated");

describe("cutIntoShards", () => {
  it("puts every article in one shard, in archive order, and no year in two", () => {
    for (const count of [1, 2, 3, 5]) {
      const shards = cutIntoShards(archive.articles, count);
      expect(shards).toHaveLength(count);
      expect(shards.flat()).toEqual(archive.articles);
      const yearsOf = shards.map((shard) => new Set(shard.map(yearOf)));
      for (const [i, years] of yearsOf.entries())
        for (const other of yearsOf.slice(i + 1)) for (const year of years) expect(other.has(year)).toBe(false);
    }
  });

  it("keeps shards about even: none holds more than its share and the largest year", () => {
    const perYear = new Map<number | string, number>();
    for (const article of archive.articles) perYear.set(yearOf(article), (perYear.get(yearOf(article)) ?? 0) + 1);
    const largestYear = Math.max(...perYear.values());
    const shards = cutIntoShards(archive.articles, 3);
    for (const shard of shards) {
      expect(shard.length).toBeGreaterThan(0);
      expect(shard.length).toBeLessThanOrEqual(Math.ceil(archive.articles.length / 3) + largestYear);
    }
  });

  it("moves no article of another shard when one is added, unless a boundary tips", () => {
    const before = cutIntoShards(archive.articles, 3).map((shard) => shard.map((article) => article.id));
    const added = generatedRecords(401).at(-1)!;
    const after = cutIntoShards(buildArchive([...records, added], siteConfigFromEnv({})).articles, 3).map((shard) =>
      shard.map((article) => article.id),
    );
    const moved = before.flatMap((ids, shard) => ids.filter((id) => !after[shard]!.includes(id)));
    // A boundary moves by whole years: whatever moved is whole years of articles.
    const movedYears = new Set(moved.map((id) => yearOf(archive.byId.get(id)!)));
    for (const year of movedYears)
      expect(moved.filter((id) => yearOf(archive.byId.get(id)!) === year)).toHaveLength(
        archive.articles.filter((article) => yearOf(article) === year).length,
      );
  });

  it("gives empty shards when there are more shards than years", () => {
    const shards = cutIntoShards(archive.articles.slice(0, 2), 5);
    expect(shards.flat()).toEqual(archive.articles.slice(0, 2));
    expect(shards.filter((shard) => shard.length === 0).length).toBeGreaterThanOrEqual(3);
  });
});

describe("parseShardSpec", () => {
  it("reads K/N and picks that shard", () => {
    expect(parseShardSpec("2/3")).toEqual({ index: 2, count: 3 });
    expect(shardArticles(archive.articles, parseShardSpec("2/3"))).toEqual(cutIntoShards(archive.articles, 3)[1]);
  });

  it("refuses anything else, saying what it expects", () => {
    for (const text of ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", ""])
      expect(() => parseShardSpec(text)).toThrow(/^Cannot read `--shard .*`: expected K\/N/);
  });
});

describe("plannedShards", () => {
  it("builds in one job up to 50,000 articles, then in one shard per 50,000 begun, unless the settings say", () => {
    expect(plannedShards(0)).toBe(1);
    expect(plannedShards(ARTICLES_PER_SHARD)).toBe(1);
    expect(plannedShards(ARTICLES_PER_SHARD + 1)).toBe(2);
    expect(plannedShards(1_000_000)).toBe(20);
    expect(plannedShards(1_000_000, 1)).toBe(1);
    expect(plannedShards(10, 3)).toBe(3);
  });
});
