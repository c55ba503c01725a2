/**
 * Small text utilities over the converter's Markdown-ish lines: plain text
 * for fields, words for scoring, folding for matching. No news text is ever
 * rewritten here, only read.
 */
import { fold } from "../lib/text-fold.ts";

/** Heading level of a Markdown heading line (`## x` -> 2), or 0. */
export function headingLevel(line: string): number {
  const match = /^\s{0,3}(#{1,6})\s+\S/.exec(line);
  return match ? match[1]!.length : 0;
}

/** The text of a line without Markdown: headings, emphasis, links, images, escapes, tags. */
export function stripMarkdown(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, "")
        .replace(/\s+#+\s*$/, "")
        .replace(/^\s{0,3}[*+-]\s+(?=\S)/, "")
        .replace(/^\s{0,3}>\s?/, ""),
    )
    .join(" ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/<\/?(?:sup|sub|em|strong|b|i|u|span|small|mark)\b[^>]*>/gi, "")
    .replace(/(\*{1,3}|_{2,3})(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[\s(“"])_(?=\S)([^_]*?\S)_(?=$|[\s.,;:!?)”"])/g, "$1$2")
    .replace(/\*{2,3}/g, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>$~"'])/g, "$1")
    .replace(/[ \t]+/g, " ")
    .trim();
}

export { fold };

export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
}

export function wordCount(text: string): number {
  return words(text).length;
}

/** Ends like a sentence: `.`, `…`, `[…]`, possibly inside closing quotes or brackets. */
export function endsWithPeriod(text: string): boolean {
  return /(?:[.…]|\[…\]|\[\.\.\.\])["'”’»)\]]*$/.test(text.trim());
}

/** Ends with any sentence-final mark, `?` and `!` included. */
export function endsSentence(text: string): boolean {
  return /(?:[.…!?]|\[…\])["'”’»)\]*]*$/.test(text.trim());
}

/** Starts in lower case once leading markup is set aside: a continued sentence. */
export function startsLowercase(text: string): boolean {
  const match = /^[\s*_"“'‘(]*(\p{L})/u.exec(text);
  return Boolean(match && match[1] !== match[1]!.toUpperCase() && match[1] === match[1]!.toLowerCase());
}

/** The whole line is wrapped in emphasis (`**x**`, `*x*`, `***x***`, `_x_`). */
export function isEmphasizedOnly(raw: string): boolean {
  const text = raw.trim().replace(/ {2,}\n/g, "\n");
  return /^(\*{1,3}|_{1,3})[^\s*_][\s\S]*?\1[.:!?,]?$/.test(text) && !/^\*{1,3}\s/.test(text);
}

/** The whole line is one Markdown link: `[Headline](https://...)`. */
export function linkOnly(raw: string): { text: string; url: string } | undefined {
  const match = /^\s*(?:#{1,6}\s+)?(?:\*{1,3})?\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)(?:\*{1,3})?\s*$/.exec(raw);
  return match ? { text: match[1]!, url: match[2]! } : undefined;
}

/** The first http(s) address of a Markdown link in the line, if any. */
export function firstLinkUrl(raw: string): string | undefined {
  const match = /\]\(\s*<?(https?:\/\/[^)\s>]+)>?/.exec(raw) ?? /<(https?:\/\/[^>\s]+)>/.exec(raw);
  return match?.[1];
}

const NAME_PARTICLES = new Set([
  "de",
  "da",
  "das",
  "do",
  "dos",
  "del",
  "la",
  "las",
  "los",
  "y",
  "e",
  "and",
  "van",
  "von",
  "der",
  "den",
  "di",
  "du",
  "le",
  "bin",
  "al",
]);

/**
 * A bare proper name such as `Pedro Castillo` or `Cristiano Mayta.`: what a
 * photo caption says, never a headline.
 */
export function isNameOnly(text: string): boolean {
  const tokens = text.trim().replace(/[.,]$/, "").split(/\s+/);
  if (tokens.length < 1 || tokens.length > 5) return false;
  let capitals = 0;
  for (const token of tokens) {
    if (NAME_PARTICLES.has(token)) continue;
    if (!/^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)$/u.test(token)) return false;
    capitals++;
  }
  return capitals >= 1;
}

/** Share of the significant words that start with a capital. */
export function titleCaseRatio(text: string, stopwords: ReadonlySet<string>): number {
  const significant = words(text).filter((word) => !stopwords.has(fold(word)) && /^\p{L}/u.test(word));
  if (significant.length === 0) return 0;
  return significant.filter((word) => /^\p{Lu}/u.test(word)).length / significant.length;
}

/** Removes one level of emphasis that wraps a whole line, keeping the text. */
export function unwrapEmphasis(raw: string): string {
  const match = /^(\*{1,3}|_{1,3})([\s\S]*?)\1([.:!?,]?)$/.exec(raw.trim());
  return match ? `${match[2]!.trim()}${match[3]}` : raw.trim();
}

/** A caption as an italic Markdown line (emphasis already there is not doubled). */
export function toItalicLine(raw: string): string {
  const inner = unwrapEmphasis(raw.replace(/ {2,}\n/g, " ").replace(/\n/g, " "));
  return `*${inner.replace(/\*+/g, "").trim()}*`;
}
