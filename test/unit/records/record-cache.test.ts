/**
 * The record cache: a hit gives back the very record parsing gave; an edit, a
 * move, a corrupt entry or a new pipeline version is a miss, a corrupt
 * entry is replaced by a good one, and a build that parsed anything leaves
 * only the entries it used.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generateArticle } from "../../../src/bench/generate-corpus.ts";
import { FILE_CONCURRENCY } from "../../../src/lib/limited-concurrency.ts";
import { cachedParallelParser, loadArticles } from "../../../src/records/load-articles.ts";
import { parseArticle } from "../../../src/records/parse-article.ts";
import { codeFingerprint, RecordCache } from "../../../src/records/record-cache.ts";
import type { ArticleRecord } from "../../../src/records/article-record.ts";
import { entryOf } from "../../../src/records/article-bodies.ts";
import { recordDigest } from "../../../src/records/record-digest.ts";
import { sha256 } from "../../../src/lib/sha256.ts";
import { liveHeapBytes } from "../../support/live-heap.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-record-cache-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytesOf = (text: string) => new TextEncoder().encode(text);

function parsed(file: string, text: string): ArticleRecord {
  const result = parseArticle(file, bytesOf(text));
  if (!result.ok) throw new Error(`${file} should parse: ${JSON.stringify(result.problems)}`);
  return result.record;
}

async function entryFiles(cacheDir: string): Promise<string[]> {
  return (await readdir(cacheDir, { recursive: true })).filter((name) => name.endsWith(".json")).map((name) => path.join(cacheDir, name));
}

describe("RecordCache", () => {
  const article = generateArticle(3);
  const file = `content/articles/${article.path}`;

  it("misses, then hits with the same record", async () => {
    const cache = new RecordCache({ dir });
    const key = cache.keyOf(file, bytesOf(article.text));
    expect(cache.get(key, file)).toBeUndefined();
    const record = parsed(file, article.text);
    await cache.set(key, record);
    expect(cache.get(key, file)).toEqual(record);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, writes: 1, rejected: 0 });
  });

  it("keys on the bytes, the path, the pipeline and schema versions and the parsing code", () => {
    const base = new RecordCache({ dir, pipelineVersion: 1, schemaVersion: 1 });
    const key = base.keyOf(file, bytesOf(article.text));
    expect(base.keyOf(file, bytesOf(`${article.text}\nmore`))).not.toBe(key);
    expect(base.keyOf(`${file}x`, bytesOf(article.text))).not.toBe(key);
    expect(new RecordCache({ dir, pipelineVersion: 2, schemaVersion: 1 }).keyOf(file, bytesOf(article.text))).not.toBe(key);
    expect(new RecordCache({ dir, pipelineVersion: 1, schemaVersion: 2 }).keyOf(file, bytesOf(article.text))).not.toBe(key);
    expect(
      new RecordCache({ dir, pipelineVersion: 1, schemaVersion: 1, codeVersion: "other code" }).keyOf(file, bytesOf(article.text)),
    ).not.toBe(key);
    expect(new RecordCache({ dir, pipelineVersion: 1, schemaVersion: 1 }).keyOf(file, bytesOf(article.text))).toBe(key);
  });

  it("treats a corrupt or invalid entry as a miss and removes it", async () => {
    const cache = new RecordCache({ dir });
    const key = cache.keyOf(file, bytesOf(article.text));
    const record = parsed(file, article.text);
    await cache.set(key, record);
    const [entry] = await entryFiles(dir);

    await writeFile(entry!, "{ not json");
    expect(cache.get(key, file)).toBeUndefined();
    await expect(readFile(entry!)).rejects.toThrow();

    // One character of the JSON changed, and the entry cut short: the hash on the first line no longer matches.
    await cache.set(key, record);
    const whole = await readFile(entry!, "utf8");
    await writeFile(entry!, whole.replace(`"permalink":"`, `"permalink":"x`));
    expect(cache.get(key, file)).toBeUndefined();
    await cache.set(key, record);
    await writeFile(entry!, whole.slice(0, -10));
    expect(cache.get(key, file)).toBeUndefined();

    // A whole entry of another file, copied here.
    await cache.set(key, record);
    const json = JSON.stringify({ ...record, file: "content/articles/elsewhere.md" });
    await writeFile(entry!, `${createHash("sha256").update(json).digest("hex")}\n${json}`);
    expect(cache.get(key, file)).toBeUndefined();
    expect(cache.stats.rejected).toBe(4);

    await cache.set(key, record);
    expect(cache.get(key, file)).toEqual(record);
  });

  it("sweeps away the entries it neither read nor wrote, and leaves another build's unfinished writes", async () => {
    const records = [3, 4, 5].map((i) => {
      const { text, path: relative } = generateArticle(i);
      const articleFile = `content/articles/${relative}`;
      return { file: articleFile, text, record: parsed(articleFile, text) };
    });
    const earlier = new RecordCache({ dir });
    const keys = records.map((entry) => earlier.keyOf(entry.file, bytesOf(entry.text)));
    for (const [index, { record }] of records.entries()) await earlier.set(keys[index]!, record);
    const unfinished = path.join(dir, keys[2]!.slice(0, 2), `${keys[2]}.json.999.abcd.tmp`);
    await writeFile(unfinished, "half");

    const next = new RecordCache({ dir });
    expect(next.get(keys[0]!, records[0]!.file)).toEqual(records[0]!.record);
    const edited = `${records[1]!.text}\nOne more line.\n`;
    const editedKey = next.keyOf(records[1]!.file, bytesOf(edited));
    await next.set(editedKey, parsed(records[1]!.file, edited));
    expect(next.sweep()).toBe(2);
    expect((await entryFiles(dir)).map((file) => path.basename(file, ".json")).sort()).toEqual([keys[0]!, editedKey].sort());
    expect((await readdir(dir, { recursive: true })).some((name) => name.endsWith(".tmp"))).toBe(true);
    expect(next.sweep()).toBe(0);
  });

  it("leaves no temporary files behind", async () => {
    const cache = new RecordCache({ dir });
    await cache.set(cache.keyOf(file, bytesOf(article.text)), parsed(file, article.text));
    const names = await readdir(dir, { recursive: true });
    expect(names.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("the parsing code's fingerprint", () => {
  it("changes when a file of the code changes", async () => {
    const code = path.join(dir, "code");
    await import("node:fs/promises").then(({ mkdir }) => mkdir(path.join(code, "sub"), { recursive: true }));
    await writeFile(path.join(code, "a.ts"), "export const a = 1;");
    await writeFile(path.join(code, "sub", "b.ts"), "export const b = 1;");
    const before = await codeFingerprint([code]);
    expect(await codeFingerprint([code])).toBe(before);
    await writeFile(path.join(code, "sub", "b.ts"), "export const b = 2;");
    expect(await codeFingerprint([code])).not.toBe(before);
  });
});

describe("loading with the cache", () => {
  it("parses once, reuses after, rebuilds a corrupt entry, and misses after an edit or a new pipeline version", async () => {
    const root = path.join(dir, "project");
    const articles = Array.from({ length: 12 }, (_, i) => generateArticle(i));
    for (const article of articles) {
      await import("node:fs/promises").then(({ mkdir }) =>
        mkdir(path.dirname(path.join(root, "content/articles", article.path)), { recursive: true }),
      );
      await writeFile(path.join(root, "content/articles", article.path), article.text);
    }
    const cacheDir = path.join(dir, "cache");
    const load = async () => {
      let stats: { cached: number; parsed: number } | undefined;
      const loaded = await loadArticles({ root, parseFiles: cachedParallelParser({ cacheDir, onStats: (s) => (stats = s) }) });
      return { ...loaded, stats: stats! };
    };

    const plain = await loadArticles({ root });
    const first = await load();
    expect(first.stats).toMatchObject({ cached: 0, parsed: 12 });
    expect(first.records).toEqual(plain.records);
    expect(first.problems).toEqual(plain.problems);

    const second = await load();
    expect(second.stats).toMatchObject({ cached: 12, parsed: 0 });
    expect(second.records).toEqual(plain.records);

    const [entry] = await entryFiles(cacheDir);
    await writeFile(entry!, "garbage");
    const third = await load();
    expect(third.stats).toMatchObject({ cached: 11, parsed: 1 });
    expect(third.records).toEqual(plain.records);
    expect((await load()).stats).toMatchObject({ cached: 12, parsed: 0 });

    const edited = path.join(root, "content/articles", articles[5]!.path);
    await writeFile(edited, `${articles[5]!.text}\nOne more line.\n`);
    const afterEdit = await load();
    expect(afterEdit.stats).toMatchObject({ cached: 11, parsed: 1 });
    expect(afterEdit.records.find((r) => r.file.endsWith(articles[5]!.path))?.text).toMatch(/One more line\.$/);
    // The entry of the text before the edit is gone: one entry per article, build after build.
    expect(await entryFiles(cacheDir)).toHaveLength(12);
  });

  it("writes new entries a bounded number at a time (100,000 at once ran out of file handles)", async () => {
    const root = path.join(dir, "project");
    const count = FILE_CONCURRENCY * 3;
    for (let i = 0; i < count; i++) {
      const article = generateArticle(i);
      await mkdir(path.dirname(path.join(root, "content/articles", article.path)), { recursive: true });
      await writeFile(path.join(root, "content/articles", article.path), article.text);
    }
    let writing = 0;
    let most = 0;
    const set = RecordCache.prototype.set;
    const spy = vi.spyOn(RecordCache.prototype, "set").mockImplementation(async function (this: RecordCache, ...args) {
      most = Math.max(most, ++writing);
      try {
        return await set.apply(this, args);
      } finally {
        writing--;
      }
    });
    try {
      let stats: { parsed: number; cacheWriteErrors: number } | undefined;
      await loadArticles({
        root,
        parseFiles: cachedParallelParser({ cacheDir: path.join(dir, "cache"), threads: 0, onStats: (s) => (stats = s) }),
      });
      expect(stats).toMatchObject({ parsed: count, cacheWriteErrors: 0 });
      expect(spy).toHaveBeenCalledTimes(count);
      expect(most).toBeLessThanOrEqual(FILE_CONCURRENCY);
      expect((await entryFiles(path.join(dir, "cache"))).length).toBe(count);
    } finally {
      spy.mockRestore();
    }
  });

  it("misses every entry when the pipeline version changes", async () => {
    const article = generateArticle(7);
    const file = `content/articles/${article.path}`;
    const current = new RecordCache({ dir });
    const key = current.keyOf(file, bytesOf(article.text));
    await current.set(key, parsed(file, article.text));
    const next = new RecordCache({ dir, pipelineVersion: 1_000_000 });
    const nextKey = next.keyOf(file, bytesOf(article.text));
    expect(nextKey).not.toBe(key);
    expect(next.get(nextKey, file)).toBeUndefined();
  });
});

describe("what a build keeps of its records once loaded", () => {
  // Bodies of 200,000 characters in HTML and as much in text: twelve records' entries are some 5 MB, far above the
  // few kilobytes their digests and entries take, and above what the heap moves by between two collections.
  const WORDS = 40_000;
  const COUNT = 12;
  const BODIES_BYTES = COUNT * WORDS * 5 * 2;

  it("a record's digest, written or read back, holds none of its entry's text", async () => {
    const base = parsed(file(0), generateArticle(0).text);
    const keys = Array.from({ length: COUNT }, (_, i) => sha256(`key ${i}`));
    // The records are made and dropped in a function of their own: an async function's frame may hold its
    // temporaries (the awaited records) until it ends.
    const digestsOf = async (records: () => Promise<ArticleRecord[]>) => (await records()).map(recordDigest);
    const keptBy = async (records: () => Promise<ArticleRecord[]>) => {
      const before = liveHeapBytes();
      const digests = await digestsOf(records);
      const kept = liveHeapBytes() - before;
      expect(new Set(digests).size).toBe(COUNT);
      return kept;
    };
    const cache = new RecordCache({ dir });
    const written = await keptBy(async () => {
      const records = keys.map((_, i) => ({ ...base, html: `<p>${"word ".repeat(WORDS)}${i}</p>`, text: `${"word ".repeat(WORDS)}${i}` }));
      for (const [i, record] of records.entries()) await cache.set(keys[i]!, record);
      return records;
    });
    const read = await keptBy(async () => keys.map((key) => new RecordCache({ dir }).get(key, base.file)!));
    expect(written).toBeLessThan(BODIES_BYTES / 10);
    expect(read).toBeLessThan(BODIES_BYTES / 10);
  });

  it("the cache writes left for after the load let go of the records they wrote", async () => {
    const root = path.join(dir, "project");
    for (let i = 0; i < COUNT; i++) {
      const { text, path: relative } = generateArticle(i);
      await mkdir(path.dirname(path.join(root, "content/articles", relative)), { recursive: true });
      await writeFile(path.join(root, "content/articles", relative), `${text}\n${"word ".repeat(WORDS)}\n`);
    }
    let commit: (() => Promise<void>) | undefined;
    // What the build keeps: the entries without their bodies, and the commit it was handed (see `keptBy` above).
    const load = async () => {
      const loaded = await loadArticles({
        root,
        parseFiles: cachedParallelParser({ cacheDir: path.join(dir, "cache"), threads: 1, deferCacheWrites: (write) => (commit = write) }),
      });
      await commit!();
      return loaded.records.map(entryOf);
    };
    const before = liveHeapBytes();
    const entries = await load();
    const kept = liveHeapBytes() - before;
    expect(entries).toHaveLength(COUNT);
    expect(commit).toBeDefined();
    expect((await entryFiles(path.join(dir, "cache"))).length).toBe(COUNT);
    expect(kept).toBeLessThan(BODIES_BYTES / 10);
  });
});

function file(i: number): string {
  return `content/articles/${generateArticle(i).path}`;
}
