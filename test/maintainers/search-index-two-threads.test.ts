/**
 * Once the pages are rendered, main-index parts still waiting are shared
 * between two workers taking them from one queue: every part is written once,
 * by one of them, and the index is the one a single thread makes.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildArchive, type Archive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { archiveToBundles } from "../../src/search-index/search-bundles.ts";
import {
  finishSearchIndex,
  indexClaimedBundles,
  newBundleQueue,
  writeSearchIndexCached,
  type SearchBundles,
} from "../../src/search-index/search-index-cache.ts";
import { SearchIndexInWorkers } from "../../src/search-index/search-index-threads.ts";
import { generatedRecords } from "../support/generated-records.ts";
import { fileHashes } from "../support/site-tree.ts";
import { standInIndexer } from "../support/stand-in-indexer.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";
import { waitFor } from "../support/wait-for.ts";

const folders = temporaryFolders();
const tempDir = () => folders("index-threads");

const site = siteConfigFromEnv({});
const records = generatedRecords(40);
const archive = buildArchive(records, site);

describe("bundles claimed by two threads from one queue", () => {
  /** A stand-in for Pagefind that notes the first article of each part; `before` runs before it writes (to hold a claimant until the other has a part). */
  const standIn = (written: string[], before?: () => Promise<void>) =>
    standInIndexer(async (part: Archive) => {
      written.push(part.articles[0]!.id);
      await before?.();
    });

  it("writes each bundle once, and the index a single thread writes", async () => {
    const expected = archiveToBundles(archive.articles, 8);
    expect(expected.length).toBeGreaterThan(3);
    const written: string[] = [];
    // The first claimant holds its first bundle until the second has claimed one, so that both take a share.
    let secondClaimed!: () => void;
    const secondHasOne = new Promise<void>((resolve) => (secondClaimed = resolve));
    const options = { cacheDir: path.join(await tempDir(), "cache"), shardSize: 8, write: standIn(written) };
    const output = path.join(await tempDir(), "pagefind");
    const queue = newBundleQueue(archive.articles.length);
    const first = indexClaimedBundles(archive, output, { ...options, write: standIn(written, () => secondHasOne) }, queue, true);
    // The second joins once the first has worked out the bundles, as `lendSecondWorker` does.
    await waitFor("the bundles to be counted", () => (Atomics.load(queue, 1) > 0 ? true : undefined), { ms: 10_000 });
    const second = indexClaimedBundles(archive, output, { ...options, write: standIn(written, async () => secondClaimed()) }, queue, false);
    const parts = await Promise.all([first, second]);
    expect(parts.every((part) => part.results.length > 0)).toBe(true);
    expect(written.sort()).toEqual(expected.map((bundle) => bundle.articles[0]!.id).sort());
    const index = await finishSearchIndex(archive, output, options, parts);
    expect(index).toMatchObject({ shards: expected.length, reusedShards: 0, pages: 40 });

    const alone = path.join(await tempDir(), "pagefind");
    const single = await writeSearchIndexCached(archive, alone, {
      ...options,
      cacheDir: path.join(await tempDir(), "cache"),
      write: standIn([]),
    });
    expect(index.files).toEqual(single.files);
    expect(await fileHashes(output)).toEqual(await fileHashes(alone));
  });

  it("queues nothing when the main index is kept: the first thread makes the recent index alone", async () => {
    const cacheDir = path.join(await tempDir(), "cache");
    await writeSearchIndexCached(archive, path.join(await tempDir(), "pagefind"), { cacheDir, shardSize: 8, write: standIn([]) });
    const target = archive.articles[5]!;
    const edited = buildArchive(
      records.map((a) => (a.id === target.id ? { ...a, text: `${a.text} An edit.` } : a)),
      site,
    );
    const written: string[] = [];
    const queue = newBundleQueue(edited.articles.length);
    const part = await indexClaimedBundles(
      edited,
      path.join(await tempDir(), "pagefind"),
      { cacheDir, shardSize: 8, write: standIn(written) },
      queue,
    );
    expect(Atomics.load(queue, 1)).toBe(0);
    expect(written).toEqual([target.id]);
    expect(part.kept).toMatchObject({ recent: 1, hidden: 1, shards: archiveToBundles(archive.articles, 8).length + 1 });
  });

  it("refuses to finish an index with a bundle missing", async () => {
    const options = { shardSize: 8, write: standIn([]) };
    const output = path.join(await tempDir(), "pagefind");
    const queue = newBundleQueue(archive.articles.length);
    Atomics.store(queue, 0, 1); // as if another thread had claimed the first bundle and failed
    const part = await indexClaimedBundles(archive, output, options, queue, true);
    await expect(finishSearchIndex(archive, output, {}, [part])).rejects.toThrow(
      /^The search index has \d+ parts, but the parts written were 1, 2, 3, 4, 5, 6, 7, 8, 9: each must be written once$/,
    );
  });
});

describe("a second worker lent to the index, with Pagefind", () => {
  it("shares the bundles with the first, each indexed once", { timeout: 120_000 }, async () => {
    const output = path.join(await tempDir(), "pagefind");
    // The worker is sent where each body is: here, the bodies themselves.
    const search = new SearchIndexInWorkers(
      archive,
      archive.articles.map((article) => archive.bodyOf(article)),
      output,
      { cacheDir: path.join(await tempDir(), "cache"), shardSize: 4 },
    );
    // As soon as the first worker has counted the bundles (the build waits for its pages instead).
    expect(await waitFor("bundles waiting", () => (search.lendSecondWorker() ? true : undefined), { ms: 60_000 })).toBe(true);
    const index = await search.result();
    const bundles = archiveToBundles(archive.articles, 4);
    expect(index).toMatchObject({ shards: bundles.length, pages: 40 });
    expect(index.secondShards).toBeLessThan(bundles.length);
    const manifest = JSON.parse(await readFile(path.join(output, "bundles.json"), "utf8")) as SearchBundles;
    expect(manifest.parts).toHaveLength(bundles.length);
    // Every bundle is a whole Pagefind index of its own articles.
    for (const [position, bundle] of bundles.entries()) {
      const folder = path.join(output, position === 0 ? "" : bundle.name);
      const entry = JSON.parse(await readFile(path.join(folder, "pagefind-entry.json"), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(bundle.articles.length);
    }
  });
});
