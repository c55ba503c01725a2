/**
 * Once the pages are rendered, bundles still waiting are shared between two
 * workers taking them from one queue: every bundle is written once, by one of
 * them, and the index is the one a single thread makes.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildArchive, type Archive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { archiveToBundles } from "../../src/site/search-bundles.ts";
import { finishSearchIndex, indexClaimedBundles, newBundleQueue, writeSearchIndexCached } from "../../src/site/search-index-cache.ts";
import { SearchIndexInWorkers } from "../../src/site/search-index-threads.ts";
import { generatedRecords } from "../support/generated-records.ts";
import { fileHashes } from "../support/site-tree.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";
import { waitFor } from "../support/wait-for.ts";

const folders = temporaryFolders();
const tempDir = () => folders("index-threads");

const site = siteConfigFromEnv({});
const records = generatedRecords(40);
const archive = buildArchive(records, site);

describe("bundles claimed by two threads from one queue", () => {
  /** A stand-in for Pagefind; `before` runs before it writes (to hold a claimant until the other has a bundle). */
  const standIn = (written: string[], before?: () => Promise<void>) => async (part: Archive, outputPath: string) => {
    written.push(part.articles[0]!.id);
    await before?.();
    await mkdir(path.join(outputPath, "fragment"), { recursive: true });
    await writeFile(path.join(outputPath, "pagefind-entry.json"), JSON.stringify(part.articles.map((a) => a.id)));
    return { pages: part.articles.length };
  };

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
    const single = await writeSearchIndexCached(archive, alone, { ...options, cacheDir: path.join(await tempDir(), "cache"), write: standIn([]) });
    expect(index.files).toEqual(single.files);
    expect(await fileHashes(output)).toEqual(await fileHashes(alone));
  });

  it("queues only the bundles to make: those kept in the cache are put back after them", async () => {
    const cacheDir = path.join(await tempDir(), "cache");
    const bundles = archiveToBundles(archive.articles, 8);
    await writeSearchIndexCached(archive, path.join(await tempDir(), "pagefind"), { cacheDir, shardSize: 8, write: standIn([]) });
    const target = bundles.at(-2)!;
    const edited = buildArchive(records.map((a) => (a.id === target.articles[0]!.id ? { ...a, text: `${a.text} An edit.` } : a)), site);
    const written: string[] = [];
    const queue = newBundleQueue(edited.articles.length);
    const part = await indexClaimedBundles(edited, path.join(await tempDir(), "pagefind"), { cacheDir, shardSize: 8, write: standIn(written) }, queue);
    expect(Atomics.load(queue, 1)).toBe(1);
    expect(Atomics.load(queue, 2)).toBe(bundles.length - 2);
    expect(written).toEqual([target.articles[0]!.id]);
    // Made first, then every kept one put back.
    expect(part.results.map((result) => [result.index, result.reused])).toEqual([
      [bundles.length - 2, false], ...bundles.map((_, index) => [index, true]).filter(([index]) => index !== bundles.length - 2),
    ]);
  });

  it("refuses to finish an index with a bundle missing", async () => {
    const options = { shardSize: 8, write: standIn([]) };
    const output = path.join(await tempDir(), "pagefind");
    const queue = newBundleQueue(archive.articles.length);
    Atomics.store(queue, 0, 1); // as if another thread had claimed the first bundle and failed
    const part = await indexClaimedBundles(archive, output, options, queue, true);
    await expect(finishSearchIndex(archive, output, {}, [part])).rejects.toThrow(/^The search index has \d+ bundles, but the bundles written were 1, 2, 3, 4, 5, 6, 7, 8, 9: each must be written once$/);
  });
});

describe("a second worker lent to the index, with Pagefind", () => {
  it("shares the bundles with the first, each indexed once", { timeout: 120_000 }, async () => {
    const output = path.join(await tempDir(), "pagefind");
    // The worker is sent where each body is: here, the bodies themselves.
    const search = new SearchIndexInWorkers(archive, archive.articles.map((article) => archive.bodyOf(article)), output, { cacheDir: path.join(await tempDir(), "cache"), shardSize: 4 });
    // As soon as the first worker has counted the bundles (the build waits for its pages instead).
    expect(await waitFor("bundles waiting", () => (search.lendSecondWorker() ? true : undefined), { ms: 60_000 })).toBe(true);
    const index = await search.result();
    const bundles = archiveToBundles(archive.articles, 4);
    expect(index).toMatchObject({ shards: bundles.length, pages: 40 });
    expect(index.secondShards).toBeLessThan(bundles.length);
    const manifest = JSON.parse(await readFile(path.join(output, "bundles.json"), "utf8")) as { bundles: Array<{ path: string }> };
    expect(manifest.bundles).toHaveLength(bundles.length);
    // Every bundle is a whole Pagefind index of its own articles.
    for (const [position, bundle] of bundles.entries()) {
      const folder = path.join(output, position === 0 ? "" : bundle.name);
      const entry = JSON.parse(await readFile(path.join(folder, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(bundle.articles.length);
    }
  });
});
