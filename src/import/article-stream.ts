/**
 * A run of whole articles on one page: an article page that goes on into the
 * next articles of its section, or an author page printing each article in
 * full. Each article is a headline followed by several paragraphs of running
 * text; read as a single article the page would swallow all but the first,
 * and read as headline + teaser pairs each paragraph would become an item.
 *
 * Found by shape: two or more heads (a headline-like line of a headline's
 * length, not a sentence) each followed by at least two paragraphs of prose
 * (the last by one: pages are often cut off), with the parts on different
 * subjects (they share few content words), so an article's own long
 * crosshead does not cut it in two. Each part is then read as an article.
 */
import { toUnits } from "./blocks.ts";
import { classifyUnit, markRepeats, type Unit } from "./classify-units.ts";
import { contentStems } from "./lexical-cohesion.ts";
import { isProse } from "./main-text.ts";
import { headingLevel } from "./markdown-text.ts";
import type { Line } from "./types.ts";

/** Words a head has: a crosshead or a label is shorter, a sentence of text longer. */
const MIN_HEAD_WORDS = 5;
const MAX_HEAD_WORDS = 25;
/** Parts sharing more of their content words than this are one article. */
const MAX_SHARED = 0.2;

/** A headline-like line of a headline's length; under a label or other page furniture, a weaker likeness will do. */
function isHeadCandidate(unit: Unit, underFurniture: boolean): boolean {
  if (unit.kind !== "text" || unit.captionCue || unit.nameOnly || isProse(unit)) return false;
  if (unit.block.words < MIN_HEAD_WORDS || unit.block.words > MAX_HEAD_WORDS) return false;
  return unit.h >= (underFurniture ? 0.5 : 1.5) || headingLevel(unit.block.lines[0]!.text) > 0;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const stem of a) if (b.has(stem)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** The heads of a run of whole articles (unit indices), or undefined when the page is not one. */
export function articleStreamHeads(units: readonly Unit[]): number[] | undefined {
  const candidates: number[] = [];
  let previous: Unit | undefined;
  let furniture = true;
  units.forEach((unit, i) => {
    if (unit.kind === "boilerplate") {
      furniture = true;
      return;
    }
    // A headline-like line right under another is its dek, not a new head.
    const head = isHeadCandidate(unit, furniture);
    if (head && !(previous && isHeadCandidate(previous, false))) candidates.push(i);
    previous = unit;
    furniture = false;
  });
  // From the bottom up: a candidate followed by less than two paragraphs of prose before the next head (the
  // last by less than one) heads no article (a related link, a caption-like line, a cut-off last line): it
  // stays inside the part above.
  const heads: number[] = [];
  let end = units.length;
  for (let k = candidates.length - 1; k >= 0; k--) {
    const prose = units.slice(candidates[k]! + 1, end).filter(isProse).length;
    if (prose >= (heads.length === 0 ? 1 : 2)) {
      heads.unshift(candidates[k]!);
      end = candidates[k]!;
    }
  }
  if (heads.length < 2) return undefined;
  const parts = heads.map((head, k) => units.slice(head + 1, heads[k + 1] ?? units.length).filter(isProse));
  const stems = heads.map((head, k) => contentStems([units[head]!, ...parts[k]!].map((unit) => unit.block.text).join(" ")));
  for (let k = 1; k < stems.length; k++) if (overlap(stems[k - 1]!, stems[k]!) > MAX_SHARED) return undefined;
  return heads;
}

export interface StreamPart {
  lines: Line[];
  /** The line of the part's headline. */
  headline: number;
}

/** The page's lines cut into its articles (the first part holding the page header), or undefined. */
export function articleStreamParts(lines: readonly Line[], publication?: string): StreamPart[] | undefined {
  const units = markRepeats(toUnits(lines).map((block) => classifyUnit(block, publication)));
  const heads = articleStreamHeads(units);
  if (!heads) return undefined;
  const starts = heads.map((head) => units[head]!.block.first);
  // A short label right above a head (`Sports`) is the next article's, as page header of its part.
  const labelAbove = (head: number) => {
    const above = units[head - 1];
    return above && above.kind !== "byline" && above.kind !== "date" && above.block.words <= 3 && !/[.!?]$/.test(above.block.text.trim());
  };
  const from = [
    lines[0]?.n ?? starts[0]!,
    ...heads.slice(1).map((head) => (labelAbove(head) ? units[head - 1]!.block.first : units[head]!.block.first)),
  ];
  return from.map((start, k) => ({
    lines: lines.filter((line) => line.n >= start && (k + 1 >= from.length || line.n < from[k + 1]!)),
    headline: starts[k]!,
  }));
}
