/**
 * A whole print issue converted from PDF -> one draft per article, split by
 * the issue's own structure:
 *
 *   - the front page (masthead, issue number and date, cover headlines) and
 *     the index are page furniture; the index gives each article's page and
 *     the words that find where it starts;
 *   - an article starts at the heading its index entry names (or, for
 *     articles the index leaves out, at a dated heading), together with the
 *     kickers, section labels and date printed just above it;
 *   - it ends at its signature; what follows until the next article
 *     (advertisements, image text, boxes pointing to the website) is dropped
 *     and reported, and jump lines (`→ Continued from page 26`) move text to
 *     the article it continues;
 *   - sentences broken across columns and words split by hyphens are joined.
 */
import { toParagraphs, type Block } from "./blocks.ts";
import { isPublicationName, printFurniture } from "./boilerplate.ts";
import { headlineFromTeaser } from "./derive-headline.ts";
import { findDates, parseDateLine, resolveYear, toEdtf, type DateLine, type FoundDate } from "./extract-date.ts";
import {
  fold,
  headingLevel,
  isEmphasizedOnly,
  isNameOnly,
  startsLowercase,
  stripMarkdown,
  titleCaseRatio,
  unwrapEmphasis,
  wordCount,
} from "./markdown-text.ts";
import { repairColumns, type Piece } from "./repair-columns.ts";
import { splitListing } from "./split-listing.ts";
import { ALL_STOPWORDS } from "./stopwords.ts";
import type { ConsumedLine, Draft, DroppedLine, Line, SplitResult } from "./types.ts";

export interface PrintIssueOptions {
  publication: string;
}

interface IndexGroup {
  /** Lines above the entry in the index: sections (bold) and subtitles (italic). */
  labels: Array<{ text: string; bold: boolean }>;
  entry: string;
  page: number;
}

interface IndexInfo {
  /** Block index of the `INDEX` heading (or first entry) and of the last entry. */
  start: number;
  end: number;
  groups: IndexGroup[];
}

const INDEX_HEADING =
  /^(?:index|contents|table of contents|in this issue|índice|indice|sumario|contenido|contenidos|en este número|en esta edición)$/i;
const INDEX_ENTRY = /^(.*?\S)\s*(?:\.{3,}|…+|\s·{2,})\s*(\d{1,3})$/;

// ---------------------------------------------------------------------------
// Matching index words against the text.

