/**
 * The search benchmark's fixed queries, taken from the corpus's own
 * vocabularies (word-lists.ts), so that every run and every machine searches
 * the same words: common ones (the most frequent word, and a dictionary word
 * found in thousands of articles at 10,000), rare ones (invented words far
 * down the Zipf tail, in a few dozen articles at 1,000 and a few hundred at 10,000),
 * and two-word searches, in both languages; and one search sorted newest
 * first (on Hemeroteca's page only: a stock Pagefind index of the article
 * pages has no date to sort by).
 */
import { ENGLISH_WORDS, lexiconOf, SPANISH_WORDS } from "./word-lists.ts";

export const QUERY_KINDS = ["common", "rare", "two words", "newest first"] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface SearchQuery {
  kind: QueryKind;
  query: string;
  /** The search page's `sort` in the address; by relevance without it. */
  sort?: "newest";
}

/** Zipf rank of the rare words: far below the dictionary words, yet present in a corpus of 1,000 articles. */
const RARE_RANK = 2_000;

function listed(words: readonly string[], word: string): string {
  if (!words.includes(word)) throw new Error(`The search benchmark's query word \`${word}\` is not in the corpus's word list`);
  return word;
}

/** The queries, in the order they are measured. */
export function searchQueries(): SearchQuery[] {
  const english = lexiconOf("en").words;
  const spanish = lexiconOf("es").words;
  return [
    { kind: "common", query: english[0]! },
    { kind: "common", query: listed(ENGLISH_WORDS, "garden") },
    { kind: "rare", query: english[RARE_RANK]! },
    { kind: "rare", query: spanish[RARE_RANK]! },
    { kind: "two words", query: `${listed(ENGLISH_WORDS, "hammer")} ${listed(ENGLISH_WORDS, "prepare")}` },
    { kind: "two words", query: `${listed(SPANISH_WORDS, "camino")} ${listed(SPANISH_WORDS, "agua")}` },
    { kind: "newest first", query: listed(ENGLISH_WORDS, "garden"), sort: "newest" },
  ];
}

/**
 * The search typed after `queries[index]` into the same page (in its sort): the next
 * query by relevance, the first after the last.
 */
export function furtherQuery(queries: readonly SearchQuery[], index: number): SearchQuery {
  for (let step = 1; step <= queries.length; step++) {
    const next = queries[(index + step) % queries.length]!;
    if (!next.sort) return next;
  }
  throw new Error("The search benchmark has no query by relevance to type after another");
}
