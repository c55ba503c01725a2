/**
 * Citations are made once and kept between builds: a kept citation is the
 * same as a fresh one, an edit or a new site address makes it again, and a
 * damaged cache file is an empty cache, never an error or a wrong reference.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteConfigFromEnv } from "../../../src/archive/site-config.ts";
import { articleToCitations, CitationCache } from "../../../src/exports/citation-cache.ts";
import { checkedText } from "../../../src/lib/cache-files.ts";
import { generatedRecords } from "../../support/generated-records.ts";

describe("the citation cache", () => {
  const archive = { site: siteConfigFromEnv({}) };
  const articles = generatedRecords(6);
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-citations-"));
    file = path.join(dir, "citations.json");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("makes every citation on a first build, as the library formats it, and keeps them", async () => {
    const cache = await CitationCache.open(file);
    for (const article of articles) expect(cache.citationsOf(article, archive)).toEqual(articleToCitations(article, archive));
    expect(cache.stats).toEqual({ made: 6, reused: 0 });
    await cache.save();
    expect(Object.keys(JSON.parse(checkedText(await readFile(file, "utf8"))!).entries)).toHaveLength(6);
  });

  it("reuses every kept citation when nothing changed", async () => {
    const cache = await CitationCache.open(file);
    for (const article of articles) expect(cache.citationsOf(article, archive)).toEqual(articleToCitations(article, archive));
    expect(cache.stats).toEqual({ made: 0, reused: 6 });
  });

  it("makes again only the citation of an edited article, and forgets the old one", async () => {
    const edited = { ...articles[2]!, title: `${articles[2]!.title}, revised` };
    const cache = await CitationCache.open(file);
    const citations = [articles[0]!, articles[1]!, edited, ...articles.slice(3)].map((article) => cache.citationsOf(article, archive));
    expect(cache.stats).toEqual({ made: 1, reused: 5 });
    expect(citations[2]!.reference).toContain("revised");
    expect(citations[2]!["cite.bib"]).toContain("revised");
    await cache.save();
    const kept = JSON.parse(checkedText(await readFile(file, "utf8"))!).entries as Record<string, { reference: string }>;
    expect(Object.keys(kept)).toHaveLength(6);
    expect(Object.values(kept).filter((entry) => entry.reference.includes("revised"))).toHaveLength(1);
  });

  it("makes every citation again for another site address", async () => {
    const moved = { site: { ...archive.site, baseUrl: "https://archive.example.net" } };
    const cache = await CitationCache.open(file);
    const citations = cache.citationsOf(articles[0]!, moved);
    expect(cache.stats).toEqual({ made: 1, reused: 0 });
    expect(citations.reference).toContain("https://archive.example.net/");
    expect(citations["cite.ris"]).toContain("https://archive.example.net/");
  });

  it("answers, through citationsFor, each article's citations for the site it is given", async () => {
    const cache = await CitationCache.open();
    const moved = { site: { ...archive.site, baseUrl: "https://archive.example.net" } };
    const here = cache.citationsFor(archive);
    expect(here(articles[0]!)).toEqual(articleToCitations(articles[0]!, archive));
    expect(cache.citationsFor(archive)(articles[0]!)).toBe(here(articles[0]!));
    expect(cache.citationsFor(moved)(articles[0]!).reference).toContain("https://archive.example.net/");
    expect(cache.citationsFor(archive)(articles[0]!)).toEqual(articleToCitations(articles[0]!, archive));
    expect(cache.stats).toEqual({ made: 2, reused: 0 });
  });

  it.each([
    ["not JSON", "{ entries"],
    ["the wrong shape", JSON.stringify({ version: "x", entries: { a: { reference: 1 } } })],
    ["another version's entries", JSON.stringify({ version: "hemeroteca-citations 0", entries: {} })],
  ])("treats a cache file that is %s as empty", async (_, text) => {
    await writeFile(file, text);
    const cache = await CitationCache.open(file);
    expect(cache.citationsOf(articles[0]!, archive)).toEqual(articleToCitations(articles[0]!, archive));
    expect(cache.stats).toEqual({ made: 1, reused: 0 });
  });

  it("keeps nothing without a file", async () => {
    const cache = await CitationCache.open();
    cache.citationsOf(articles[0]!, archive);
    await expect(cache.save()).resolves.toBeUndefined();
    expect(cache.stats.made).toBe(1);
  });
});
