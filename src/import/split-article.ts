/**
 * A page holding one article: its main text is found by density (long lines
 * of running prose among short chrome lines); above it, the headline (the
 * first heading, or the headline-like line nearest the text), byline, date
 * and dateline; the rest of the page around it is chrome, dropped and
 * reported line by line with its reason.
 */
import { toParagraphs, toUnits } from "./blocks.ts";
import { boilerplateReason, CAPTION_REASON, isCaptionOrCredit } from "./boilerplate.ts";
import { classifyUnit, markRepeats, sameLine, type Unit } from "./classify-units.ts";
import { datelineAgency, extractDateline, headlineFromTeaser } from "./derive-headline.ts";
import { datelineDate, toEdtf } from "./extract-date.ts";
import { findMainText, isProse } from "./main-text.ts";
import { headingLevel, isNameOnly, stripMarkdown, toItalicLine } from "./markdown-text.ts";
import type { ConsumedLine, Draft, DroppedLine, Line, SplitResult } from "./types.ts";

export interface ArticleOptions {
  publication: string;
  /** The line of the headline, when the caller has found it (a part of a run of whole articles). */
  headlineLine?: number;
}

const HEADER_REASON = "page header before the headline (site name, navigation)";
const BEFORE_TEXT_REASON = "page chrome between the headline and the article text";
const AFTER_TEXT_REASON = "page chrome after the article text (related links, comments, footer)";

function nonBlank(unit: Unit): Line[] {
  return unit.block.lines.filter((line) => line.text.trim() !== "");
}

function span(units: readonly Unit[]): string {
  const numbers = units.flatMap((unit) => nonBlank(unit).map((line) => line.n));
  if (numbers.length === 0) return "";
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  return first === last ? `line ${first}` : `lines ${first}-${last}`;
}

/**
 * Paragraphs when the page separates them with blank lines; otherwise one unit per line. A paragraph
 * holding a line of chrome (`Share on twitter`) is the converter's run of separate lines: one unit a line.
 */
function blocksOf(lines: readonly Line[], publication: string) {
  const paragraphs = toParagraphs(lines);
  if (paragraphs.length < 3) return toUnits(lines);
  return paragraphs.flatMap((paragraph) =>
    paragraph.lines.length >= 2 && paragraph.lines.some((line) => boilerplateReason(line.text, publication))
      ? toUnits(paragraph.lines)
      : [paragraph],
  );
}

/**
 * A headline printed twice above the text (the page's title bar, then the article's own heading) is the
 * article's headline, where it is nearest the text; the first copy is the repeat. Its index, or -1.
 */
function repeatedHeadline(units: Unit[], textStart: number): number {
  let found = -1;
  for (let i = 0; i < textStart; i++) {
    const unit = units[i]!;
    const repeat = unit.kind === "boilerplate" && unit.reason?.startsWith("repeated line");
    if ((unit.kind !== "text" && !repeat) || unit.h < 1 || unit.block.words < 2 || unit.block.words > 25) continue;
    const first = units.findIndex((other, k) => k < i && other.kind === "text" && sameLine(other.block.text, unit.block.text));
    if (first < 0) continue;
    units[first] = { ...units[first]!, kind: "boilerplate", reason: `repeated line (the same text as line ${unit.block.first})` };
    const { reason: _reason, ...text } = unit;
    units[i] = { ...text, kind: "text" };
    found = i;
  }
  return found;
}

/** A headline of a headline's length right above a longer headline-like line (its dek, or standfirst). */
function isHeadOverDek(head: Unit, dek: Unit): boolean {
  return (
    head.kind === "text" &&
    !head.captionCue &&
    !head.nameOnly &&
    head.h >= 1 &&
    head.block.words >= 5 &&
    dek.block.words >= 8 &&
    !head.block.gluedToNext === !dek.block.gluedToNext
  );
}

