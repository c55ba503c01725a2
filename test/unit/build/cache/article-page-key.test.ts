/**
 * An article's page is kept by a key of what it is made of (article-page-key.ts):
 * the key follows the record, the page's context and the code, and a record
 * read back from the record cache keys alike with the one parsing made.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateArticle } from "../../../../src/bench/generate-corpus.ts";
import { parseArticle } from "../../../../src/records/parse-article.ts";
import { RecordCache } from "../../../../src/records/record-cache.ts";
import { recordDigest } from "../../../../src/records/record-digest.ts";
import type { ArticleRecord } from "../../../../src/records/article-record.ts";
import { ArticlePageKeys } from "../../../../src/build/cache/article-page-key.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-page-key-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function parsed(file: string, text: string): ArticleRecord {
  const result = parseArticle(file, new TextEncoder().encode(text));
  if (!result.ok) throw new Error(`${file} should parse: ${JSON.stringify(result.problems)}`);
  return result.record;
}

describe("ArticlePageKeys", () => {
  const article = generateArticle(5);
  const file = `content/articles/${article.path}`;
  const context = {
    crumbs: [{ label: "Home", url: "/" }],
    previous: { permalink: "/2020/x/", title: "X", language: "en", parsedDate: null },
  };

  it("gives the same key for the same record, context and code, and another when any of them differs", async () => {
    const keys = await ArticlePageKeys.open();
    const record = parsed(file, article.text);
    const key = keys.keyOf(record, context);
    expect(keys.keyOf(parsed(file, article.text), structuredClone(context))).toBe(key);
    expect(keys.keyOf(parsed(file, article.text.replace(/\n\n(\w)/, "\n\nNew words. $1")), context)).not.toBe(key);
    expect(keys.keyOf(record, { ...context, previous: { ...context.previous, title: "Y" } })).not.toBe(key);
    expect(keys.keyOf(record, { ...context, next: context.previous })).not.toBe(key);
    expect((await ArticlePageKeys.open()).keyOf(record, context)).toBe(key);
  });

  it("knows a record read back from the record cache by the digest its entry was written with", async () => {
    const cache = new RecordCache({ dir });
    const record = parsed(file, article.text);
    const key = cache.keyOf(file, new TextEncoder().encode(article.text));
    await cache.set(key, record);
    const read = cache.get(key, file)!;
    expect(read).not.toBe(record);
    expect(recordDigest(read)).toBe(recordDigest(record));
    expect(recordDigest(parsed(file, article.text))).toBe(recordDigest(record));
    expect(recordDigest({ ...record, title: `${record.title}!` })).not.toBe(recordDigest(record));
  });
});
