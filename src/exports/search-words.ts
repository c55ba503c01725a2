/**
 * Words as Pagefind 1.5 indexes and searches them, so that `npm run search`
 * finds what the site's search finds. What each function mirrors, in
 * Pagefind's source (github.com/Pagefind/pagefind, v1.5.2):
 *
 * - `textToIndexWords`: `pagefind/src/fossick/splitting.rs`, `get_indexable_words`,
 *   over the text split at whitespace (`fossick/mod.rs`, `parse_digest` and
 *   `parse_meta_words`): a word keeps its letters, digits and Pagefind's
 *   "include characters" (`_` and the other connector punctuation), lowercased,
 *   without diacritics, stemmed; a word with other characters inside
 *   (`state-of-emergency`, `“Against`, `COVID19`) is also indexed as its parts,
 *   split at ASCII punctuation and case or digit changes (Rust's `convert_case`
 *   0.11, `to_case(Case::Lower)`), parts of one character left out.
 * - `queryToTerms`: `pagefind_web_js/lib/coupled_search.ts`, `search`: the
 *   query's punctuation is removed (not made a space), it is lowercased and
 *   loses its diacritics; it is an exact (phrase) search only when the whole
 *   query is in double quotes; each space-separated term is stemmed
 *   (`pagefind_web/src/search.rs`, `stems_from_term`).
 *
 * Stemming is Snowball's, of the index's one language: the site indexes every
 * article in its interface language (`forceLanguage`), so a Spanish article on
 * an English site is stemmed as English, by Pagefind and here alike. Pagefind
 * 1.5 uses Snowball 3.0's algorithms; `multilingual-stemmer` is Snowball 3.x
 * compiled to WebAssembly.
 */
import { createStemmer } from "multilingual-stemmer";
import type { IsoCode } from "multilingual-stemmer";

/** Pagefind's default `include_characters` (Unicode's connector punctuation), kept inside words. */
const INCLUDE_CHARACTERS = new Set(["_", "‿", "⁀", "⁔", "︳", "︴", "﹍", "﹎", "﹏", "＿"]);

/** The languages Pagefind stems (`fossick/mod.rs`, `get_stemmer`), each with Snowball's algorithm for it; any other is not stemmed. */
const STEMMED: ReadonlySet<IsoCode> = new Set<IsoCode>([
  "ar",
  "hy",
  "eu",
  "ca",
  "da",
  "nl",
  "en",
  "fi",
  "fr",
  "de",
  "el",
  "hi",
  "hu",
  "id",
  "ga",
  "it",
  "lt",
  "ne",
  "no",
  "pl",
  "pt",
  "ro",
  "ru",
  "sr",
  "es",
  "sv",
  "ta",
  "tr",
  "yi",
]);

export type Stem = (word: string) => string;

const stemmers = new Map<string, Stem>();

/** The stemmer of an index language (`en`, `es-PE`...), remembering each word's stem: an archive repeats its words. */
export function stemmerFor(language: string): Stem {
  const primary = language.split("-")[0]!.toLowerCase();
  let stem = stemmers.get(primary);
  if (!stem) {
    if (!STEMMED.has(primary as IsoCode)) stem = (word) => word;
    else {
      const stemmer = createStemmer(primary as IsoCode);
      const known = new Map<string, string>();
      stem = (word) => {
        let stemmed = known.get(word);
        if (stemmed === undefined) {
          stemmed = stemmer(word);
          if (known.size < 500_000) known.set(word, stemmed);
        }
        return stemmed;
      };
    }
    stemmers.set(primary, stem);
  }
  return stem;
}

