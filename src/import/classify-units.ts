/**
 * What one unit of a web page is: boilerplate, a byline, a date line, a
 * read-more link, or text; and for text, how much it looks like a headline.
 * The features are general (length, final punctuation, capitals, Markdown
 * marks), so that pages of outlets nobody has seen split without a site rule.
 */
import { escapeRegExp } from "../lib/escape-reg-exp.ts";
import type { Block } from "./blocks.ts";
import { boilerplateReason } from "./boilerplate.ts";
import { NEWS_AGENCIES } from "./boilerplate-lexicon.ts";
import { splitSentences } from "./derive-headline.ts";
import { findDates, parseDateLine, type FoundDate } from "./extract-date.ts";
import {
  endsWithPeriod,
  firstLinkUrl,
  fold,
  headingLevel,
  isEmphasizedOnly,
  isNameOnly,
  linkOnly,
  startsLowercase,
  stripMarkdown,
  titleCaseRatio,
  wordCount,
} from "./markdown-text.ts";
import { ALL_STOPWORDS } from "./stopwords.ts";

export type UnitKind = "boilerplate" | "byline" | "date" | "read-more" | "text";

export interface Unit {
  block: Block;
  kind: UnitKind;
  /** Boilerplate: why. */
  reason?: string;
  /** Boilerplate: a short line the page prints three times or more (a label over items, a menu entry). */
  repeatedLabel?: boolean;
  /** Byline: the names as printed. */
  authors?: string[];
  /** Byline or date line: the date. */
  date?: FoundDate;
  place?: string;
  /** A link address on the unit (headline link, read-more link). */
  url?: string;
  /** Text: the Markdown mark that makes it a headline (`h2`, `link`, `bold`), if any. */
  mark?: string;
  /** Text: headline-likeness; positive looks like a headline, negative like running text. */
  h: number;
  /** Text: a photo caption by its wording (`[left]`, `Photo:`, an image's alt text). */
  captionCue: boolean;
  /** Text: a bare proper name (`Pedro Castillo`): a caption's words, not a headline's. */
  nameOnly: boolean;
  /** Text: names of a byline that opens the unit's line (`By Gwynne Dyer – ...`), cut off the text. */
  inlineAuthors?: string[];
  /** Text: that byline as printed. */
  inlineByline?: string;
  /** Text: a headline in capitals run in with the text it heads (`HEADLINE IN CAPITALS: CITY (AP) — ...`). */
  runInHead?: string;
  /**
   * A credit line's names (`— Associated Press`, `Fonte: Uol`): the item's byline when it prints none. The
   * unit keeps its kind (text or boilerplate), so that where items begin and end is decided as before.
   */
  credit?: string[];
  /** Text: the agency a paragraph credits in brackets after its last sentence (`... replicar. (Agencias)`). */
  closingCredit?: string[];
  /** Text: a read-more link at the end of the unit's last line, cut off the text (`... Read more »`). */
  trailingReadMore?: string;
}

const TRAILING_READ_MORE =
  /\s*(?:\[\s*)?(?:read more|continue reading|keep reading|leer más|leer mas|seguir leyendo|sigue leyendo|ver más|lire la suite)\s*(?:\.{2,3}|…)?\s*(?:»|›|→|>>)?(?:\s*\]\([^)]*\))?\s*$/i;

const BYLINE =
  /^(?:(?:by|por|written by|posted by|published by|escrito por|publicado por|texto de|reporting by|reportagem de)\s*:?|(?:autor(?:a|es)?|authors?|texto|text|reportaje)\s*:)\s+(.+)$/i;

