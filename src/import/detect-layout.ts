/**
 * Which kind of page this is, from its shape alone (no site rules):
 *   - a print issue has an index of articles with page numbers;
 *   - a single article has paragraphs of running text under at most one
 *     headline, one byline, one date line and one read-more link;
 *   - or its main text, found by density, holds most of the page's prose
 *     among chrome (captions, credits, ads, related links), with nothing
 *     repeating as a listing's items do;
 *   - anything else is a listing of items, among them a list of teasers
 *     without headlines (its paragraphs keep changing subject), and a run of whole
 *     articles (each a headline and paragraphs of text, on subjects of
 *     their own), which reads as one article by density.
 */
import { toParagraphs, toUnits } from "./blocks.ts";
import { articleStreamParts } from "./article-stream.ts";
import { classifyUnit, type Unit } from "./classify-units.ts";
import { topicCuts } from "./lexical-cohesion.ts";
import { findMainText, isProse, listingInside, looksLikeArticle } from "./main-text.ts";
import type { Line, SourceKind } from "./types.ts";

const INDEX_ENTRY = /\S\s*(?:\.{3,}|…+)\s*\d{1,3}$/;

/** `Pág. 8`, `PÁGINAS 2 E 3`, `Page 1`: a jump line or page marker closing a line. */
const PAGE_REFERENCE = /(?:^|\s)(?:p[áa]g(?:ina)?s?\.?|page)\s*\d{1,3}(?:\s+(?:e|y|and|&)\s+\d{1,3})?\s*$/iu;
/** `Nº 832`, `Ano XX`, `Año 5`, `Vol. 3`, `Issue 12`: an issue's number. */
const ISSUE_NUMBER = /(?:^|\s)(?:N[º°o]\.?\s*\d+|An[oõ]\s+[IVXLC\d]+|Año\s+[IVXLC\d]+|Vol\.\s*\d+|Edición\s+\d+|Issue\s+\d+)\b/u;

/**
 * How many of the marks of a page converted from print the page shows: page references (two or more;
 * three or more count twice: a web page prints one, its pagination), different page numbers alone on a
 * line, an issue's number, and lines broken inside a sentence (the printed column's width).
 */
export function printCues(lines: readonly Line[]): number {
  const texts = lines.map((line) => line.text);
  const references = texts.filter((text) => PAGE_REFERENCE.test(text)).length;
  // Counters (`0` comments under each item) repeat one number; a printed issue's folios differ.
  const folios = new Set(texts.filter((text) => /^\s*[1-9]\d{0,2}\s*$/.test(text)).map((text) => text.trim())).size;
  const issue = texts.some((text) => ISSUE_NUMBER.test(text));
  let wrapped = 0;
  for (let i = 0; i + 1 < texts.length; i++) {
    const line = texts[i]!;
    const next = texts[i + 1]!;
    if (line.trim() !== "" && !/[.!?:;"”»)\]]\s*$/.test(line) && /^\s*\p{Ll}/u.test(next)) wrapped++;
  }
  const nonBlank = texts.filter((text) => text.trim() !== "").length;
  return (
    (references >= 3 ? 2 : references >= 2 ? 1 : 0) +
    (folios >= 2 ? 1 : 0) +
    (issue ? 1 : 0) +
    (wrapped >= 5 && wrapped >= 0.1 * nonBlank ? 1 : 0)
  );
}

export function detectLayout(lines: readonly Line[], publication?: string): SourceKind {
  const paragraphs = toParagraphs(lines);
  const entries = paragraphs.filter((block) => INDEX_ENTRY.test(block.text)).length;
  if (entries >= 3 || printCues(lines) >= 2) return "print-issue";
  return readsAsOneArticle(lines, publication) && !articleStreamParts(lines, publication) ? "article" : "listing";
}

/** Whether the page's shape is a single article's: one headline over running text, or a main text holding most of its prose. */
export function readsAsOneArticle(lines: readonly Line[], publication?: string): boolean {
  const units = toUnits(lines).map((block) => classifyUnit(block, publication));
  const texts = units.filter((unit) => unit.kind === "text");
  const prose = texts.filter((unit) => unit.block.words >= 30 && unit.h < 0).length;
  const headlines = texts.filter((unit) => unit.h >= 1.5 && unit.block.words <= 20).length;
  const bylines = units.filter((unit) => unit.kind === "byline").length;
  const dates = units.filter((unit) => unit.kind === "date").length;
  const readMore = units.filter((unit) => unit.kind === "read-more").length;
  const oneHead = headlines <= 1 && bylines <= 1 && dates <= 1 && readMore <= 1;
  // Short lines among the paragraphs (other than the headline) are what a listing's headlines look like:
  // when in doubt, a page is a listing.
  const short = texts.filter((unit) => unit.block.words < 30).length - Math.min(headlines, 1);
  // Headlines in capitals run in with their paragraphs (`HEADLINE: CITY (AP) — ...`) open a listing's items.
  if (texts.filter((unit) => unit.runInHead !== undefined).length >= 2) return false;
  const article = (oneHead && prose >= 2 && short <= 1 && !listingInside(units)) || looksLikeArticle(units);
  return article && !changesSubjectThroughout(units) && !cutShortTeasers(units) && !partedBySeparators(units);
}

/** A paragraph the site cut off with an ellipsis (`... the committee has...`, `[…]`). */
const CUT_SHORT = /(?:\.{3}|…)\s*[\])]?\s*$/u;

/**
 * A list of teasers a site cut to a length: most of its paragraphs of prose (three or more) end in an
 * ellipsis. An article's paragraphs end in full stops; a quotation trailing off is one paragraph, not most.
 */
export function cutShortTeasers(units: readonly Unit[]): boolean {
  const prose = units.filter((unit) => unit.kind === "text" && unit.block.words >= 18 && !unit.captionCue);
  const cut = prose.filter((unit) => CUT_SHORT.test(unit.block.text)).length;
  return cut >= 3 && cut >= 0.5 * prose.length;
}

/** A line of no letters or digits (`-`, `***`, `———`). */
const isSeparator = (unit: Unit) => unit.kind === "boilerplate" && !/[\p{L}\p{N}]/u.test(unit.block.text);

/**
 * Paragraphs parted by separator lines, nearly each from the next (three gaps or more, and three in four
 * of them): each is an item of a listing. An article's section breaks part runs of several paragraphs.
 */
export function partedBySeparators(units: readonly Unit[]): boolean {
  let gaps = 0;
  let parted = 0;
  let previous = -1;
  units.forEach((unit, index) => {
    if (unit.kind !== "text" || unit.block.words < 18) return;
    if (previous >= 0) {
      gaps++;
      if (units.slice(previous + 1, index).some(isSeparator)) parted++;
    }
    previous = index;
  });
  return parted >= 3 && parted >= 0.75 * gaps;
}

/**
 * A list of teasers without headlines reads as one run of prose; what gives it away is that its paragraphs
 * keep changing subject: most of them share no content words with any paragraph before or after them.
 * An article's paragraphs come back to its people and places.
 */
export function changesSubjectThroughout(units: readonly Unit[]): boolean {
  const main = findMainText(units);
  if (!main) return false;
  const prose = units.slice(main.start, main.end + 1).filter(isProse);
  if (prose.length < 5) return false;
  const cuts = topicCuts(prose.map((unit) => unit.block.text)).length;
  return cuts >= 3 && cuts >= 0.6 * (prose.length - 1);
}
