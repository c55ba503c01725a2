/**
 * Feed documents are made once and kept between builds: a kept document is
 * the one the library writes, an edited article or a new site address makes
 * its feeds again, a damaged kept file is made again, and the folder keeps
 * only what the last build used.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildArchive, type Archive } from "../../../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../../../src/archive/site-config.ts";
import { FeedCache } from "../../../../src/build/cache/feed-cache.ts";
import { feedDocument, feedInput, type FeedFormat } from "../../../../src/render/feeds.ts";
import { generatedRecords } from "../../../support/generated-records.ts";
import { temporaryFolders } from "../../../support/temp-dirs.ts";

const FORMATS: FeedFormat[] = ["atom", "json"];

/** Every document of the archive, as a build asks for them. */
function documentsOf(cache: FeedCache, archive: Archive): string[] {
  return archive.feeds.flatMap((spec) => FORMATS.map((format) => cache.document(archive, spec, format)));
}

const freshDocuments = (archive: Archive) =>
  archive.feeds.flatMap((spec) => FORMATS.map((format) => feedDocument(feedInput(archive, spec), format)));

describe("the feed cache", () => {
  const folder = temporaryFolders();
  const records = generatedRecords(12);
  const archive = buildArchive(records, siteConfigFromEnv({}));
  const count = archive.feeds.length * FORMATS.length;
  let dir: string;
  beforeAll(async () => {
    dir = path.join(await folder("feeds"), "feeds");
  });

  it("makes every document on a first build, as the library writes it, and keeps them", async () => {
    expect(archive.feeds.length).toBeGreaterThan(3);
    const cache = await FeedCache.open(dir);
    expect(documentsOf(cache, archive)).toEqual(freshDocuments(archive));
    expect(cache.stats).toEqual({ made: count, reused: 0 });
    await cache.save();
    expect(await readdir(dir)).toHaveLength(count);
  });

  it("reuses every kept document when nothing changed", async () => {
    const cache = await FeedCache.open(dir);
    expect(documentsOf(cache, archive)).toEqual(freshDocuments(archive));
    expect(cache.stats).toEqual({ made: 0, reused: count });
  });

  it("keeps through its tidying the documents a build left unrendered, by their key alone", async () => {
    const cache = await FeedCache.open(dir);
    const keys = archive.feeds.flatMap((spec) => FORMATS.map((format) => cache.keyOf(archive, spec, format)!));
    expect(new Set(keys).size).toBe(count);
    expect((await readdir(dir)).sort()).toEqual([...keys].sort());
    for (const key of keys) cache.keep(key);
    await cache.save();
    expect(await readdir(dir)).toHaveLength(count);
    expect(cache.stats).toEqual({ made: 0, reused: 0 });
    expect(await FeedCache.open().then((uncached) => uncached.keyOf(archive, archive.feeds[0]!, "atom"))).toBeUndefined();
  });

  it("makes again the feeds of an edited article, and forgets their old documents", async () => {
    const newest = archive.feeds[0]!.articles[0]!;
    const edited = buildArchive(
      records.map((record) => (record.id === newest.id ? { ...record, html: `${record.html}<p>Corrected.</p>` } : record)),
      archive.site,
    );
    const touched = edited.feeds.filter((spec) => spec.articles.some((article) => article.id === newest.id)).length;
    const cache = await FeedCache.open(dir);
    const documents = documentsOf(cache, edited);
    expect(documents).toEqual(freshDocuments(edited));
    expect(documents[0]).toContain("Corrected.");
    expect(cache.stats).toEqual({ made: touched * FORMATS.length, reused: count - touched * FORMATS.length });
    await cache.save();
    expect(await readdir(dir)).toHaveLength(count);
  });

  it("makes every document again for another site address", async () => {
    const moved = { ...archive, site: { ...archive.site, baseUrl: "https://archive.example.net" } };
    const cache = await FeedCache.open(dir);
    expect(documentsOf(cache, moved)[0]).toContain("https://archive.example.net/");
    expect(cache.stats).toEqual({ made: count, reused: 0 });
  });

  it("makes a damaged kept document again instead of serving it", async () => {
    const fresh = await FeedCache.open(dir);
    documentsOf(fresh, archive);
    await fresh.save();
    const [name] = await readdir(dir);
    const file = path.join(dir, name!);
    const kept = await readFile(file, "utf8");
    await writeFile(file, kept.slice(0, kept.length - 40));
    const cache = await FeedCache.open(dir);
    expect(documentsOf(cache, archive)).toEqual(freshDocuments(archive));
    expect(cache.stats).toEqual({ made: 1, reused: count - 1 });
  });

  it("leaves another build's unfinished file alone when it tidies the folder", async () => {
    const unfinished = path.join(dir, "0123.xml.999.abcd.tmp");
    await writeFile(unfinished, "half");
    const cache = await FeedCache.open(dir);
    documentsOf(cache, archive);
    await cache.save();
    expect((await readdir(dir)).sort()).toContain(path.basename(unfinished));
    expect(await readdir(dir)).toHaveLength(count + 1);
  });

  it("keeps nothing without a folder", async () => {
    const cache = await FeedCache.open();
    expect(documentsOf(cache, archive)).toEqual(freshDocuments(archive));
    expect(cache.stats).toEqual({ made: count, reused: 0 });
    await cache.save();
  });
});