/** `Jim Byrne`, `A, B and C`, `Ana y Luisa` -> names; undefined when the rest is not name-like. */
export function parseAuthors(text: string): string[] | undefined {
  const cleaned = text.replace(/[|·•]\s*$/, "").trim();
  if (cleaned === "" || wordCount(cleaned) > 10) return undefined;
  const names = cleaned
    .split(/\s*,\s*(?:and\s+|y\s+)?|\s+(?:and|y|&)\s+/i)
    .map((name) => name.trim().replace(/[.,;]+$/, ""))
    .filter(Boolean);
  if (names.length === 0) return undefined;
  // A dash, question mark or quotation is a sentence going on after the names (`By Gwynne Dyer – Could ...`).
  if (names.some((name) => /[–—?:;"“”«»]|\s-\s/.test(name))) return undefined;
  // "By staff" and "Por Redacción" are bylines; "By the way ..." is not.
  if (!names.every((name) => /^\p{Lu}/u.test(name) || /^(?:staff|redacción|redaccion|editors?|editorial)$/i.test(name))) return undefined;
  return names;
}

/** `March 3, 2023 | By Ana Ruiz`, `By Ana Ruiz · 3 March 2023`: a byline and a date on one line. */
function parseBylineWithDate(text: string): { authors: string[]; date?: FoundDate } | undefined {
  const parts = text
    .split(/\s+[|·•]\s+|\s+[–—]\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2 || parts.length > 3) return undefined;
  let authors: string[] | undefined;
  let date: FoundDate | undefined;
  for (const part of parts) {
    const byline = BYLINE.test(part) ? parseByline(part, false) : undefined;
    const dateLine = parseDateLine(part);
    if (byline && !authors) authors = byline.authors;
    else if (dateLine && !date) date = dateLine.date;
    else return undefined;
  }
  return authors ? { authors, ...(date ? { date } : {}) } : undefined;
}

/** `De Ana Ruiz`: `De` opens a byline only before names and nothing else (`De Lima a Cusco` is not one). */
const DE_BYLINE = /^de\s+(.+)$/i;

/**
 * `| By AFP | Ana Ruiz and Luis Paz |`: a byline set between bars, the agency
 * and the names in cells of their own; every name kept as printed.
 */
function parseBarredByline(text: string): { authors: string[] } | undefined {
  if (!/\|/.test(text)) return undefined;
  const cells = text
    .split("|")
    .map((cell) => cell.trim())
    .filter(Boolean);
  if (cells.length < 2 || cells.length > 4) return undefined;
  const match = BYLINE.exec(cells[0]!);
  if (!match) return undefined;
  const authors: string[] = [];
  for (const [k, cell] of cells.entries()) {
    const names = k === 0 ? parseAuthors(match[1]!) : parseAuthors(cell);
    if (!names || !names.every((name) => isNameOnly(name))) return undefined;
    authors.push(...names);
  }
  return { authors };
}

function parseByline(text: string, combined = true): { authors: string[]; date?: FoundDate } | undefined {
  if (combined) {
    const both = parseBylineWithDate(text);
    if (both) return both;
    const barred = parseBarredByline(text);
    if (barred) return barred;
  }
  const de = DE_BYLINE.exec(text.trim());
  if (de && wordCount(text) <= 9) {
    const names = parseAuthors(de[1]!);
    return names && names.every((name) => isNameOnly(name) && wordCount(name) >= 2) ? { authors: names } : undefined;
  }
  const match = BYLINE.exec(text.trim());
  if (!match) return undefined;
  let rest = match[1]!.trim();
  let date: FoundDate | undefined;
  const dates = findDates(rest).filter((found) => found.year !== undefined && found.month !== undefined);
  if (dates.length === 1) {
    date = dates[0]!;
    rest = (rest.slice(0, date.index) + rest.slice(date.index + date.text.length))
      .replace(/\s*(?:[|·•,–—-]|\bon\b|\bel\b)\s*$/i, "")
      .replace(/\s*[|·•–—-]\s*/g, " ")
      .trim();
  }
  // A numeric date or a time left after the names (`Ana Ruiz | 11.10.2023 16h06`, `Ana Ruiz 12h12`) is no name.
  rest = rest.replace(/(?:\s*[|·•]\s*|\s+)(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4})?(?:\s*[-–]?\s*\d{1,2}[h:]\d{2})?\s*$/u, "").trim();
  const authors = parseAuthors(rest);
  return authors ? { authors, ...(date ? { date } : {}) } : undefined;
}

const AGENCY_NAMES = NEWS_AGENCIES.map(escapeRegExp).join("|");
/** `— Associated Press` on a line of its own: the agency credited under its story. */
const DASH_CREDIT = new RegExp(
  `^[—–]\\s*((?:${AGENCY_NAMES})(?:\\s*(?:[/,&]|\\band\\b|\\by\\b|\\be\\b)\\s*(?:${AGENCY_NAMES}))*)\\.?$`,
  "u",
);
/** `... the last sentence. (Agencias)`: the agency credited in brackets after the story's last sentence. */
const CLOSING_CREDIT = new RegExp(`[.!?"”»]\\s*\\(((?:${AGENCY_NAMES})(?:\\s*[/,]\\s*(?:${AGENCY_NAMES}))*)\\)\\.?$`, "u");
const SOURCE_CREDIT_LEAD =
  /^(?:source|fuente|fonte|con información de|with information from)(?:\s+(?:and|y|e|&)\s+(?:photo|foto))?\s*:?\s*/iu;

const agencyNames = (text: string) => text.split(/\s*(?:[/,&]|\band\b|\by\b|\be\b)\s*/u).filter(Boolean);

/** The agency credited in brackets after a paragraph's last sentence, if any. */
function closingCredit(text: string): string[] | undefined {
  const match = CLOSING_CREDIT.exec(text.trim());
  return match ? agencyNames(match[1]!) : undefined;
}

/**
 * Who a credit line names: `— Associated Press` under a brief, `Fonte: Uol` under a reposted story: where
 * the page says whose the story is.
 */
function creditLine(text: string, reason: string | undefined): string[] | undefined {
  const dash = DASH_CREDIT.exec(text.trim());
  if (dash) return agencyNames(dash[1]!);
  if (reason !== "source credit") return undefined;
  const rest = text.trim().replace(SOURCE_CREDIT_LEAD, "").replace(/\.$/, "");
  const names = rest
    .split(/\s*[/|]\s*/)
    .flatMap((part) => parseAuthors(part) ?? [])
    .filter(Boolean);
  return names.length > 0 ? names : undefined;
}

/** `By Gwynne Dyer – Could there be ...`: a byline opening a line of text, set off by a dash. */
const INLINE_BYLINE =
  /^\s*[*_]*(by|por|written by|escrito por)\s+([\p{Lu}][\p{L}.'’ -]{1,60}?(?:\s+(?:and|y|&)\s+[\p{Lu}][\p{L}.'’ -]{1,40}?)?)[*_]*\s+[–—]\s+(?=\S)/iu;

/** `Column Name, by ` opening a teaser: a column's name and its writer's byline run in with the text. */
const COLUMN_BY = /^\s*(?:\p{Lu}[\p{L}'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*,\s+(?:by|por)\s+/u;

/**
 * `Column Name, by Ann Author The text ...`: the writer's name is the two to four capitalised words after
 * `by`, ended by a dash or by a capitalised function word opening the text (`The`, `El`, `In`). Shaped as
 * INLINE_BYLINE's match: [whole, by, names].
 */
function columnByline(raw: string): [string, string, string] | undefined {
  const opening = COLUMN_BY.exec(raw);
  if (!opening) return undefined;
  const tokens = raw.slice(opening[0].length).split(/(\s+)/);
  const words = tokens.filter((_, i) => i % 2 === 0);
  for (let n = 2; n <= 4 && n < words.length; n++) {
    if (!/^\p{Lu}[\p{L}.'’-]*$/u.test(words[n - 1]!)) return undefined;
    const next = words[n]!;
    const dash = /^[–—]$/.test(next);
    if (!dash && !(/^\p{Lu}/u.test(next) && ALL_STOPWORDS.has(fold(next)))) continue;
    const names = words.slice(0, n).join(" ");
    const taken = tokens.slice(0, 2 * n + (dash ? 2 : 0)).join("");
    return [`${opening[0]}${taken}`, "by", names];
  }
  return undefined;
}

const CAPTION_CUE =
  /\\?\[(?:left|right|center|centre|izquierda|derecha|centro)\\?\]|\((?:left|right|center|izquierda|derecha|centro|photo|foto)\b[^)]*\)|^(?:photo|foto|image|imagen|picture|credit|crédito|pictured|en la foto|in the photo)\s*[:|(]|\b(?:photo|foto)\s*(?:by|de|:)\s*\p{Lu}|©/iu;

export function hasCaptionCue(text: string): boolean {
  return CAPTION_CUE.test(text);
}

/** A short line ending in an abbreviation's point (`EE. UU.`, `U.S.`, `Jr.`) has not ended a sentence. */
const ABBREVIATION_END = /(?:(?:^|\s)(?:\p{Lu}{1,2}\.\s?){2,3}|\b(?:Jr|Sr|Dr|Dra|Sra|Inc|Ltd|Co|Corp|St)\.)$/u;

/** Headline-likeness of a text unit: length, final punctuation, capitals, Markdown marks. */
export function headlineScore(block: Block, mark: string | undefined): number {
  const text = block.text;
  const w = block.words;
  let h = mark ? 3 : 0;
  h += w <= 3 ? 0.3 : w <= 18 ? 1 : w <= 25 ? 0 : w <= 40 ? -1.5 : -3;
  if (endsWithPeriod(text) && !(w <= 12 && ABBREVIATION_END.test(text.trim()))) h -= 2;
  else if (/[?!]["'”’»)\]]*$/.test(text)) h += 0;
  else if (/[:,;]$/.test(text)) h -= 0.5;
  else h += 1;
  if (splitSentences(text).length > 1) h -= 1.5;
  if (w >= 3 && titleCaseRatio(text, ALL_STOPWORDS) >= 0.7) h += 1;
  if (startsLowercase(block.raw)) h -= 2;
  if (/^[\p{L}\s]{2,25}:\s/u.test(text)) h += 0.5;
  return h;
}

/** `HEADLINE IN CAPITALS: text`: three or more words in capitals and a colon, then a paragraph of text. */
const RUN_IN_HEAD = /^((?:[\p{Lu}\d][\p{Lu}\d'’.,&$%-]*\s+){2,}[\p{Lu}\d][\p{Lu}\d'’.,&$%-]*):\s+(\S.*)$/su;

/**
 * `→ Headline as printed: text`: a list mark, a headline of 4 to 20 words opening in capitals, a colon, a
 * paragraph of text (a digest printing one item a line). The mark is what tells it from a sentence quoting
 * someone after a colon.
 */
const BULLETED_RUN_IN = /^[→•►▪▸‣➤]\s*(\p{Lu}[^:\n]*?):\s+(\S.*)$/su;

/**
 * `Headline as printed.- text`: a press digest's headline closed by a point and a dash, then its text. A
 * dateline closing the same way (`Madrid, 18 jun (EFE).-`) names its agency in brackets: not a headline.
 */
const DASHED_RUN_IN = /^(\p{Lu}[^()\n]*?[.!?])-\s+(\S.*)$/su;

export function runInHeadline(text: string): { headline: string; rest: string } | undefined {
  const dashed = DASHED_RUN_IN.exec(text.trim());
  if (dashed) {
    const headline = dashed[1]!.trim();
    const words = wordCount(headline);
    if (words >= 3 && words <= 20 && wordCount(dashed[2]!) >= 8 && splitSentences(headline).length === 1)
      return { headline, rest: dashed[2]! };
  }
  const bulleted = BULLETED_RUN_IN.exec(text.trim());
  if (bulleted) {
    const headline = bulleted[1]!.trim();
    const words = wordCount(headline);
    if (words >= 4 && words <= 20 && wordCount(bulleted[2]!) >= 8 && !/[.!?]$/.test(headline)) return { headline, rest: bulleted[2]! };
  }
  const match = RUN_IN_HEAD.exec(text.trim());
  if (!match) return undefined;
  const headline = match[1]!.trim();
  if ((headline.match(/\p{Lu}/gu) ?? []).length < 10 || wordCount(match[2]!) < 8) return undefined;
  return { headline, rest: match[2]! };
}

function markOf(raw: string): string | undefined {
  const level = headingLevel(raw);
  if (level > 0) return `h${level}`;
  if (linkOnly(raw)) return "link";
  if (isEmphasizedOnly(raw) && /^\*\*|^__/.test(raw.trim())) return "bold";
  return undefined;
}

/**
 * A line of item metadata in any common order: `Posted on January 9, 2023 by Jane Doe`,
 * `January 9, 2023 by Jane Doe`, `Jane Doe · 9 January 2023`.
 */
function parseMetaLine(text: string): { authors?: string[]; date?: FoundDate } | undefined {
  if (wordCount(text) > 16) return undefined;
  const dates = findDates(text).filter((found) => found.month !== undefined);
  if (dates.length !== 1) return undefined;
  const date = dates[0]!;
  const rest = (text.slice(0, date.index) + " " + text.slice(date.index + date.text.length))
    .replace(/\b(?:posted|published|updated|last updated|publicado|actualizado)\b(?:\s+(?:on|el|:))?/gi, " ")
    .replace(/[|·•,–—]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (rest === "") return { date };
  const by = /^(?:by|por)\s+(.+)$/i.exec(rest);
  const authors = by ? parseAuthors(by[1]!) : isNameOnly(rest) && wordCount(rest) <= 4 ? [rest] : undefined;
  return authors ? { authors, date } : undefined;
}

export function classifyUnit(block: Block, publication?: string): Unit {
  const base = { block, h: 0, captionCue: false, nameOnly: false };
  const reason = boilerplateReason(block.raw, publication);
  // Read as the item's byline when it prints no other, but left where it is for the split (see `credit`).
  const credit = creditLine(block.text, reason);
  if (reason === "read-more link") {
    const url = firstLinkUrl(block.raw);
    return { ...base, kind: "read-more", reason, ...(url ? { url } : {}) };
  }
  if (reason) return { ...base, kind: "boilerplate", reason, ...(credit ? { credit } : {}) };
  const text = block.text;
  const byline = parseByline(text);
  if (byline) return { ...base, kind: "byline", authors: byline.authors, ...(byline.date ? { date: byline.date } : {}) };
  const inline = INLINE_BYLINE.exec(block.raw) ?? columnByline(block.raw);
  if (inline && block.lines.length === 1) {
    const names = parseAuthors(inline[2]!);
    if (names && names.every((name) => isNameOnly(name))) {
      const raw = block.raw.slice(inline[0].length);
      const rest = stripMarkdown(raw);
      const inner = classifyUnit({ ...block, raw, text: rest, words: wordCount(rest) }, publication);
      if (inner.kind === "text")
        return {
          ...inner,
          block: { ...inner.block, raw, text: rest, words: wordCount(rest) },
          inlineAuthors: names,
          inlineByline: inline[0].trim(),
        };
    }
  }
  const dateLine = parseDateLine(text);
  if (dateLine) return { ...base, kind: "date", date: dateLine.date, ...(dateLine.place ? { place: dateLine.place } : {}) };
  const meta = parseMetaLine(text);
  if (meta?.authors) return { ...base, kind: "byline", authors: meta.authors, ...(meta.date ? { date: meta.date } : {}) };
  if (meta?.date) return { ...base, kind: "date", date: meta.date };
  let trailingReadMore: string | undefined;
  let url: string | undefined;
  const readMore = TRAILING_READ_MORE.exec(block.raw);
  if (readMore && readMore.index > 0 && /[.!?…"”)\]]$/.test(block.raw.slice(0, readMore.index).trim())) {
    trailingReadMore = readMore[0].trim();
    url = firstLinkUrl(trailingReadMore);
    const raw = block.raw.slice(0, readMore.index).replace(/\s+$/, "");
    const text = stripMarkdown(raw);
    block = { ...block, raw, text, words: wordCount(text) };
  }
  const mark = markOf(block.raw);
  const link = linkOnly(block.raw);
  const runIn = runInHeadline(block.text);
  const imageAlt = /^!\[([^\]]+)\]\([^)]*\)$/.exec(block.raw.trim());
  const closing = closingCredit(block.text);
  return {
    ...base,
    block,
    kind: "text",
    ...(mark ? { mark } : {}),
    ...(link && /^https?:/i.test(link.url) ? { url: link.url } : url && /^https?:/i.test(url) ? { url } : {}),
    ...(trailingReadMore ? { trailingReadMore } : {}),
    ...(runIn ? { runInHead: runIn.headline } : {}),
    // A credit line (`— Associated Press`) closes its story: short and unpunctuated, but no headline.
    h: credit ? -3 : headlineScore(block, mark),
    captionCue: Boolean(imageAlt) || hasCaptionCue(text),
    nameOnly: isNameOnly(stripMarkdown(block.raw)),
    ...(credit ? { credit } : {}),
    ...(closing && block.words >= 8 ? { closingCredit: closing } : {}),
  };
}

/** A bullet in front of a line (`• Headline` in a list of links, then the headline) does not make it another line. */
export function sameLine(a: string, b: string): boolean {
  const bare = (text: string) => text.replace(/^[•·▪►◦‣]\s*/u, "");
  return bare(a) === bare(b);
}

/** A headline printed twice in a row (an image's link, then the title): the copy nearest the text is the headline. */
function headlineTwice(earlier: Unit, later: Unit): boolean {
  const headlineLike = (unit: Unit) => unit.kind === "text" && unit.h >= 1 && !unit.captionCue && unit.block.words <= 25;
  return headlineLike(earlier) && headlineLike(later) && sameLine(earlier.block.text, later.block.text);
}

const isRepeat = (unit: Unit) => unit.kind === "boilerplate" && unit.reason?.startsWith("repeated line") === true;

/**
 * A line printed again a few lines below itself (an image's alt text and its
 * caption, a label shown twice) is kept once: the later copy is boilerplate;
 * but of a headline printed twice in a row, the earlier copy is, as the later
 * one stands where the item's text follows.
 */
export function markRepeats(units: Unit[], window = 4): Unit[] {
  const marked = markLaterRepeats(units, window);
  for (let i = 0; i + 1 < units.length; i++) {
    const earlier = units[i]!;
    const later = units[i + 1]!;
    if (marked[i]!.kind !== "text" || !isRepeat(marked[i + 1]!) || !headlineTwice(earlier, later)) continue;
    marked[i] = { ...earlier, kind: "boilerplate", reason: `repeated line (the same text as line ${later.block.first})` };
    // The earlier copy's link (an image's) is the headline's link.
    marked[i + 1] = later.url === undefined && earlier.url !== undefined ? { ...later, url: earlier.url } : later;
  }
  return marked;
}

function markLaterRepeats(units: Unit[], window: number): Unit[] {
  // A short line printed three times or more on one page is a label or menu entry (`Colunas Paulo Junior` over
  // each item), never an item's own headline.
  const copies = new Map<string, number>();
  for (const unit of units) if (unit.kind === "text") copies.set(unit.block.text, (copies.get(unit.block.text) ?? 0) + 1);
  return units.map((unit, index) => {
    const count = copies.get(unit.block.text) ?? 0;
    if (unit.kind === "text" && unit.block.words <= 6 && count >= 3) {
      return {
        ...unit,
        kind: "boilerplate" as const,
        reason: `a short line printed ${count} times on the page (a label or menu entry)`,
        repeatedLabel: true,
      };
    }
    if (unit.kind !== "text" || unit.block.words < 4) return unit;
    for (let k = Math.max(0, index - window); k < index; k++) {
      const other = units[k]!;
      if (other.kind === "text" && sameLine(other.block.text, unit.block.text)) {
        return { ...unit, kind: "boilerplate" as const, reason: `repeated line (the same text as line ${other.block.first})` };
      }
    }
    return unit;
  });
}
