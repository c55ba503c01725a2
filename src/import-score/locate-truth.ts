/**
 * Puts a truth file onto its page's lines: each item's anchor lines (its
 * headline line and the line holding its `start`), searched in page order,
 * and the line of each boilerplate entry. A truth file the page does not
 * bear out (an anchor not found, a boilerplate line listed more often than
 * the page prints it) is an error naming the file and the item or line. (A
 * line between anchors cannot be checked this way: an item's dateline may
 * come before its first words.) Boilerplate entries are placed first,
 * on the first whole lines printing their text; anchors are sought among
 * the other lines.
 */
import { TruthFileError, type Truth, type TruthItem } from "./truth-file.ts";

export interface LocatedItem {
  /** 0-based position in the truth file. */
  index: number;
  truth: TruthItem;
  /** 1-based page lines: the headline line (if printed) and the line holding `start` (if any), ascending. */
  anchors: number[];
}

export interface LocatedPage {
  /** How the page is named in output (its folder name). */
  name: string;
  truth: Truth;
  /** The page's lines (page.md), line n at index n - 1. */
  lines: string[];
  items: LocatedItem[];
  /** 1-based page lines that the truth file lists as boilerplate. */
  boilerplateLines: number[];
}

/** A headline as a reader sees it: Markdown link and emphasis marks dropped, spaces collapsed. */
export function plainHeadline(value: string): string {
  return value
    .normalize("NFC")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/[*`]+/g, "")
    .replace(/(^|\s)_+|_+(?=\s|$)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

function brokenHeadlineAt(lines: readonly string[], first: number, wanted: string): boolean {
  let joined = plainHeadline(lines[first]!);
  if (!joined || !wanted.startsWith(joined)) return false;
  for (let i = first + 1; i < Math.min(lines.length, first + 3); i++) {
    const next = plainHeadline(lines[i]!);
    if (!next) return false;
    joined = `${joined} ${next}`;
    if (joined === wanted) return true;
    if (!wanted.startsWith(joined)) return false;
  }
  return false;
}

function itemLabel(file: string, item: TruthItem, index: number): string {
  const label = item.headline ?? item.start ?? "";
  return `${file}: item ${index + 1} (“${label.length > 60 ? `${label.slice(0, 59)}…` : label}”)`;
}

export function locateTruth(name: string, file: string, pageText: string, truth: Truth): LocatedPage {
  const lines = pageText.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();

  // Boilerplate entries claim the first occurrences of their text, so a headline printed twice
  // (an image link, then the title) is anchored on the copy the truth file does not list.
  const wantedCounts = new Map<string, number>();
  for (const entry of truth.boilerplate) wantedCounts.set(entry, (wantedCounts.get(entry) ?? 0) + 1);
  const boilerplateLines: number[] = [];
  for (const [entry, count] of wantedCounts) {
    const matching = lines.flatMap((line, i) => (line.trim() === entry ? [i + 1] : []));
    if (matching.length < count) {
      throw new TruthFileError(
        `${file}: boilerplate “${entry}” is listed ${count} time${count === 1 ? "" : "s"} but the page prints it as a whole line ${matching.length} time${matching.length === 1 ? "" : "s"}`,
      );
    }
    boilerplateLines.push(...matching.slice(0, count));
  }
  boilerplateLines.sort((a, b) => a - b);
  const listed = new Set(boilerplateLines);

  const items: LocatedItem[] = [];
  let from = 0;
  truth.items.forEach((item, index) => {
    const anchors: number[] = [];
    let startFrom = from;
    let headlineIndex = -1;
    const open = (i: number) => !listed.has(i + 1);
    if (item.headline !== null) {
      const wanted = plainHeadline(item.headline);
      for (let i = from; i < lines.length && headlineIndex < 0; i++) if (open(i) && plainHeadline(lines[i]!) === wanted) headlineIndex = i;
      for (let i = from; i < lines.length && headlineIndex < 0; i++)
        if (open(i) && plainHeadline(lines[i]!).includes(wanted)) headlineIndex = i;
      // Print headlines broken over two or three lines are written joined by a space in the truth file.
      for (let i = from; i < lines.length && headlineIndex < 0; i++) if (open(i) && brokenHeadlineAt(lines, i, wanted)) headlineIndex = i;
      if (headlineIndex < 0)
        throw new TruthFileError(
          `${itemLabel(file, item, index)}: the headline is not printed on the page after the previous item (outside the boilerplate lines)`,
        );
      anchors.push(headlineIndex + 1);
      startFrom = headlineIndex;
    }
    if (item.start !== null) {
      const start = item.start;
      let startIndex = -1;
      for (let i = startFrom; i < lines.length && startIndex < 0; i++) {
        if (!open(i)) continue;
        // On the headline's own line, the start must lie outside the headline.
        const line = i === headlineIndex ? lines[i]!.replace(item.headline!, "") : lines[i]!;
        if (start.split(/\s+/).length >= 4 ? line.includes(start) : line.trim() === start) startIndex = i;
      }
      if (startIndex < 0)
        throw new TruthFileError(
          `${itemLabel(file, item, index)}: the start “${start}” is not on the page after the item's headline or the previous item (outside the boilerplate lines); a start of fewer than 4 words must be a whole line`,
        );
      if (!anchors.includes(startIndex + 1)) anchors.push(startIndex + 1);
    }
    // Columns of a print page interleave: the next headline may come before this item's text, so the search goes on
    // from this item's first anchor, not its last.
    from = Math.min(...anchors);
    items.push({ index, truth: item, anchors });
  });

  return { name, truth, lines, items, boilerplateLines };
}
