/** A reader's words become an FTS5 query with no syntax of its own: quoted words, phrases kept, `*` prefixes kept. */
import { describe, expect, it } from "vitest";
import { textToFtsQuery } from "../../src/exports/fts-query.ts";

describe("textToFtsQuery", () => {
  it.each([
    ["Juliaca", '"Juliaca"'],
    ["police massacre", '"police" "massacre"'],
    ['"paro nacional" Perú', '"paro nacional" "Perú"'],
    ["strik*", '"strik"*'],
    ["AND OR NOT", '"AND" "OR" "NOT"'],
    ["NEAR(juliaca", '"NEAR(juliaca"'],
    ["title:juliaca", '"title:juliaca"'],
    ['a"b', '"a""b"'],
    ['"unclosed phrase', '"unclosed phrase"'],
    ["-juliaca ^x", '"-juliaca" "^x"'],
  ])("%s -> %s", (input, expected) => {
    expect(textToFtsQuery(input)?.match).toBe(expected);
  });

  it.each(["", "   ", "-", "***", '""', "( )", "&&"])("finds no words in %j", (input) => {
    expect(textToFtsQuery(input)).toBeUndefined();
  });
});