function stem(token: string): string {
  let t = token.replace(/['’]s$/, "");
  if (/^\d+(?:st|nd|rd|th|º|°)$/.test(t)) t = t.replace(/\D+$/, "");
  if (t.length > 5 && t.endsWith("ies")) return `${t.slice(0, -3)}y`;
  if (t.length > 4 && t.endsWith("s") && !t.endsWith("ss")) return t.slice(0, -1);
  return t;
}

function contentTokens(text: string): string[] {
  return fold(stripMarkdown(text))
    .replace(/(\p{L})[-‐–](\p{L})/gu, "$1$2")
    .replace(/['’]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 2 || /^\d+$/.test(token))
    .filter((token) => !ALL_STOPWORDS.has(token))
    .map(stem);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 4 && editDistanceAtMostOne(a, b)) return true;
  if (shorter >= 6 && Math.abs(a.length - b.length) <= 4) {
    let k = 0;
    while (k < shorter && a[k] === b[k]) k++;
    return k >= 6;
  }
  return false;
}

/** Share of the index text's words found in the block. */
function containment(indexText: string, blockText: string): { score: number; size: number } {
  const wanted = contentTokens(indexText);
  if (wanted.length === 0) return { score: 0, size: 0 };
  const have = contentTokens(blockText);
  const found = wanted.filter((token) => have.some((candidate) => tokensMatch(token, candidate))).length;
  return { score: found / wanted.length, size: wanted.length };
}

function normalized(text: string): string {
  return fold(stripMarkdown(text))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// ---------------------------------------------------------------------------
// Block features.

function isHeading(block: Block): boolean {
  return headingLevel(block.lines[0]!.text) > 0;
}

/** Rank of a headline candidate: 1-6 for Markdown headings, 7 for a bold line, 8 for anything else. */
function rank(block: Block): number {
  const level = headingLevel(block.lines[0]!.text);
  if (level > 0) return level;
  if (isEmphasizedOnly(block.raw) && /^\s*(?:\*\*|__)/.test(block.raw)) return 7;
  return 8;
}

function dateLineOf(block: Block): DateLine | undefined {
  const found = parseDateLine(stripMarkdown(block.lines[0]!.text));
  return found && found.date.month !== undefined ? found : undefined;
}

/** Ends with a full stop (an ellipsis, as kickers use, does not count). */
function endsWithFullStop(text: string): boolean {
  return /(?<![.…])\.["'”’»)\]*]*$/.test(text.trim());
}

function isProse(block: Block): boolean {
  return !isHeading(block) && block.words >= 25;
}

/** Short, unpunctuated lines above a headline: kickers, section labels, dates, standfirsts. */
function isHeadLike(block: Block): boolean {
  if (isHeading(block) || dateLineOf(block)) return true;
  if (block.lines.length > 3) return false;
  if (isEmphasizedOnly(block.raw) && block.words <= 40) return true;
  return block.lines.length <= 2 && block.words <= 30 && !endsWithFullStop(block.text) && !startsLowercase(block.raw);
}

const ORGANIZATION =
  /\b(?:League|Party|Committee|Faction|Fraction|Secretariat|Federation|Collective|Group|Union|Liga|Partido|Comité|Secretariado|Federación|Colectivo|Grupo|Unión)\b/;

/** The signature that closes an article: a byline, an organization, or a letter's closing. */
export function isSignature(block: Block): boolean {
  if (isHeading(block) || block.lines.length > 5 || block.words > 16) return false;
  const text = block.text;
  if (/^\(.*\)$/s.test(text) && block.words >= 2) return true;
  if (/\b(?:adherent|adhering) to\b|\badherente (?:a|de)\b/i.test(text)) return true;
  if (/^(?:correspondent|corresponsal)\b/i.test(text)) return true;
  if (
    /^(?:with (?:class|revolutionary|fraternal|comradely|communist) greetings|sincerely|fraternally|in solidarity|atentamente|fraternalmente|con saludos|saludos (?:revolucionarios|fraternales|de clase))/i.test(
      text,
    )
  )
    return true;
  if (ORGANIZATION.test(text) && !/[!?:]$/.test(text) && block.words <= 20 && titleCaseRatio(text, ALL_STOPWORDS) >= 0.6) return true;
  const plain = !/[*_]/.test(block.raw);
  return plain && block.words >= 2 && block.words <= 6 && isNameOnly(text);
}

// ---------------------------------------------------------------------------
// The index.

function findIndex(blocks: readonly Block[]): IndexInfo | undefined {
  let start = blocks.findIndex((block) => INDEX_HEADING.test(block.text.trim()));
  let cursor: number;
  if (start >= 0) cursor = start + 1;
  else {
    const first = blocks.findIndex(
      (block, i) => INDEX_ENTRY.test(block.text) && blocks.slice(i, i + 8).filter((b) => INDEX_ENTRY.test(b.text)).length >= 3,
    );
    if (first < 0) return undefined;
    start = first;
    cursor = first;
  }
  const groups: IndexGroup[] = [];
  let labels: IndexGroup["labels"] = [];
  let end = -1;
  let misses = 0;
  for (let i = cursor; i < blocks.length; i++) {
    const block = blocks[i]!;
    const entry = INDEX_ENTRY.exec(block.text);
    if (entry) {
      groups.push({ labels, entry: entry[1]!.trim(), page: Number(entry[2]) });
      labels = [];
      end = i;
      misses = 0;
      continue;
    }
    if (block.words > 25 || ++misses > 3) break;
    labels.push({ text: block.text, bold: /^\s*(?:\*\*|__)/.test(block.raw) });
  }
  return groups.length >= 3 ? { start, end, groups } : undefined;
}

// ---------------------------------------------------------------------------

interface Anchor {
  block: number;
  group?: IndexGroup;
  /** Blocks that matched the group's labels (bold ones are section names, not headlines). */
  labelBlocks: Map<number, { bold: boolean }>;
  entryBlock?: number;
  /** Last block the group's words matched, for claiming nearby dates. */
  lastMatched: number;
}

interface Article {
  anchor: Anchor;
  /** First block of the head (kickers above the headline). */
  headStart: number;
  blocks: number[];
  /** Blocks moved here from a jump (`Continued from page N`). */
  continued: number[];
}

/** What this module drops on its own, by origin id: code tells drops apart by these, never by their words. */
const DROP_REASONS = {
  "front-page": "print: front page (masthead, issue number and date, price, cover headlines)",
  index: "print: index (table of contents)",
  "website-sidebar-list": "print: sidebar listing articles on the website",
  "website-sidebar-teaser": "print: sidebar teaser for an article on the website",
  "page-header-extra": "print: page header (tagline, banner)",
  "before-first-article": "print: before the first article (page furniture)",
  "after-signature": "print: after the article's signature, not part of it (image text, box or notice)",
  "after-jump": "print: after a jump line to another page (page furniture)",
  unclaimed: "print: not part of any article (unrecognised)",
} as const;

type DropOrigin = keyof typeof DROP_REASONS;

interface Drop {
  /** `DropOrigin`, or the id of the page-furniture rule that matched (boilerplate.ts). */
  origin: string;
  reason: string;
}

const dropOf = (origin: DropOrigin): Drop => ({ origin, reason: DROP_REASONS[origin] });

/** The blocks dropped so far, each with why; the first reason given a block stays. */
class Drops {
  private readonly byBlock = new Map<number, Drop>();

  add(index: number, drop: Drop): void {
    if (!this.byBlock.has(index)) this.byBlock.set(index, drop);
  }

  has(index: number): boolean {
    return this.byBlock.has(index);
  }

  /** Whether the block was dropped by the rule `origin`. */
  is(index: number, origin: string): boolean {
    return this.byBlock.get(index)?.origin === origin;
  }

  get(index: number): Drop | undefined {
    return this.byBlock.get(index);
  }
}

type IssueDate = { year: number; month?: number; day?: number; text: string };

/** What the front page says and where the body starts. */
interface FrontPage {
  index: IndexInfo | undefined;
  /** First block after the index (0 without one). */
  bodyStart: number;
  issue: string | undefined;
  issueDate: IssueDate | undefined;
  masthead: string | undefined;
}

/** Words of running text an article of a print issue holds at least: fewer is a cover line, a contents entry or a name in the staff box. */
const MIN_UNINDEXED_WORDS = 10;
const UNINDEXED_NOTE =
  "print issue without an index of its articles: split as a listing of its blocks; check where each article starts and ends";

/**
 * An issue that prints no index of its articles (a cover page, a jumbled contents page): its blocks are
 * read as a listing's items, and said so; an item without running text (a cover line, a contents entry,
 * a name of the staff box) is the issue's furniture.
 */
export function splitUnindexedIssue(lines: readonly Line[], options: PrintIssueOptions): SplitResult {
  const listing = splitListing(lines, options);
  const drafts: Draft[] = [];
  const dropped = [...listing.dropped];
  const text = new Map(lines.map((line) => [line.n, line.text]));
  const issueDate = printedIssueDate(toParagraphs(lines));
  for (const draft of listing.drafts) {
    const words = wordCount(stripMarkdown(draft.body));
    if (words >= MIN_UNINDEXED_WORDS) {
      drafts.push(withIssueDate({ ...draft, review: [...draft.review, UNINDEXED_NOTE] }, issueDate));
      continue;
    }
    for (const { line } of draft.consumed) {
      dropped.push({ line, text: text.get(line) ?? "", reason: "print: cover line, contents entry or staff box (no running text)" });
    }
  }
  return { kind: "print-issue", drafts, dropped };
}

/** Paragraphs of an issue's first pages that are searched for its date. */
const ISSUE_DATE_WITHIN = 40;

/**
 * The date an issue prints for itself, by a stated rule: the first line, within its first
 * ISSUE_DATE_WITHIN paragraphs, that is a date and nothing more (a place before it allowed) and gives
 * at least a month and a year (`23 de abril de 2024`, `SETEMBRO DE 2008`). A date inside a sentence
 * (an event the text talks about) never counts.
 */
function printedIssueDate(blocks: readonly Block[]): (IssueDate & { line: number }) | undefined {
  for (const block of blocks.slice(0, ISSUE_DATE_WITHIN)) {
    for (const line of block.lines) {
      const text = stripMarkdown(line.text).trim();
      const monthYear = MONTH_YEAR.exec(text);
      if (monthYear)
        return { year: Number(monthYear[2]), month: (MONTHS.indexOf(monthYear[1]!.toLowerCase()) % 12) + 1, text, line: line.n };
      const found = parseDateLine(text)?.date ?? mastheadDate(text);
      if (found?.year !== undefined && found.month !== undefined) {
        return { year: found.year, month: found.month, day: found.day, text: found.text, line: line.n };
      }
    }
  }
  return undefined;
}

/** Month names in English, Spanish and Portuguese, each list in calendar order. */
const MONTHS = [
  ..."january february march april may june july august september october november december".split(" "),
  ..."enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(" "),
  ..."janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(" "),
];
/** `SETEMBRO DE 2008`, `September 2008`: an issue dated by its month, a line of its own. */
const MONTH_YEAR = new RegExp(`^(${[...new Set(MONTHS)].join("|")})\\s+(?:de\\s+|of\\s+)?(\\d{4})$`, "iu");

/** `20minutos Madrid 23 de abril de 2024`: a few words of masthead, then the issue's full date closing the line. */
function mastheadDate(text: string): FoundDate | undefined {
  const dates = findDates(text);
  if (dates.length !== 1) return undefined;
  const date = dates[0]!;
  const before = text.slice(0, date.index).trim();
  const after = text.slice(date.index + date.text.length).trim();
  if (after !== "" || /[.!?:;,"“”«»]/.test(before) || wordCount(before) > 4) return undefined;
  return date;
}

/**
 * A record of an unindexed issue that prints no date of its own takes the issue's, and one that prints
 * a day and month without the year takes the year from it; each says so in a review note.
 */
function withIssueDate(draft: Draft, issueDate: (IssueDate & { line: number }) | undefined): Draft {
  if (!issueDate || draft.date !== undefined) return draft;
  const { yearless, ...rest } = draft;
  if (yearless) {
    const year = resolveYear({ ...yearless, index: 0 }, issueDate);
    const date = toEdtf({ year, month: yearless.month, day: yearless.day });
    if (date) {
      return {
        ...rest,
        date,
        review: [...draft.review, `year of \`${yearless.text}\` taken from the issue's date (“${issueDate.text}”, line ${issueDate.line})`],
      };
    }
  }
  const date = toEdtf(issueDate);
  if (!date) return draft;
  return {
    ...draft,
    date,
    review: [...draft.review, `date is the issue's (“${issueDate.text}”, line ${issueDate.line}); the article prints none`],
  };
}

export function splitPrintIssue(lines: readonly Line[], options: PrintIssueOptions): SplitResult {
  const blocks = toParagraphs(lines);
  const drops = new Drops();
  const front = readFrontPage(blocks, drops);
  dropPageFurniture(blocks, front, options, drops);
  dropWebsiteBoxes(blocks, front.bodyStart, drops);
  const anchors = findArticleStarts(blocks, front, drops);
  dropPageHeaderExtras(blocks, front.bodyStart, anchors, drops);
  const articles = articleHeads(blocks, front.bodyStart, anchors, drops);
  const extra = walkArticles(blocks, front.bodyStart, articles, drops);
  return toDrafts(blocks, [...articles, ...extra], front, drops);
}

/** Step 1: the front page and the index are furniture; the front page gives the issue's number, date and masthead. */
function readFrontPage(blocks: readonly Block[], drops: Drops): FrontPage {
  const index = findIndex(blocks);
  const bodyStart = index ? index.end + 1 : 0;
  let issue: string | undefined;
  let issueDate: IssueDate | undefined;
  let masthead: string | undefined;
  const frontEnd = index ? index.start : 0;
  for (let i = 0; i < Math.min(blocks.length, index ? frontEnd : 40); i++) {
    const block = blocks[i]!;
    const text = block.text.trim();
    if (!masthead && headingLevel(block.lines[0]!.text) === 1) masthead = text;
    if (!issue) {
      const number = /^(?:N[°º]|Nº|No\.|Núm\.?|Número|Number|Issue|Nr\.)\s*\d+$/i.exec(text);
      if (number) issue = number[0];
    }
    if (!issueDate) {
      const date = dateLineOf(block);
      if (date?.date.year !== undefined)
        issueDate = { year: date.date.year, month: date.date.month, day: date.date.day, text: date.date.text };
    }
  }
  // No date line of its own: the issue's month alone, or its date closing the masthead's line.
  issueDate ??= printedIssueDate(blocks.slice(0, index ? frontEnd : ISSUE_DATE_WITHIN));
  for (let i = 0; i < frontEnd; i++) drops.add(i, dropOf("front-page"));
  if (index) for (let i = index.start; i <= index.end; i++) drops.add(i, dropOf("index"));
  return { index, bodyStart, issue, issueDate, masthead };
}

/** Step 2: page furniture, one block at a time (page headers, page numbers, jump lines, advertisements…). */
function dropPageFurniture(blocks: readonly Block[], front: FrontPage, options: PrintIssueOptions, drops: Drops): void {
  const isMasthead = (block: Block) =>
    isPublicationName(block.text, options.publication) || (front.masthead !== undefined && isPublicationName(block.text, front.masthead));
  for (let i = front.bodyStart; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (isMasthead(block)) drops.add(i, { origin: "publication-name", reason: "print: publication name (page header)" });
    const furniture = printFurniture(block.raw, options.publication);
    if (furniture) drops.add(i, furniture);
  }
}

/**
 * Step 3: boxes pointing to the website: a list of dated titles after `See
 * ... on www`, or a heading and a few lines ending in `Read this article on www`.
 */
function dropWebsiteBoxes(blocks: readonly Block[], bodyStart: number, drops: Drops): void {
  for (let i = bodyStart; i < blocks.length; i++) {
    if (!drops.is(i, "website-pointer")) continue;
    let j = i + 1;
    while (j + 1 < blocks.length && dateLineOf(blocks[j]!) && blocks[j + 1]!.words <= 20 && !isHeading(blocks[j + 1]!)) {
      drops.add(j, dropOf("website-sidebar-list"));
      drops.add(j + 1, dropOf("website-sidebar-list"));
      j += 2;
    }
    const box: number[] = [];
    for (let k = i - 1; k >= bodyStart && box.length < 5; k--) {
      if (drops.has(k)) break;
      const block = blocks[k]!;
      if (block.words > 25) break;
      box.push(k);
      if (isHeading(block)) {
        for (const b of box) drops.add(b, dropOf("website-sidebar-teaser"));
        break;
      }
    }
  }
}

/** Step 4: where articles start: the index's words, then dated headings the index leaves out. */
function findArticleStarts(blocks: readonly Block[], front: FrontPage, drops: Drops): Anchor[] {
  const { index, bodyStart } = front;
  const anchors: Anchor[] = [];
  if (index) {
    let after = bodyStart - 1;
    for (const group of index.groups) {
      const candidates = (test: (block: Block) => boolean) => {
        for (let i = after + 1; i < blocks.length; i++) {
          if (drops.has(i)) continue;
          const block = blocks[i]!;
          if (!isHeading(block) && block.words > 30) continue;
          if (test(block)) return i;
        }
        return -1;
      };
      const labelBlocks = new Map<number, { bold: boolean }>();
      for (const label of group.labels) {
        const wanted = normalized(label.text);
        if (wanted === "") continue;
        const found = candidates((block) => {
          if (normalized(block.text) === wanted) return true;
          const { score, size } = containment(label.text, block.text);
          return size >= 3 && score >= 0.75;
        });
        if (found >= 0) labelBlocks.set(found, { bold: label.bold });
      }
      // Labels stand above their entry in the index, so the entry is found after them.
      const firstLabel = Math.min(...labelBlocks.keys());
      if (labelBlocks.size > 0) after = firstLabel;
      const entryBlock = candidates((block) => {
        if (normalized(block.text) === normalized(group.entry)) return true;
        const { score, size } = containment(group.entry, block.text);
        return size >= 2 && score >= 0.7;
      });
      const matched = [...labelBlocks.keys(), ...(entryBlock >= 0 ? [entryBlock] : [])].sort((a, b) => a - b);
      if (matched.length === 0) continue;
      const first = matched[0]!;
      // An entry found far beyond its labels belongs to a later article: trust the labels.
      const near = matched.filter((block) => block - first <= 12);
      if (labelBlocks.size > 0 && entryBlock >= 0 && !near.includes(entryBlock)) after = first;
      anchors.push({
        block: first,
        group,
        labelBlocks,
        ...(entryBlock >= 0 && near.includes(entryBlock) ? { entryBlock } : {}),
        lastMatched: near[near.length - 1]!,
      });
      after = first;
    }
  }
  const claimed = (i: number) => anchors.some((anchor) => i >= anchor.block - 2 && i <= anchor.lastMatched + 2);
  for (let i = bodyStart; i < blocks.length; i++) {
    if (drops.has(i) || claimed(i) || !dateLineOf(blocks[i]!)) continue;
    const near = [i - 2, i - 1, i + 1, i + 2].some((k) => k >= bodyStart && k < blocks.length && !drops.has(k) && isHeading(blocks[k]!));
    if (near) anchors.push({ block: i, labelBlocks: new Map(), lastMatched: i });
  }
  return anchors.sort((a, b) => a.block - b.block);
}

/** Step 5: a page header (publication name) may carry a tagline and a banner under it. */
function dropPageHeaderExtras(blocks: readonly Block[], bodyStart: number, anchors: readonly Anchor[], drops: Drops): void {
  const anchorBlocks = new Set(
    anchors.flatMap((anchor) => [
      anchor.block,
      ...anchor.labelBlocks.keys(),
      ...(anchor.entryBlock !== undefined ? [anchor.entryBlock] : []),
    ]),
  );
  for (let i = bodyStart; i < blocks.length; i++) {
    if (!drops.is(i, "publication-name")) continue;
    for (let k = i + 1; k <= i + 2 && k < blocks.length; k++) {
      if (anchorBlocks.has(k) || drops.has(k) || blocks[k]!.words > 30 || isSignature(blocks[k]!)) break;
      drops.add(k, dropOf("page-header-extra"));
    }
  }
}

/** Step 6: each article's head, walking back from its anchor over kickers, labels and dates; what comes before the first is furniture. */
function articleHeads(blocks: readonly Block[], bodyStart: number, anchors: readonly Anchor[], drops: Drops): Article[] {
  const headStartOf = (anchor: number, floor: number) => {
    let start = anchor;
    if (blocks[anchor]!.gapBefore >= 3) return start;
    for (let k = anchor - 1; k > floor; k--) {
      const block = blocks[k]!;
      if (drops.has(k) || isSignature(block) || !isHeadLike(block)) break;
      start = k;
      if (block.gapBefore >= 3) break;
    }
    return start;
  };
  const articles = anchors.map((anchor, k): Article => {
    const floor = k === 0 ? bodyStart - 1 : Math.max(anchors[k - 1]!.lastMatched, anchors[k - 1]!.block);
    return { anchor, headStart: headStartOf(anchor.block, floor), blocks: [], continued: [] };
  });
  const firstBody = articles[0]?.headStart ?? blocks.length;
  for (let i = bodyStart; i < firstBody; i++) drops.add(i, dropOf("before-first-article"));
  return articles;
}

/** Step 7: each article's region walked (walkRegion); answers the articles the index leaves out, found on the way. */
function walkArticles(blocks: readonly Block[], bodyStart: number, articles: Article[], drops: Drops): Article[] {
  const extra: Article[] = [];
  const byPage = (page: number) => articles.find((article) => article.anchor.group?.page === page);
  for (let a = 0; a < articles.length; a++) {
    const regionEnd = articles[a + 1]?.headStart ?? blocks.length;
    walkRegion(blocks, articles[a]!, regionEnd, { drops, byPage, extra });
  }
  return extra;
}

interface RegionContext {
  drops: Drops;
  byPage: (page: number) => Article | undefined;
  /** Where articles the index leaves out go. */
  extra: Article[];
}

/**
 * One article's region, from its head to the next article's: its body up to
 * its signature; what follows it (dropped, or an article of its own under a
 * heading with prose below); text after a jump line (`Continued from page N`)
 * moved to the article it continues.
 */
function walkRegion(blocks: readonly Block[], article: Article, regionEnd: number, context: RegionContext): void {
  const { drops, byPage, extra } = context;
  const followedByProse = (from: number, to: number) => {
    for (let k = from + 1; k < to; k++) if (!drops.has(k) && isProse(blocks[k]!)) return true;
    return false;
  };
  const hasAdvert = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (drops.is(k, "advertisement")) return true;
    return false;
  };
  let current: Article = article;
  type State = "article" | "continuation" | "after";
  let state: State = "article";
  let continuationTarget: Article | undefined;
  let stretch: number[] = [];
  let stretchDrop: DropOrigin = "after-signature";
  /** Block where the current continuation or after-signature stretch began. */
  let segmentStart = -1;
  let proseSeen = false;
  const closeStretch = (end: number) => {
    const drop =
      segmentStart >= 0 && hasAdvert(segmentStart, end) ? { origin: "advertisement", reason: "print: advertisement" } : dropOf(stretchDrop);
    for (const k of stretch) drops.add(k, drop);
    stretch = [];
  };
  for (let i = current.headStart; i < regionEnd; i++) {
    const block = blocks[i]!;
    if (drops.has(i)) {
      if (state === "article" && drops.is(i, "jump-line")) {
        const from = /from\s+page\s*(\d+)|(?:viene|contin[úu]a)\s+de\s+(?:la\s+)?p[áa]g(?:ina|\.)?\s*(\d+)/i.exec(block.text);
        if (from) {
          continuationTarget = byPage(Number(from[1] ?? from[2]));
          if (continuationTarget && continuationTarget !== current) {
            state = "continuation";
            segmentStart = i;
          }
        } else if (proseSeen) {
          state = "after";
          segmentStart = i;
          stretchDrop = "after-jump";
        }
      }
      continue;
    }
    const headingStartsArticle = (level: number) => level >= 1 && level <= 2 && followedByProse(i, regionEnd) && !hasAdvert(i, regionEnd);
    if (state === "continuation" || state === "after") {
      const level = headingLevel(block.lines[0]!.text);
      if (headingStartsArticle(level)) {
        // An article the index leaves out (its own heading, prose below).
        const floor = segmentStart;
        let start = i;
        for (let k = i - 1; k > floor && k >= current.headStart; k--) {
          if (drops.has(k)) break;
          if (state === "continuation" && continuationTarget?.continued.includes(k)) {
            if (!isHeadLike(blocks[k]!) || blocks[k]!.words > 12) break;
            continuationTarget.continued.splice(continuationTarget.continued.indexOf(k), 1);
          } else if (!isHeadLike(blocks[k]!)) break;
          start = k;
          if (blocks[k]!.gapBefore >= 3) break;
        }
        stretch = stretch.filter((k) => k < start);
        closeStretch(start);
        const found: Article = {
          anchor: { block: i, labelBlocks: new Map(), lastMatched: i },
          headStart: start,
          blocks: [],
          continued: [],
        };
        for (let k = start; k < i; k++) if (!drops.has(k)) found.blocks.push(k);
        extra.push(found);
        current = found;
        state = "article";
        proseSeen = false;
        found.blocks.push(i);
        continue;
      }
      if (state === "continuation") continuationTarget!.continued.push(i);
      else stretch.push(i);
      continue;
    }
    current.blocks.push(i);
    if (isProse(block)) proseSeen = true;
    if (proseSeen && i > current.anchor.block && isSignature(block)) {
      state = "after";
      segmentStart = i;
      stretchDrop = "after-signature";
    }
  }
  closeStretch(regionEnd);
}

/** Step 8: a draft of each article in page order; every block no article holds is a dropped line, with why. */
function toDrafts(blocks: readonly Block[], articles: readonly Article[], front: FrontPage, drops: Drops): SplitResult {
  const drafts: Draft[] = [];
  const everything = [...articles].sort((x, y) => x.headStart - y.headStart);
  for (const article of everything) {
    const draft = buildArticle(article, blocks, { issue: front.issue, issueDate: front.issueDate });
    if (draft) drafts.push(draft);
  }
  // Anything left unclaimed (should be rare) is reported, not lost.
  const used = new Set(everything.flatMap((article) => [...article.blocks, ...article.continued]));
  const droppedLines: DroppedLine[] = [];
  blocks.forEach((block, i) => {
    if (used.has(i)) return;
    const { reason } = drops.get(i) ?? dropOf("unclaimed");
    for (const line of block.lines) if (line.text.trim() !== "") droppedLines.push({ line: line.n, text: line.text, reason });
  });
  return { kind: "print-issue", drafts, dropped: droppedLines };
}

interface BuildContext {
  issue: string | undefined;
  issueDate: IssueDate | undefined;
}

function headingMarkdown(block: Block, level: number): string {
  const text = unwrapEmphasis(
    block.raw
      .replace(/^\s{0,3}#{1,6}\s+/, "")
      .replace(/ {2,}\n/g, " ")
      .replace(/\n/g, " "),
  );
  return `${"#".repeat(level)} ${text}`;
}

function buildArticle(article: Article, blocks: readonly Block[], context: BuildContext): Draft | undefined {
  const order = [...article.blocks];
  if (order.length === 0 && article.continued.length === 0) return undefined;
  const { anchor } = article;
  const group = anchor.group;
  const review: string[] = [];
  const consumed: ConsumedLine[] = [];

  // The head: from the first block to the first paragraph of running text.
  const head: number[] = [];
  for (const i of order) {
    if (i > anchor.block && !isHeadLike(blocks[i]!)) break;
    if (i > anchor.block && head.length - order.indexOf(anchor.block) > 6) break;
    head.push(i);
  }

  // The headline.
  const entryText = group ? normalized(group.entry) : undefined;
  const isCandidate = (i: number) => {
    const block = blocks[i]!;
    if (dateLineOf(block) || block.words <= 2) return false;
    const label = anchor.labelBlocks.get(i);
    return !(label && label.bold);
  };
  let title: number | undefined = head.find((i) => entryText !== undefined && normalized(blocks[i]!.text) === entryText);
  if (title === undefined && anchor.entryBlock !== undefined && head.includes(anchor.entryBlock)) {
    const entry = anchor.entryBlock;
    const after = head.filter((i) => i > entry && isCandidate(i) && rank(blocks[i]!) < rank(blocks[entry]!));
    const best = Math.min(...after.map((i) => rank(blocks[i]!)));
    title = after.length > 0 ? after.find((i) => rank(blocks[i]!) === best) : entry;
  }
  if (title === undefined) {
    const candidates = head.filter((i) => isCandidate(i) && rank(blocks[i]!) <= 7);
    const best = Math.min(...candidates.map((i) => rank(blocks[i]!)));
    title = candidates.find((i) => rank(blocks[i]!) === best);
  }
  let titleText: string;
  if (title !== undefined) {
    const printed = stripMarkdown(blocks[title]!.raw);
    titleText = group && normalized(printed) === normalized(group.entry) ? stripMarkdown(group.entry) : printed;
  } else {
    const prose = order.find((i) => isProse(blocks[i]!));
    titleText = (prose !== undefined ? headlineFromTeaser(blocks[prose]!.text) : undefined) ?? stripMarkdown(blocks[order[0]!]!.raw);
    review.push("headline derived from the first paragraph; no heading was found");
  }
  if (group && normalized(titleText) !== normalized(group.entry)) {
    review.push(`the issue's index lists it as “${stripMarkdown(group.entry)}” (page ${group.page})`);
  }
  if (!group) review.push("not listed in the issue's index: its page is not known");

  // The date: the first date line in the head or just below it.
  let dateBlock: number | undefined;
  let date: string | undefined;
  let place: string | undefined;
  for (const i of order.slice(0, head.length + 3)) {
    const found = dateLineOf(blocks[i]!);
    if (!found) continue;
    dateBlock = i;
    if (found.place) place = found.place;
    if (found.date.year !== undefined) date = toEdtf(found.date);
    else if (context.issueDate) {
      const year = resolveYear(found.date, context.issueDate);
      date = toEdtf({ ...found.date, year });
      review.push(`year of \`${found.date.text}\` inferred from the issue date (${context.issueDate.text})`);
    }
    break;
  }
  if (!date && context.issueDate) {
    date = toEdtf(context.issueDate);
    review.push(`date is the issue's (${[context.issue, context.issueDate.text].filter(Boolean).join(", ")}); the article prints none`);
  }

  // A signature that is a person's name is the byline.
  let authors: string[] | undefined;
  let authorBlock: number | undefined;
  const last = order[order.length - 1];
  if (
    last !== undefined &&
    last !== title &&
    isSignature(blocks[last]!) &&
    isNameOnly(blocks[last]!.text) &&
    !/[*_]/.test(blocks[last]!.raw)
  ) {
    authors = blocks[last]!.text.split(/\s+(?:and|y|&)\s+|,\s*/)
      .map((name) => name.trim())
      .filter(Boolean);
    authorBlock = last;
  }

  // The body.
  const pieces: Piece[] = [];
  const titleIndex = title !== undefined ? order.indexOf(title) : -1;
  for (const i of [...order, ...article.continued]) {
    const block = blocks[i]!;
    const nonBlank = block.lines.filter((line) => line.text.trim() !== "");
    if (i === title) {
      for (const line of nonBlank) consumed.push({ line: line.n, role: "title" });
      continue;
    }
    if (i === authorBlock) {
      for (const line of nonBlank) consumed.push({ line: line.n, role: "byline" });
      continue;
    }
    let lines = nonBlank;
    if (i === dateBlock) {
      consumed.push({ line: nonBlank[0]!.n, role: "date" });
      lines = nonBlank.slice(1);
      if (lines.length === 0) continue;
    }
    for (const line of lines) consumed.push({ line: line.n, role: "body" });
    const raw = lines.map((line) => line.text.replace(/\r$/, "")).join("\n");
    const level = headingLevel(lines[0]!.text);
    const beforeTitle = titleIndex >= 0 && order.indexOf(i) >= 0 && order.indexOf(i) < titleIndex;
    if (level > 0) {
      const text = headingMarkdown({ ...block, raw }, Math.max(2, level));
      pieces.push({
        markdown: beforeTitle ? `**${text.replace(/^#+\s+/, "")}**` : text,
        joinable: false,
        lines: lines.map((line) => line.n),
      });
    } else {
      // What stands alone after an image's empty lines, or is set in bold or italics, is a caption or pull quote.
      // Kickers above the headline never continue into the text.
      const caption =
        beforeTitle ||
        (((block.gapBefore >= 3 && block.words <= 30) || isEmphasizedOnly(raw)) && !/\p{L}-(?:\*{1,3}|_{1,3})?$/u.test(raw.trim()));
      pieces.push({
        markdown: raw.replace(/^[ \t]+/gm, "").replace(/[ \t]+$/gm, (spaces) => (spaces.length >= 2 ? "  " : "")),
        joinable: true,
        caption,
        lines: lines.map((line) => line.n),
      });
    }
  }
  const body = repairColumns(pieces)
    .map((piece) => piece.markdown.replace(/ {2,}$/, ""))
    .join("\n\n");

  const draft: Draft = { title: titleText, review, body, consumed };
  if (date) draft.date = date;
  if (place) draft.place = place;
  if (authors) draft.authors = authors;
  if (context.issue) draft.issue = context.issue;
  if (group) draft.page = group.page;
  return draft;
}