/** Rust's `char::is_alphanumeric`: Unicode Alphabetic or Numeric. */
const ALPHANUMERIC = /^[\p{Alphabetic}\p{N}]$/u;
/** `str::is_ascii_punctuation`. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const EMOJI = /\p{Emoji}/u;
/** Whole emoji, flags and sequences included (the `v` flag, written so for TypeScript's ES2022 target). */
const RGI_EMOJI = new RegExp("^\\p{RGI_Emoji}$", "v");
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** `normalize_diacritics`: café -> cafe. */
export function foldDiacritics(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

/** Rust's `to_lowercase` on one character, and `make_ascii_lowercase` before it (the same for every character). */
function isUpper(grapheme: string): boolean {
  return grapheme.toUpperCase() !== grapheme.toLowerCase() && grapheme === grapheme.toUpperCase();
}
function isLower(grapheme: string): boolean {
  return grapheme.toUpperCase() !== grapheme.toLowerCase() && grapheme === grapheme.toLowerCase();
}
function isDigit(grapheme: string): boolean {
  return /^[0-9]+$/.test(grapheme);
}

/**
 * `convert_case` 0.11 `to_case(Case::Lower)` with its default boundaries:
 * words split at `_`, `-` and spaces (which go), and before a change from
 * lower to upper case, between letters and ASCII digits, and before the last
 * capital of an acronym (`HTMLParser` -> `html parser`); then lowercased.
 */
function toLowerCaseWords(text: string): string {
  const parts = [...graphemes.segment(text)].map((s) => s.segment);
  const words: string[] = [];
  let word = "";
  for (let i = 0; i < parts.length; i++) {
    const [a, b, c] = [parts[i]!, parts[i + 1], parts[i + 2]];
    if (a === "_" || a === "-" || a === " ") {
      words.push(word);
      word = "";
      continue;
    }
    word += a;
    if (b === undefined) continue;
    const split =
      (isLower(a) && isUpper(b)) ||
      (isLower(a) && isDigit(b)) ||
      (isUpper(a) && isDigit(b)) ||
      (isDigit(a) && isLower(b)) ||
      (isDigit(a) && isUpper(b)) ||
      (isUpper(a) && isUpper(b) && c !== undefined && isLower(c));
    if (split) {
      words.push(word);
      word = "";
    }
  }
  words.push(word);
  return words.map((w) => w.toLowerCase()).join(" ");
}

/** The stems Pagefind indexes for one whitespace-free piece of text: the whole word first, then its parts and emoji. */
export function wordToIndexWords(raw: string, stem: Stem): { word: string | undefined; parts: string[] } {
  let normalized = "";
  for (const c of raw) if (ALPHANUMERIC.test(c) || INCLUDE_CHARACTERS.has(c)) normalized += c.toLowerCase();
  const word = normalized ? stem(foldDiacritics(normalized)) : undefined;
  const parts: string[] = [];
  const chars = [...raw];
  const possiblyCompound =
    chars.some((c) => !ALPHANUMERIC.test(c)) || chars.slice(1).some((c) => c !== c.toLowerCase() && c === c.toUpperCase());
  if (!possiblyCompound) return { word, parts };
  const discrete = toLowerCaseWords(raw.replace(ASCII_PUNCTUATION, " ")).split(/\s+/).filter(Boolean).join(" ");
  if (normalized && (/\s/.test(discrete) || !normalized.startsWith(discrete))) {
    // Pagefind counts a part's length in bytes.
    for (const part of discrete.split(/\s+/)) if (Buffer.byteLength(part) > 1) parts.push(stem(foldDiacritics(part)));
  }
  if (EMOJI.test(raw)) for (const { segment } of graphemes.segment(raw)) if (RGI_EMOJI.test(segment)) parts.push(segment);
  return { word, parts };
}

type IndexWords = ReturnType<typeof wordToIndexWords>;
/** Each stemmer's words already read: an archive's text repeats its words, and reading one is most of the cost. */
const readWords = new WeakMap<Stem, Map<string, IndexWords>>();
const READ_WORDS_KEPT = 1_000_000;

/**
 * Every word of a text as Pagefind indexes it: the whole words in order (for
 * phrases), and the parts of compound words, each list space-separated (a
 * word holds no whitespace).
 */
export function textToIndexWords(text: string, stem: Stem): { words: string; parts: string } {
  let read = readWords.get(stem);
  if (!read) readWords.set(stem, (read = new Map()));
  const words: string[] = [];
  const parts: string[] = [];
  // Pagefind splits at whitespace and drops zero-width spaces from what it splits.
  for (const line of text.split(/\s+/)) {
    if (!line) continue;
    const raw = line.includes("\u200b") ? line.replaceAll("\u200b", "") : line;
    if (!raw) continue;
    let indexed = read.get(raw);
    if (!indexed) {
      indexed = wordToIndexWords(raw, stem);
      if (read.size < READ_WORDS_KEPT) read.set(raw, indexed);
    }
    if (indexed.word !== undefined) words.push(indexed.word);
    for (const part of indexed.parts) parts.push(part);
  }
  return { words: words.join(" "), parts: parts.join(" ") };
}

/** The punctuation Pagefind drops from a query, tested on each grapheme (its pattern's anchors as Pagefind writes them). */
const QUERY_PUNCTUATION = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;

export interface QueryTerms {
  /** The query's stemmed terms, in order; empty when nothing searchable is left. */
  terms: string[];
  /** The whole query was in double quotes: its words must appear in a row, each exactly. */
  exact: boolean;
}

/** A reader's query as Pagefind searches it in an index of `language`. */
export function queryToTerms(query: string, language: string, stem: Stem = stemmerFor(language)): QueryTerms {
  const exact = /^\s*".+"\s*$/.test(query);
  let locale: string | undefined;
  try {
    locale = Intl.getCanonicalLocales(language)[0];
  } catch {
    locale = undefined;
  }
  const kept: string[] = [];
  for (const { segment } of new Intl.Segmenter(locale, { granularity: "grapheme" }).segment(query)) {
    if (INCLUDE_CHARACTERS.has(segment)) kept.push(segment);
    else if (!QUERY_PUNCTUATION.test(segment)) kept.push(segment.toLocaleLowerCase());
  }
  const term = foldDiacritics(
    kept
      .join("")
      .replace(/\s{2,}/g, " ")
      .trim(),
  );
  return { terms: term ? term.split(" ").map(stem) : [], exact };
}
