/**
 * The words `npm run search` searches (the SQLite export's `search_words`)
 * are exactly the words of Pagefind's own index of the same articles: every
 * stem, every compound word's part, every searchable field, in an English and
 * in a Spanish index (the site's interface language decides which stemmer
 * Pagefind uses for all of its articles). Pagefind's index chunks are read
 * with an independent CBOR decoder.
 */
import { gunzipSync } from "node:zlib";
import { decode } from "cbor2";
import * as pagefind from "pagefind";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/archive/interface-messages.ts";
import { articleToSearchRecord } from "../../src/exports/search-record.ts";
import { stemmerFor } from "../../src/exports/search-words.ts";
import { articleToSearchColumns } from "../../src/exports/sqlite.ts";
import type { ArticleRecord } from "../../src/records/article-record.ts";
import { loadArticles } from "../../src/records/load-articles.ts";
import { projectRoot } from "../support/build-site.ts";
import { assertSiteTier } from "../support/tier.ts";
import { RESEARCH_ARTICLES } from "./research-site.ts";

/** The words of a Pagefind index: each chunk is gzip, then `pagefind_dcd`, then CBOR `[[word, pages, variants], ...]`. */
async function pagefindWords(articles: readonly ArticleRecord[], language: "en" | "es"): Promise<Set<string>> {
  const { index } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error("Pagefind returned no index");
  const messages = messagesFor(language);
  try {
    for (const article of articles) {
      const added = await index.addCustomRecord(articleToSearchRecord(article, messages));
      expect(added.errors).toEqual([]);
    }
    const { files } = await index.getFiles();
    const words = new Set<string>();
    for (const file of files.filter((f) => f.path.endsWith(".pf_index"))) {
      const bytes = gunzipSync(file.content);
      expect(new TextDecoder().decode(bytes.subarray(0, 12))).toBe("pagefind_dcd");
      const [entries] = decode(bytes.subarray(12)) as [Array<[string, ...unknown[]]>];
      for (const [word] of entries) words.add(word);
    }
    return words;
  } finally {
    await pagefind.close();
  }
}

function exportWords(articles: readonly ArticleRecord[], language: "en" | "es"): Set<string> {
  const stem = stemmerFor(language);
  const words = new Set<string>();
  for (const article of articles) {
    for (const column of Object.values(articleToSearchColumns(article, messagesFor(language), stem)))
      for (const word of column.split(" ")) if (word) words.add(word);
  }
  return words;
}

async function articlesIn(dir: string): Promise<ArticleRecord[]> {
  const { records, problems } = await loadArticles({ root: projectRoot, articlesDir: dir });
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  return records;
}

describe("the SQLite export's search words", () => {
  it.each([
    ["the research fixture", RESEARCH_ARTICLES, "en"],
    ["the research fixture", RESEARCH_ARTICLES, "es"],
    ["the shipped archive", "content/articles", "en"],
    ["the shipped archive", "content/articles", "es"],
  ] as const)("are Pagefind's words for %s (%s) in an index of language %s", async (_name, dir, language) => {
    assertSiteTier("runs Pagefind");
    const articles = await articlesIn(dir);
    const pagefindSide = await pagefindWords(articles, language);
    const exportSide = exportWords(articles, language);
    expect(pagefindSide.size).toBeGreaterThan(100);
    expect([...exportSide].filter((word) => !pagefindSide.has(word)).sort(), "words only the export has").toEqual([]);
    expect([...pagefindSide].filter((word) => !exportSide.has(word)).sort(), "words only Pagefind has").toEqual([]);
  });
});
