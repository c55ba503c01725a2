/**
 * Where a page's main text is, by its density (as Boilerpipe finds it in
 * HTML by text and link density): an article's text is a run of long lines of
 * running prose; the chrome around it (menus, labels, credits, related links,
 * comments) is short lines. Headline-like lines, bylines, date lines and
 * read-more links break the page into segments; a crosshead (a short line
 * between two runs of prose) does not. The segment with the most prose is the
 * main text.
 */
import type { Unit } from "./classify-units.ts";
import { datelineDate, findDates } from "./extract-date.ts";
import { extractDateline } from "./derive-headline.ts";

export interface MainText {
  /** Unit indices: the main text's first and last unit (inclusive). */
  start: number;
  end: number;
  /** Prose units in the main text, and their words. */
  prose: number;
  proseWords: number;
  /** Prose words on the whole page. */
  pageProseWords: number;
  /** Prose units in the main text that open with a dateline (`Miami, 24 jun (EFE).-`): one per item of a listing. */
  datelines: number;
}

/** Running prose: a long line that does not look like a headline. */
export function isProse(unit: Unit): boolean {
  return unit.kind === "text" && !unit.captionCue && (unit.block.words >= 30 || (unit.block.words >= 18 && unit.h < 0.5));
}

/** What ends a segment: a headline-like line, a byline, a date line, a read-more link. */
function isBreak(unit: Unit): boolean {
  if (unit.kind === "byline" || unit.kind === "date" || unit.kind === "read-more") return true;
  return unit.kind === "text" && !isProse(unit) && !unit.captionCue && unit.h >= 1.5 && unit.block.words <= 25;
}

/** A short unmarked-by-link heading between two runs of prose: the article's own crosshead. */
function isCrosshead(unit: Unit): boolean {
  return unit.kind === "text" && unit.mark !== "link" && unit.block.words <= 7 && !unit.url;
}

interface Segment {
  start: number;
  end: number;
  prose: number;
  proseWords: number;
  lastProse: number;
}

export function findMainText(units: readonly Unit[]): MainText | undefined {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let pageProseWords = 0;
  units.forEach((unit, index) => {
    if (unit.kind === "boilerplate") return;
    if (isBreak(unit)) {
      if (current) segments.push(current);
      current = undefined;
      return;
    }
    current ??= { start: index, end: index, prose: 0, proseWords: 0, lastProse: -1 };
    current.end = index;
    if (isProse(unit)) {
      current.prose++;
      current.proseWords += unit.block.words;
      current.lastProse = index;
      pageProseWords += unit.block.words;
    }
  });
  if (current) segments.push(current);

  // Join runs of prose across a crosshead.
  const joined: Segment[] = [];
  for (const segment of segments) {
    const previous = joined[joined.length - 1];
    if (previous && previous.prose >= 2 && segment.prose >= 2) {
      const between = units.slice(previous.end + 1, segment.start).filter((unit) => unit.kind !== "boilerplate");
      if (between.length === 1 && isCrosshead(between[0]!)) {
        previous.end = segment.end;
        previous.prose += segment.prose;
        previous.proseWords += segment.proseWords;
        previous.lastProse = segment.lastProse;
        continue;
      }
    }
    joined.push({ ...segment });
  }
  const main = joined.filter((segment) => segment.prose > 0).sort((a, b) => b.proseWords - a.proseWords)[0];
  if (!main) return undefined;
  let datelines = 0;
  for (let i = main.start; i <= main.end; i++) {
    const unit = units[i]!;
    if (isProse(unit) && (datelineDate(unit.block.text) || extractDateline(unit.block.text))) datelines++;
  }
  return { start: main.start, end: main.end, prose: main.prose, proseWords: main.proseWords, pageProseWords, datelines };
}

/**
 * A page is a single article when one run of prose holds most of its running
 * text, and nothing repeats the way a listing's items do (bylines, date lines,
 * read-more links, datelines opening paragraphs).
 */
export function looksLikeArticle(units: readonly Unit[]): boolean {
  const main = findMainText(units);
  if (!main) return false;
  const count = (kind: Unit["kind"]) => units.filter((unit) => unit.kind === kind).length;
  // A read-more link after the main text, with more prose after it, closes the first item of a listing.
  const readMoreAfter = units.findIndex((unit, i) => i > main.end && unit.kind === "read-more");
  if (readMoreAfter >= 0 && units.slice(readMoreAfter + 1).some((unit) => unit.kind === "text" && unit.block.words >= 15)) return false;
  if (listingInside(units, main)) return false;
  // A short article prints one or two long paragraphs: then they must hold nearly all the page's prose,
  // among hardly any headline-like lines (a listing's teasers are shorter and sit under headlines).
  const headlines = units.filter((unit) => unit.kind === "text" && unit.h >= 1.5 && unit.block.words <= 20).length;
  const short = main.proseWords >= 200 && main.proseWords >= 0.9 * main.pageProseWords && headlines <= 3;
  return (
    (main.prose >= 3 || short) &&
    main.proseWords >= 150 &&
    main.proseWords >= 0.6 * main.pageProseWords &&
    main.datelines <= 1 &&
    count("byline") <= 2 &&
    count("date") <= 2 &&
    count("read-more") <= 1
  );
}

/**
 * A listing whose items read as one run of prose: most paragraphs open with a full date (items glued
 * to their date line, `Pigs at the troughApr 17, 2010 11:00 pm - ...`), or are one paragraph each under a
 * short line (headline and teaser, repeated). An article's crossheads head several paragraphs.
 */
export function listingInside(units: readonly Unit[], main: MainText | undefined = findMainText(units)): boolean {
  if (!main) return false;
  const content = units.slice(main.start, main.end + 1).filter((unit) => unit.kind !== "boilerplate");
  const prose = content.filter(isProse);
  // A converter glues a headline to its date (`troughApr 17`): part them for the date parser.
  const opening = (unit: Unit) => unit.block.text.slice(0, 120).replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
  const dated = prose.filter((unit) => findDates(opening(unit)).some((date) => date.year !== undefined && date.day !== undefined)).length;
  if (dated >= 3 && dated >= 0.5 * prose.length) return true;
  // Pairs are counted over the whole page: a listing's headlines break its prose into several segments.
  const page = units.filter((unit) => unit.kind !== "boilerplate");
  let pairs = 0;
  page.forEach((unit, k) => {
    const next = page[k + 1];
    const after = page[k + 2];
    if (unit.kind === "text" && !isProse(unit) && unit.block.words <= 12 && next && isProse(next) && (!after || !isProse(after))) pairs++;
  });
  return pairs >= 3 && pairs >= 0.5 * page.filter(isProse).length;
}
