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

export function detectLayout(lines: readonly Line[], publication?: string): SourceKind {
  const paragraphs = toParagraphs(lines);
  const entries = paragraphs.filter((block) => INDEX_ENTRY.test(block.text)).length;
  if (entries >= 3) return "print-issue";
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
  return article && !changesSubjectThroughout(units);
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