export function splitArticle(lines: readonly Line[], options: ArticleOptions): SplitResult {
  const units = markRepeats(blocksOf(lines, options.publication).map((block) => classifyUnit(block, options.publication)));
  const dropped: DroppedLine[] = [];
  const consumed: ConsumedLine[] = [];
  const review: string[] = [];
  const authors: string[] = [];
  const drop = (unit: Unit, reason: string) => {
    for (const line of nonBlank(unit)) dropped.push({ line: line.n, text: line.text, reason });
  };
  // A line that opens with its byline (`By Gwynne Dyer – ...`) is recorded as the byline it carries.
  const take = (unit: Unit, role: ConsumedLine["role"]) => {
    if (unit.inlineAuthors) authors.push(...unit.inlineAuthors);
    for (const line of nonBlank(unit)) consumed.push({ line: line.n, role: unit.inlineAuthors ? "byline" : role });
  };

  const main = findMainText(units);
  const repeated = repeatedHeadline(units, main ? main.start : units.length);
  const firstProse = units.findIndex((unit) => unit.kind === "text" && unit.block.words >= 25);
  // The article's text: its main run of prose, or (a page of short paragraphs) everything from the first long one.
  // A headline the caller found opens the part: the text starts under it.
  const given =
    options.headlineLine === undefined ? -1 : units.findIndex((unit) => unit.kind === "text" && unit.block.first === options.headlineLine);
  const found = main ? main.start : firstProse < 0 ? units.length : firstProse;
  const textStart = given >= 0 && found <= given ? given + 1 : found;
  const textEnd = main ? main.end : units.length - 1;

  // The headline: a heading above the text, else the headline-like line nearest the text.
  const headCandidates = units
    .map((unit, i) => ({ unit, i }))
    .filter(({ unit, i }) => i < textStart && unit.kind === "text" && !unit.captionCue);
  let titleIndex = headCandidates.find(({ unit }) => headingLevel(unit.block.lines[0]!.text) > 0)?.i ?? -1;
  if (titleIndex < 0) titleIndex = repeated;
  if (titleIndex < 0 && given >= 0) titleIndex = given;
  if (titleIndex < 0) {
    const likely = headCandidates.filter(({ unit }) => unit.h >= 1 && !unit.nameOnly && unit.block.words >= 2);
    titleIndex = likely.length > 0 ? likely[likely.length - 1]!.i : -1;
    // Two headline-like lines one under the other, the lower one a dek's length: the upper is the headline.
    const above = titleIndex > 0 ? units[titleIndex - 1]! : undefined;
    if (above && isHeadOverDek(above, units[titleIndex]!)) titleIndex--;
  }

  let date: string | undefined;
  let place: string | undefined;
  const bodyParts: string[] = [];
  const before: Unit[] = [];
  const after: Unit[] = [];
  const captions: Unit[] = [];
  let printedWithoutYear: string | undefined;
  const takeDate = (unit: Unit) => {
    if (!unit.date) return;
    const edtf = toEdtf(unit.date);
    if (edtf) date = edtf;
    else printedWithoutYear ??= `${unit.date.text}\` (${span([unit])}`;
  };
  // Credit lines in or just under the text (`— Associated Press`, `Fonte: Uol`): the byline if the page prints no other.
  const credits: string[] = [];
  units.forEach((unit, i) => {
    if (unit.credit && i !== titleIndex && i >= textStart && i <= textEnd + 2) {
      credits.push(...unit.credit);
      take(unit, "byline");
      return;
    }
    if (unit.kind === "boilerplate" || unit.kind === "read-more") {
      drop(unit, unit.reason ?? "boilerplate");
      return;
    }
    if (i === titleIndex) {
      take(unit, "title");
      return;
    }
    // Byline and date: above the text, or just after it.
    const nearText = i < textStart || (i > textEnd && i <= textEnd + 2);
    if (unit.kind === "byline" && nearText && (i < textStart || authors.length === 0)) {
      authors.push(...(unit.authors ?? []));
      if (!date) takeDate(unit);
      take(unit, "byline");
      return;
    }
    if (unit.kind === "date" && nearText && !date) {
      takeDate(unit);
      if (unit.place) place = unit.place;
      take(unit, "date");
      return;
    }
    if (i < textStart) {
      if (i < titleIndex || titleIndex < 0) drop(unit, HEADER_REASON);
      else if (unit.kind === "text" && !unit.captionCue && unit.block.words >= 8) {
        // A standfirst under the headline is the article's.
        take(unit, "body");
        bodyParts.push(unit.block.raw.replace(/ {2,}$/gm, ""));
      } else {
        before.push(unit);
        drop(unit, BEFORE_TEXT_REASON);
      }
      return;
    }
    if (i > textEnd) {
      after.push(unit);
      drop(unit, AFTER_TEXT_REASON);
      return;
    }
    if (unit.captionCue && !isProse(unit)) {
      captions.push(unit);
      return;
    }
    if (unit.closingCredit) credits.push(...unit.closingCredit);
    take(unit, "body");
    bodyParts.push(unit.block.raw.replace(/ {2,}$/gm, ""));
  });
  // A photo's caption or credit inside the text is not the article's: dropped, unless it is all the text there is.
  const keptCaptions = bodyParts.length > 0 ? captions.filter((unit) => !isCaptionOrCredit(unit)) : captions;
  for (const unit of captions) if (!keptCaptions.includes(unit)) drop(unit, CAPTION_REASON);
  for (const unit of keptCaptions) take(unit, "body");
  bodyParts.push(...keptCaptions.map((unit) => toItalicLine(unit.block.raw)));

  if (consumed.length === 0) return { kind: "article", drafts: [], dropped };
  let title: string;
  if (titleIndex >= 0) title = stripMarkdown(units[titleIndex]!.block.raw);
  else {
    const first = units.find((unit, i) => i >= textStart && i <= textEnd && unit.kind === "text");
    title = headlineFromTeaser(stripMarkdown(bodyParts[0] ?? "")) ?? "Untitled";
    review.push(`headline derived from the first paragraph${first ? ` (${span([first])})` : ""}; the page shows none`);
  }
  const firstText = units[textStart]?.kind === "text" ? units[textStart]!.block.text : units[firstProse]?.block.text;
  if (firstText) {
    const opening = datelineDate(firstText);
    if (!place) place = opening?.place ?? extractDateline(firstText)?.place;
    if (!date && opening) {
      const edtf = toEdtf(opening.date);
      if (edtf) date = edtf;
      else printedWithoutYear ??= `${opening.date.text}\` (${span([units[textStart]!])}`;
    }
  }
  if (!date && printedWithoutYear) review.push(`date printed without a year (\`${printedWithoutYear}); no date given`);
  // Long lines left out around the text may be the article's own: say where to look.
  const longLeftOut = [...before, ...after].filter((unit) => unit.kind === "text" && unit.block.words >= 20);
  if (longLeftOut.length > 0) {
    review.push(`text left out as page chrome (related items, comments), ${span(longLeftOut)}: check that it is not part of the article`);
  }
  if (main && main.pageProseWords > 0 && main.proseWords < 0.8 * main.pageProseWords) {
    const share = Math.round((100 * main.proseWords) / main.pageProseWords);
    review.push(
      `layout uncertain: the article's text (${span(units.slice(main.start, main.end + 1))}) holds ${share}% of the page's running text; if the page is a listing, import it with --kind listing`,
    );
  }
  const draft: Draft = { title, review, body: bodyParts.join("\n\n"), consumed };
  // The agency of a dateline (`WASHINGTON (Reuters) -`) is the byline when the page prints no other.
  if (authors.length === 0) authors.push(...credits);
  const agency = units[textStart] ? datelineAgency(units[textStart].block.text) : undefined;
  if (authors.length === 0 && agency && isNameOnly(agency)) authors.push(agency);
  if (authors.length > 0) draft.authors = [...new Set(authors)];
  if (date) draft.date = date;
  if (place) draft.place = place;
  return { kind: "article", drafts: [draft], dropped };
}
