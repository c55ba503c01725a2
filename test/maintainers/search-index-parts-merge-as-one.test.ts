/**
 * The main search index made in parts (one Pagefind process each) and merged
 * is the index Pagefind makes of the same articles in one go: every word's
 * postings, every filter, every page. Both bundles are decoded here with the
 * CBOR library alone, not the merge's own reader, and compared through page
 * addresses. A part that is not Pagefind 1.5.2's is refused, naming its file.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { decode } from "cbor2";
import { beforeAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { writeSearchIndex } from "../../src/search-index/pagefind-index.ts";
import { mergePagefindBundles } from "../../src/search-index/pagefind-merge.ts";
import type { DateOrder } from "../../src/search-index/search-date-order.ts";
import { generatedRecords } from "../support/generated-records.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const folders = temporaryFolders();

type Posting = [number, number[], number[]];
type Word = [string, Posting[], Array<[string, Posting[]]>];

const data = (bytes: Buffer): unknown => {
  const raw = gunzipSync(bytes);
  expect(raw.subarray(0, 12).toString("latin1")).toBe("pagefind_dcd");
  return decode(raw.subarray(12));
};

/** A bundle as content: page numbers replaced by addresses, meta field numbers by names. */
async function decodeBundle(folder: string) {
  const entry = JSON.parse(await readFile(path.join(folder, "pagefind-entry.json"), "utf8"));
  const language = Object.keys(entry.languages)[0]!;
  const meta = data(await readFile(path.join(folder, `pagefind.${entry.languages[language].hash}.pf_meta`))) as [
    string,
    Array<[string, number]>,
    Array<[string, string, string]>,
    Array<[string, string]>,
    unknown[],
    string[],
  ];
  const fragments = await Promise.all(
    meta[1].map(async ([id, wordCount]) => {
      const raw = gunzipSync(await readFile(path.join(folder, "fragment", `${id}.pf_fragment`)));
      return { id, wordCount, fragment: JSON.parse(raw.subarray(12).toString("utf8")) as { url: string } };
    }),
  );
  const urls = fragments.map(({ fragment }) => fragment.url);
  const named = (postings: Posting[]) => {
    let page = 0;
    return postings
      .map(([gap, locs, metaLocs]) => {
        page += gap;
        return JSON.stringify([urls[page], locs, metaLocs.map((value) => (value < 0 ? meta[5][-value - 1] : value))]);
      })
      .sort();
  };
  const words = new Map<string, unknown>();
  const order: string[] = [];
  for (const [from, to, id] of meta[2]) {
    const [chunk] = data(await readFile(path.join(folder, "index", `${id}.pf_index`))) as [Word[]];
    expect(chunk[0]![0] >= from || chunk[0]![0].startsWith(from) || from.startsWith(chunk[0]![0])).toBe(true);
    expect(chunk.at(-1)![0].startsWith(to) || to.startsWith(chunk.at(-1)![0])).toBe(true);
    for (const [word, postings, variants] of chunk) {
      order.push(word);
      words.set(word, { postings: named(postings), variants: variants.map(([form, list]) => [form, named(list)]).sort() });
    }
  }
  const filters = new Map<string, unknown>();
  for (const [name, id] of meta[3]) {
    const [filter, values] = data(await readFile(path.join(folder, "filter", `${id}.pf_filter`))) as [string, Array<[string, number[]]>];
    expect(filter).toBe(name);
    filters.set(name, values.map(([value, pages]) => [value, pages.map((page) => urls[page]).sort()]).sort());
  }
  return {
    entry,
    meta,
    pages: fragments.map(({ id, wordCount, fragment }) => ({ id, wordCount, fragment })),
    words,
    order,
    filters,
    chunks: meta[2].map(([, , id]) => id).sort(),
    dateOrder: JSON.parse(await readFile(path.join(folder, "date-order.json"), "utf8")) as DateOrder,
  };
}

describe("the main search index in parts, merged", () => {
  const archive = buildArchive(generatedRecords(150), siteConfigFromEnv({}));
  let oneGo: Awaited<ReturnType<typeof decodeBundle>>;
  let merged: Awaited<ReturnType<typeof decodeBundle>>;
  let mergedFolder: string;

  beforeAll(async () => {
    const whole = path.join(await folders("index-whole"), "pagefind");
    mergedFolder = path.join(await folders("index-parts"), "pagefind");
    expect(await writeSearchIndex(archive, whole, undefined, 1_000)).toEqual({ pages: 150 });
    expect(await writeSearchIndex(archive, mergedFolder, undefined, 50)).toEqual({ pages: 150 });
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
});
