/**
 * Groups a page's lines into blocks: paragraphs (runs of non-blank lines) for
 * print issues, and listing units (single lines, joined only where a line
 * plainly continues the one before) for listings.
 */
import { startsLowercase, stripMarkdown, wordCount } from "./markdown-text.ts";
import type { Line } from "./types.ts";

export interface Block {
  lines: Line[];
  /** First and last line numbers. */
  first: number;
  last: number;
  /** The lines as written, joined with `\n`. */
  raw: string;
  /** Plain text (Markdown removed, lines joined with spaces). */
  text: string;
  words: number;
  /** Blank lines between this block and the one before (or the top). */
  gapBefore: number;
  /** Whether the next non-blank line follows with no blank line between (same paragraph). */
  gluedToNext: boolean;
}

export function isBlank(text: string): boolean {
  return text.trim() === "";
}

export function makeBlock(lines: Line[], gapBefore: number, gluedToNext = false): Block {
  const raw = lines.map((line) => line.text.replace(/\r$/, "")).join("\n");
  const text = stripMarkdown(raw);
  return {
    lines,
    first: lines[0]!.n,
    last: lines[lines.length - 1]!.n,
    raw,
    text,
    words: wordCount(text),
    gapBefore,
    gluedToNext,
  };
}

/** Paragraph blocks: runs of non-blank lines separated by blank lines. */
export function toParagraphs(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  let gap = 0;
  let gapForCurrent = 0;
  for (const line of lines) {
    if (isBlank(line.text)) {
      if (current.length > 0) {
        blocks.push(makeBlock(current, gapForCurrent));
        current = [];
        gap = 0;
      }
      gap++;
      continue;
    }
    if (current.length === 0) gapForCurrent = gap;
    current.push(line);
  }
  if (current.length > 0) blocks.push(makeBlock(current, gapForCurrent));
  return blocks;
}

/** `by Jane Roe`, `por Ana Ruiz de la Cruz`: a byline and nothing else on its line. */
const OWN_BYLINE = /^\s*(?:by|por)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:de|del|la|da|do|dos|van|von|\p{Lu}[\p{L}.'’-]*)){1,4}\s*$/u;

/**
 * Listing units: one per non-blank line, except that a line joins the one
 * before when it plainly continues it (hard break `  `, a trailing hyphen or
 * comma, or a lower-case start).
 */
export function toUnits(lines: readonly Line[]): Block[] {
  const units: Block[] = [];
  let current: Line[] = [];
  let gap = 0;
  let gapForCurrent = 0;
  const flush = (glued: boolean) => {
    if (current.length > 0) units.push(makeBlock(current, gapForCurrent, glued));
    current = [];
  };
  for (const line of lines) {
    if (isBlank(line.text)) {
      flush(false);
      gap++;
      continue;
    }
    if (current.length > 0) {
      const previous = current[current.length - 1]!.text.replace(/\r$/, "");
      // A hyphen continues a word only after a letter (`pala-`): a lone `-` is a separator line.
      // `by Jane Roe` alone on a line starts in lower case but is the byline under its text, not more of it.
      const continues =
        / {2,}$/.test(previous) || /\p{L}-$|[,;]$/u.test(previous.trim()) || (startsLowercase(line.text) && !OWN_BYLINE.test(line.text));
      if (!continues) {
        flush(true);
        gapForCurrent = 0;
      }
    } else {
      gapForCurrent = gap;
    }
    current.push(line);
    gap = 0;
  }
  flush(false);
  return units;
}

/** The non-blank lines of a block, for accounting. */
export function blockLineNumbers(block: Block): number[] {
  return block.lines.filter((line) => !isBlank(line.text)).map((line) => line.n);
}

export function plainWordCount(raw: string): number {
  return wordCount(stripMarkdown(raw));
}
