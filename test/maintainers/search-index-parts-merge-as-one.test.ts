/**
 * The main search index made in parts (one Pagefind process each) and merged
 * is the index Pagefind makes of the same articles in one go: every word's
 * postings, every filter, every page. Both bundles are decoded here with the
 * CBOR library alone, not the merge's own reader, and compared through page
 * addresses. Merged with the site's smaller word chunks, it holds the same
 * words, and Pagefind's client's lookup finds each in its own chunk, beside
 * the words that extend it. A part that is not Pagefind 1.5.2's is refused,
 * naming its file.
 */
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { encode } from "cbor2";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { PAGEFIND_CHUNK_SIZE } from "../../src/search-index/pagefind-format.ts";
import { SEARCH_CHUNK_SIZE, writeSearchIndex } from "../../src/search-index/pagefind-index.ts";
import { mergePagefindBundles } from "../../src/search-index/pagefind-merge.ts";
import { generatedRecords } from "../support/generated-records.ts";
import { data, decodeBundle } from "../support/pagefind-bundle.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const folders = temporaryFolders();

describe("the main search index in parts, merged", () => {
  const archive = buildArchive(generatedRecords(150), siteConfigFromEnv({}));
  let oneGo: Awaited<ReturnType<typeof decodeBundle>>;
  let merged: Awaited<ReturnType<typeof decodeBundle>>;
  let mergedFolder: string;

  beforeAll(async () => {
    const whole = path.join(await folders("index-whole"), "pagefind");
    mergedFolder = path.join(await folders("index-parts"), "pagefind");
    expect(await writeSearchIndex(archive, whole, undefined, 1_000, "pagefind")).toEqual({ pages: 150 });
    expect(await writeSearchIndex(archive, mergedFolder, undefined, 50, "pagefind")).toEqual({ pages: 150 });
    oneGo = await decodeBundle(whole);
    merged = await decodeBundle(mergedFolder);
  });

  it("has every word with the same postings, in Pagefind's order, in chunks cut where Pagefind cuts them", () => {
    expect(oneGo.words.size).toBeGreaterThan(500);
    expect(oneGo.meta[2].length).toBeGreaterThan(2);
    expect(merged.order).toEqual(oneGo.order);
    expect(merged.words).toEqual(oneGo.words);
    expect(merged.meta[2]).toEqual(oneGo.meta[2]);
    expect(merged.chunks).toEqual(oneGo.chunks);
  });

  it("has the same pages in the same order, filters, meta fields, entry and date order", () => {
    // Pagefind lists a filter's values from a hash map, so filter files (and the metadata and entry naming them) differ by name only.
    const withoutHash = (entry: typeof oneGo.entry) => ({ ...entry, languages: { en: { ...entry.languages.en, hash: undefined } } });
    expect(merged.pages).toEqual(oneGo.pages);
    expect(merged.filters).toEqual(oneGo.filters);
    expect(oneGo.filters.size).toBeGreaterThan(0);
    expect(merged.meta[5]).toEqual(oneGo.meta[5]);
    expect(merged.meta[4]).toEqual([]);
    expect(withoutHash(merged.entry)).toEqual(withoutHash(oneGo.entry));
    expect(merged.dateOrder).toEqual(oneGo.dateOrder);
  });

  it("cuts smaller word chunks where each word, looked up as Pagefind's client does, is in its own chunk with its extensions", async () => {
    // The site's chunks, from three parts and from one (which goes through the merge too).
    for (const partSize of [50, 1_000]) {
      const folder = path.join(await folders(`index-site-chunks-${partSize}`), "pagefind");
      expect(await writeSearchIndex(archive, folder, undefined, partSize)).toEqual({ pages: 150 });
      const site = await decodeBundle(folder);
      expect(site.words).toEqual(oneGo.words);
      expect(site.order).toEqual(oneGo.order);
      expect(site.pages).toEqual(oneGo.pages);
      expect(site.filters).toEqual(oneGo.filters);
      expect(site.dateOrder).toEqual(oneGo.dateOrder);
      expect(site.meta[2].length).toBeGreaterThan(2 * oneGo.meta[2].length);

      const chunks = await Promise.all(
        site.meta[2].map(async ([from, to, id]) => {
          const [words] = data(await readFile(path.join(folder, "index", `${id}.pf_index`))) as [
            Array<[string, Array<[number, number[], number[]]>]>,
          ];
          // Pagefind's measure of a chunk: each posting's positions and meta positions, and one.
          const sizes = words.map(([, postings]) =>
            postings.reduce((sum, [, locs, metaLocs]) => sum + locs.length + metaLocs.length + 1, 0),
          );
          return { from, to, words: words.map(([word]) => word), sizes };
        }),
      );
      // Pagefind's client compares a word with the bounds as Rust compares strings: by UTF-8 bytes.
      const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
      const total = (sizes: number[]) => sizes.reduce((sum, size) => sum + size, 0);
      // Words are in byte order, so the words that extend one follow it.
      const allWords = chunks.flatMap((chunk, index) => chunk.words.map((word) => ({ word, index })));
      allWords.forEach(({ word, index }, at) => {
        const chunk = chunks[index]!;
        const holding = chunks.filter(({ from, to }) => bytes(word, from) >= 0 && bytes(word, to) <= 0);
        expect(holding, word).toEqual([chunk]);
        // Every word that extends it is in its chunk, unless the chunk reached Pagefind's own size.
        if (total(chunk.sizes) >= PAGEFIND_CHUNK_SIZE) return;
        for (let next = at + 1; next < allWords.length && allWords[next]!.word.startsWith(word); next++)
          expect(allWords[next]!.index, `${allWords[next]!.word} beside ${word}`).toBe(index);
      });
      chunks.forEach((chunk, index) => {
        if (index === chunks.length - 1) return;
        // Closed at the site's size, unless its last word extends one before it (up to Pagefind's own size).
        const before = total(chunk.sizes.slice(0, -1));
        const last = chunk.words.at(-1)!;
        const extending = chunk.words.slice(0, -1).some((word) => last.startsWith(word));
        expect(total(chunk.sizes), last).toBeGreaterThanOrEqual(SEARCH_CHUNK_SIZE);
        expect(before < SEARCH_CHUNK_SIZE || (extending && before < PAGEFIND_CHUNK_SIZE), last).toBe(true);
      });
    }
  });

  it("leaves no part folder behind", async () => {
    expect((await readdir(path.dirname(mergedFolder))).sort()).toEqual(["pagefind"]);
  });

  it("refuses a corrupt part, or one of another Pagefind version, naming the file", async () => {
    const root = await folders("index-bad");
    const copy = async (name: string) => {
      const target = path.join(root, name);
      await mkdir(target, { recursive: true });
      for (const sub of ["", "index", "filter", "fragment"]) {
        await mkdir(path.join(target, sub), { recursive: true });
        for (const file of await readdir(path.join(mergedFolder, sub), { withFileTypes: true }))
          if (file.isFile()) await copyFile(path.join(mergedFolder, sub, file.name), path.join(target, sub, file.name));
      }
      return target;
    };
    const chunk = await copy("chunk");
    const chunkFile = path.join(chunk, "index", `${merged.meta[2][1]![2]}.pf_index`);
    await writeFile(chunkFile, gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), Buffer.from([0x9f, 0x01])])));
    await expect(mergePagefindBundles([mergedFolder, chunk], path.join(root, "out1"))).rejects.toThrow(chunkFile);

    const notGzip = await copy("not-gzip");
    const filterFile = path.join(notGzip, "filter", `${merged.meta[3][0]![1]}.pf_filter`);
    await writeFile(filterFile, "not gzip");
    await expect(mergePagefindBundles([mergedFolder, notGzip], path.join(root, "out2"))).rejects.toThrow(`${filterFile} is not gzipped`);

    const old = await copy("old");
    const entryFile = path.join(old, "pagefind-entry.json");
    const entry = JSON.parse(await readFile(entryFile, "utf8"));
    await writeFile(entryFile, JSON.stringify({ ...entry, version: "1.4.0" }));
    await expect(mergePagefindBundles([mergedFolder, old], path.join(root, "out3"))).rejects.toThrow(
      `${entryFile} was made by Pagefind 1.4.0; only 1.5.2's bundles can be merged`,
    );
  });

  it("renumbers meta fields and joins filters that only some parts have", async () => {
    // The first part's articles have no summary and no tags: its metadata lacks the `summary` field and its bundle the `tag` filter.
    const all = generatedRecords(12);
    const firstSix = new Set(
      buildArchive(all, siteConfigFromEnv({}))
        .articles.slice(0, 6)
        .map((article) => article.id),
    );
    const records = all.map((record) => (firstSix.has(record.id) ? { ...record, summary: undefined, tags: [] } : record));
    const bare = buildArchive(records, siteConfigFromEnv({}));
    expect(bare.articles.slice(0, 6).every((article) => !article.summary && !article.tags?.length)).toBe(true);
    expect(
      bare.articles.slice(6).some((article) => article.summary) && bare.articles.slice(6).some((article) => article.tags?.length),
    ).toBe(true);
    const whole = path.join(await folders("fields-whole"), "pagefind");
    const parts = path.join(await folders("fields-parts"), "pagefind");
    await writeSearchIndex(bare, whole, undefined, 100);
    await writeSearchIndex(bare, parts, undefined, 6);
    const [a, b] = [await decodeBundle(whole), await decodeBundle(parts)];
    expect(a.meta[5]).toContain("summary");
    expect(a.filters.has("tag")).toBe(true);
    expect(b.words).toEqual(a.words);
    expect(b.meta[2]).toEqual(a.meta[2]);
    expect(b.meta[5]).toEqual(a.meta[5]);
    expect(b.filters).toEqual(a.filters);
    expect(b.pages).toEqual(a.pages);
  });

  it("gives a page whose id another part's page has a longer id from its own hash, as Pagefind does", async () => {
    const root = await folders("index-collision");
    const archive12 = buildArchive(generatedRecords(12), siteConfigFromEnv({}));
    const first = path.join(root, "first");
    const second = path.join(root, "second");
    await writeSearchIndex({ ...archive12, articles: archive12.articles.slice(0, 6) }, first);
    await writeSearchIndex({ ...archive12, articles: archive12.articles.slice(6) }, second);
    // Two different pages whose ids collide, as two hashes that start alike would (at 100,000 pages some do).
    const firstBundle = await decodeBundle(first);
    const secondEntry = JSON.parse(await readFile(path.join(second, "pagefind-entry.json"), "utf8"));
    const metaFile = path.join(second, `pagefind.${secondEntry.languages.en.hash}.pf_meta`);
    const meta = data(await readFile(metaFile)) as [string, Array<[string, number]>, ...unknown[]];
    const taken = firstBundle.pages[2]!.id;
    const victim = meta[1][3]![0];
    await rename(path.join(second, "fragment", `${victim}.pf_fragment`), path.join(second, "fragment", `${taken}.pf_fragment`));
    meta[1][3]![0] = taken;
    await writeFile(metaFile, gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), encode(meta)])));

    const out = path.join(root, "merged");
    const merged = await mergePagefindBundles([first, second], out);
    const fragment = gunzipSync(await readFile(path.join(second, "fragment", `${taken}.pf_fragment`))).subarray(12);
    const hash = [...createHash("sha1").update(fragment).digest()].map((byte) => byte.toString(16)).join("");
    const longer = `en_${hash.slice(0, 8)}`;
    expect(merged.renamed).toEqual([new Map(), new Map([[taken, longer]])]);
    const result = await decodeBundle(out);
    expect(result.pages.map(({ id }) => id)).toEqual([
      ...firstBundle.pages.map(({ id }) => id),
      ...meta[1].map(([id]) => (id === taken ? longer : id)),
    ]);
    expect(result.pages[6 + 3]!.fragment.url).toBe(archive12.articles[9]!.permalink);
    expect(result.pages[2]!.fragment.url).toBe(archive12.articles[2]!.permalink);
  });
});
