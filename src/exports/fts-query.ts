/**
 * A reader's query -> an FTS5 query over `search_words` (sqlite.ts) that
 * finds what Pagefind finds (`pagefind_web/src/search.rs`, v1.5.2):
 *
 * - each stemmed term matches every indexed word it begins (`find_word_extensions`):
 *   `protest` finds protests and protester, `huelg` huelgas; all terms must match;
 * - a term that begins no indexed word matches the longest indexed word that
 *   begins it instead (`peruvians` finds `peruvian` where only that is indexed);
 * - a term that matches neither way is left out of the query, as Pagefind
 *   leaves it out, unless no term matches at all: then nothing is found;
 * - a query wholly in double quotes is a phrase of exact words (`exact_term`).
 *
 * Every term is a quoted FTS5 string (`"` doubled), so no FTS5 syntax can come
 * from the reader's words.
 */
import type { QueryTerms } from "./search-words.ts";

/** What the query's words can match: the index's vocabulary. */
export interface Vocabulary {
  /** Whether some indexed word begins with `prefix` (or is it). */
  hasWordStartingWith(prefix: string): boolean;
  has(word: string): boolean;
}

export interface FtsQuery {
  /** The FTS5 MATCH expression; undefined when nothing can match. */
  match: string | undefined;
  /** The words searched for, each as a prefix or exact, for highlighting. */
  words: Array<{ word: string; prefix: boolean }>;
}

/** The columns of whole words, where a phrase is looked for (the parts of compound words are beside them). */
const PHRASE_COLUMNS = "{title summary text meta}";

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The longest word of the vocabulary that begins `term`, shorter than it. */
function longestIndexedPrefix(term: string, vocabulary: Vocabulary): string | undefined {
  const chars = [...term];
  for (let length = chars.length - 1; length > 0; length--) {
    const prefix = chars.slice(0, length).join("");
    if (vocabulary.has(prefix)) return prefix;
  }
  return undefined;
}

export function termsToFtsQuery({ terms, exact }: QueryTerms, vocabulary: Vocabulary): FtsQuery {
  if (terms.length === 0) return { match: undefined, words: [] };
  if (exact) {
    if (!terms.every((term) => vocabulary.has(term))) return { match: undefined, words: [] };
    return { match: `${PHRASE_COLUMNS} : ${quote(terms.join(" "))}`, words: terms.map((word) => ({ word, prefix: false })) };
  }
  const words: FtsQuery["words"] = [];
  for (const term of terms) {
    if (vocabulary.hasWordStartingWith(term)) words.push({ word: term, prefix: true });
    else {
      const prefix = longestIndexedPrefix(term, vocabulary);
      if (prefix !== undefined) words.push({ word: prefix, prefix: false });
    }
  }
  if (words.length === 0) return { match: undefined, words };
  return { match: words.map(({ word, prefix }) => (prefix ? `${quote(word)}*` : quote(word))).join(" AND "), words };
}
