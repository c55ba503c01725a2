/**
 * A Pagefind bundle decoded as content, with the CBOR library alone (not the
 * merge's own reader): page numbers replaced by the pages' addresses, meta
 * field numbers by their names, so that two bundles of the same pages
 * compare equal however their pages are numbered.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decode } from "cbor2";
import { expect } from "vitest";
import type { DateOrder } from "../../src/search-index/search-date-order.ts";

type Posting = [number, number[], number[]];
type Word = [string, Posting[], Array<[string, Posting[]]>];

export const data = (bytes: Buffer): unknown => {
  const raw = gunzipSync(bytes);
  expect(raw.subarray(0, 12).toString("latin1")).toBe("pagefind_dcd");
  return decode(raw.subarray(12));
};

export async function decodeBundle(folder: string) {
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
    dateOrder: JSON.parse(await readFile(path.join(folder, "date-order.json"), "utf8").catch(() => "null")) as DateOrder | null,
  };
}
