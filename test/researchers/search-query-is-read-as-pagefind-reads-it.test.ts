/**
 * A reader's query, read as Pagefind reads it (punctuation dropped, case and
 * accents ignored, each word stemmed in the index's language), becomes an
 * FTS5 query that matches as Pagefind does and has no FTS5 syntax of its own.
 */
import { describe, expect, it } from "vitest";
import { termsToFtsQuery, type Vocabulary } from "../../src/exports/fts-query.ts";
import { queryToTerms, textToIndexWords, stemmerFor } from "../../src/exports/search-words.ts";

const vocabulary = (words: string[]): Vocabulary => ({
  hasWordStartingWith: (prefix) => words.some((word) => word.startsWith(prefix)),
  has: (word) => words.includes(word),
});

describe("queryToTerms", () => {
  it.each([
    ["Perú", "en", ["peru"]],
    ["protests", "en", ["protest"]],
    ["huelgas", "es", ["huelg"]],
    ["represión", "es", ["represion"]],
    ["strik*", "en", ["strik"]],
    ["state-of-emergency", "en", ["stateofemerg"]],
    ["  paro   nacional ", "es", ["par", "nacional"]],
    ["AND OR NOT(", "en", ["and", "or", "not"]],
  ] as const)("%s in an index of %s -> %j", (query, language, terms) => {
    expect(queryToTerms(query, language)).toEqual({ terms, exact: false });
  });

  it("searches a query wholly in double quotes as a phrase, and only such a query", () => {
    expect(queryToTerms('"paro nacional"', "es")).toEqual({ terms: ["par", "nacional"], exact: true });
    expect(queryToTerms('"paro" nacional', "es").exact).toBe(false);
  });

  it.each(["", "   ", "-", "***", '""', "( )", "¿?"])("finds no words in %j", (query) => {
    expect(queryToTerms(query, "en").terms).toEqual([]);
  });
});

describe("textToIndexWords", () => {
  it("indexes a word without its punctuation, and a compound word's parts beside it", () => {
    expect(textToIndexWords("Perú, state-of-emergency “Against COVID19", stemmerFor("en"))).toEqual({
      words: "peru stateofemerg against covid19",
      parts: "state of emergenc “against covid 19",
    });
  });
});

describe("termsToFtsQuery", () => {
  const words = vocabulary(["protest", "protestor", "peru", "peruvian", "lima"]);

  it("matches each term as a prefix of the indexed words, all terms required", () => {
    expect(termsToFtsQuery({ terms: ["protest", "lima"], exact: false }, words).match).toBe('"protest"* AND "lima"*');
  });

  it("falls back on the longest indexed word a term begins with when it begins none", () => {
    expect(termsToFtsQuery({ terms: ["peruvianism"], exact: false }, words)).toEqual({
      match: '"peruvian"',
      words: [{ word: "peruvian", prefix: false }],
    });
  });

  it("leaves out a term that matches neither way, and finds nothing when no term matches", () => {
    expect(termsToFtsQuery({ terms: ["peru", "zzxqv"], exact: false }, words).match).toBe('"peru"*');
    expect(termsToFtsQuery({ terms: ["zzxqv"], exact: false }, words).match).toBeUndefined();
  });

  it("asks for a phrase of exact words, and nothing when one of them is not indexed", () => {
    expect(termsToFtsQuery({ terms: ["peru", "lima"], exact: true }, words).match).toBe('{title summary text meta} : "peru lima"');
    expect(termsToFtsQuery({ terms: ["peru", "lim"], exact: true }, words).match).toBeUndefined();
  });

  it("quotes what FTS5 would read as syntax", () => {
    expect(termsToFtsQuery({ terms: ['a"b'], exact: false }, vocabulary(['a"bc'])).match).toBe('"a""b"*');
  });
});
