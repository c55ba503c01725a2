/**
 * The page's reference style is APA cut down for speed; a reference standing
 * alone must read exactly as APA writes it, once corrected not to write
 * "Retrieved" with no date to retrieve on.
 */
import { describe, expect, it } from "vitest";
import { plugins } from "@citation-js/core";
import {
  articleToCslItem,
  cslItemToReferenceHtml,
  REFERENCE_STYLE,
  retrievedOnlyWithDate,
  styleForLoneReferences,
  type CslItem,
} from "../../src/exports/citations.ts";
import { parseArticle } from "../../src/records/parse-article.ts";
import { generateArticle } from "../../src/bench/generate-corpus.ts";

const styles = (
  plugins.config.get("@csl") as { styles: { get(name: string): string; has(name: string): boolean; add(name: string, xml: string): void } }
).styles;
const CORRECTED_APA = "apa-retrieved-only-with-date";
if (!styles.has(CORRECTED_APA)) styles.add(CORRECTED_APA, retrievedOnlyWithDate(styles.get("apa")));
const site = { baseUrl: "https://archive.example.org", title: "Hemeroteca" } as Parameters<typeof articleToCslItem>[1]["site"];

const base: CslItem = {
  id: "x",
  "citation-key": "x",
  type: "article-newspaper",
  title: "Paro nacional",
  "container-title": "Unidad",
  URL: "https://archive.example.org/2023/x/",
  language: "es",
  archive: "Hemeroteca",
};
const names = (count: number) => Array.from({ length: count }, (_, index) => ({ literal: `Autor ${index + 1}` }));
const handmade: CslItem[] = [
  base,
  { ...base, author: names(1), issued: { "date-parts": [[2023, 1, 9]] } },
  { ...base, author: names(2), issued: { "date-parts": [[2022, 12]] }, issue: "412", page: "3" },
  { ...base, author: names(3), issued: { "date-parts": [[2022]], circa: true } },
  {
    ...base,
    author: names(25),
    issued: {
      "date-parts": [
        [2022, 12, 7],
        [2023, 2, 1],
      ],
    },
    abstract: "Resumen",
  },
  { ...base, title: "Title: with a colon? And a question", language: "en" },
];
const generated = Array.from({ length: 60 }, (_, index) => {
  const article = generateArticle(index);
  const parsed = parseArticle(`content/articles/${article.path}`, new TextEncoder().encode(article.text));
  if (!parsed.ok) throw new Error(`generated article ${index} did not parse`);
  return articleToCslItem(parsed.record, { site });
});

const reference = (item: CslItem, template: string, lang: string) =>
  String(plugins.output.format("bibliography", [item], { format: "html", template, lang }));

describe("the reference style", () => {
  it("leaves out the sort, the in-text form and the disambiguation", () => {
    const style = styleForLoneReferences(retrievedOnlyWithDate(styles.get("apa")));
    expect(style).not.toMatch(/disambiguate-add|givenname-disambiguation-rule/);
    expect(style).not.toMatch(/<bibliography[^>]*><sort>/);
    expect(/<citation[\s\S]*?<\/citation>/.exec(style)?.[0]).not.toContain("author-short");
    expect(styles.get(REFERENCE_STYLE)).toBe(style);
  });

  it.each(["en-US", "es-ES"])("writes every lone reference exactly as APA does (%s)", (lang) => {
    const items = [...handmade, ...generated];
    expect(items.filter((item) => item.author).length).toBeGreaterThan(20);
    expect(items.filter((item) => !item.issued).length).toBeGreaterThan(2);
    for (const item of items) expect(reference(item, REFERENCE_STYLE, lang)).toBe(reference(item, CORRECTED_APA, lang));
    // The correction touches undated works only.
    for (const item of items.filter((item) => item.issued)) expect(reference(item, CORRECTED_APA, lang)).toBe(reference(item, "apa", lang));
  });

  it('writes no "Retrieved" for an undated article, which has no date to retrieve it on', () => {
    expect(reference(base, "apa", "en-US")).toContain("Retrieved https://");
    expect(cslItemToReferenceHtml(base, "en")).toBe(
      "Paro nacional. (n.d.). <i>Unidad</i>. Hemeroteca. https://archive.example.org/2023/x/",
    );
    // The Spanish locale writes "s. f." with a no-break space.
    expect(cslItemToReferenceHtml(base, "es")).toBe(
      "Paro nacional. (s.\u00a0f.). <i>Unidad</i>. Hemeroteca. https://archive.example.org/2023/x/",
    );
  });

  it('writes no period after a title its source cut short with "…", as after "..." or "?"', () => {
    const dated = { ...base, author: names(1), issued: { "date-parts": [[2023, 1, 9]] } };
    expect(reference({ ...dated, title: "Paro nacional…" }, REFERENCE_STYLE, "es-ES")).toContain("Paro nacional…. <i>");
    expect(cslItemToReferenceHtml({ ...dated, title: "Paro nacional…" }, "es")).toBe(
      "Autor 1. (2023, enero 9). Paro nacional… <i>Unidad</i>. Hemeroteca. https://archive.example.org/2023/x/",
    );
    expect(cslItemToReferenceHtml({ ...dated, title: "Paro nacional..." }, "es")).toContain("Paro nacional... <i>");
    // Only the title's closing "…" counts: "…." inside a title is the title's own text. With no
    // author the title leads the reference, and the period after it goes the same way.
    expect(cslItemToReferenceHtml({ ...base, title: "Wait…. Then <what>…", language: "en" }, "en")).toBe(
      "Wait…. Then &#60;what&#62;… (n.d.). <i>Unidad</i>. Hemeroteca. https://archive.example.org/2023/x/",
    );
    expect(cslItemToReferenceHtml({ ...dated, title: "¿Paro…?" }, "en")).toContain("¿Paro…? <i>");
  });

  it('still writes "Retrieved …, from" where a work has an access date', () => {
    const accessed = { ...base, accessed: { "date-parts": [[2024, 3, 1]] } } as CslItem;
    expect(reference(accessed, REFERENCE_STYLE, "en-US")).toContain("Retrieved March 1, 2024, from https://archive.example.org/2023/x/");
  });
});
