/**
 * The benchmark corpus is the same bytes for the same seed, different for
 * another, and every file is a valid article: the archive-wide rules
 * (unique ids, translations, aliases, tag spellings) hold too.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { editArticleText, generateArticle, writeCorpus } from "../../../src/bench/generate-corpus.ts";
import { parseArticle } from "../../../src/records/parse-article.ts";
import type { ArticleRecord } from "../../../src/records/article-record.ts";
import { validateArchive } from "../../../src/records/validate-archive.ts";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function corpusHash(seed: number, articles: number): Promise<{ hash: string; files: string[]; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-corpus-"));
  dirs.push(dir);
  const files = await writeCorpus(dir, { articles, seed });
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(await readFile(path.join(dir, file)));
  return { hash: hash.digest("hex"), files, dir };
}

describe("the corpus generator", () => {
  it("writes the same bytes for the same seed", async () => {
    const [a, b] = [await corpusHash(7, 120), await corpusHash(7, 120)];
    expect(a.files).toEqual(b.files);
    expect(a.hash).toBe(b.hash);
  });

  it("writes other articles for another seed", async () => {
    expect((await corpusHash(8, 40)).hash).not.toBe((await corpusHash(7, 40)).hash);
  });

  it("makes article i independent of the corpus size", () => {
    expect(generateArticle(33, 5)).toEqual(generateArticle(33, 5));
  });

  it("writes only valid articles, with the mix the archive has", async () => {
    const count = 200;
    const records: ArticleRecord[] = [];
    for (let i = 0; i < count; i++) {
      const article = generateArticle(i);
      const result = parseArticle(`corpus/${article.path}`, new TextEncoder().encode(article.text));
      if (!result.ok) throw new Error(`generated article ${i} (${article.path}) has problems: ${JSON.stringify(result.problems)}`);
      records.push(result.record);
    }
    expect(validateArchive(records, () => ({ line: 1, column: 1 }))).toEqual([]);

    const precisions = new Set(records.map((r) => r.parsedDate?.start.precision ?? "undated"));
    expect([...precisions].sort()).toEqual(["day", "month", "undated", "year"]);
    expect(records.some((r) => r.parsedDate?.kind === "interval")).toBe(true);
    expect(records.some((r) => r.parsedDate?.start.uncertain || r.parsedDate?.start.approximate)).toBe(true);
    expect(new Set(records.map((r) => r.publication)).size).toBe(8);
    expect(new Set(records.map((r) => r.language))).toEqual(new Set(["en", "es"]));
    expect(Math.min(...records.map((r) => r.tags?.length ?? 0))).toBe(1);
    expect(Math.max(...records.map((r) => r.tags?.length ?? 0))).toBe(4);
    expect(new Set(records.flatMap((r) => r.tags ?? [])).size).toBeGreaterThan(50);
    expect(records.some((r) => r.translations?.length)).toBe(true);
    const words = records.map((r) => r.text.split(/\s+/).length);
    const average = words.reduce((sum, n) => sum + n, 0) / words.length;
    expect(average).toBeGreaterThan(550);
    expect(average).toBeLessThan(900);
    for (const tag of ["<h2", "<a href", "<ul>", "<ol>", "<blockquote>", "<strong>", "<em>"])
      expect(records.some((r) => r.html.includes(tag))).toBe(true);
  });

  it("edits an article into another valid one", () => {
    const article = generateArticle(10);
    const edited = editArticleText(article.text, 2);
    expect(edited).not.toBe(article.text);
    expect(editArticleText(article.text, 3)).not.toBe(edited);
    expect(parseArticle("x.md", new TextEncoder().encode(edited)).ok).toBe(true);
  });
});

describe("an interrupted corpus", () => {
  it("stops writing after the batch under way and rejects with the signal", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-corpus-"));
    dirs.push(dir);
    const stopping = new AbortController();
    const progress: number[] = [];
    const writing = writeCorpus(dir, {
      articles: 1000,
      stop: stopping.signal,
      onProgress: (written) => {
        progress.push(written);
        stopping.abort("SIGINT");
      },
    });
    await expect(writing).rejects.toBe("SIGINT");
    expect(progress).toEqual([200]);
    expect((await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())).toHaveLength(200);
  });
});
