/**
 * Shallow features of each non-blank line of a page, for the line model
 * (line-model.ts): its length and words, punctuation, capitals, Markdown
 * marks, date and byline shapes, whether the rules call it boilerplate or a
 * caption, how often the page prints it, where it stands, and the same few
 * things of its neighbours. General shapes only: nothing names a site.
 */
import { makeBlock } from "./blocks.ts";
import { classifyUnit } from "./classify-units.ts";
import { findDates } from "./extract-date.ts";
import { endsWithPeriod, startsLowercase, stripMarkdown, titleCaseRatio, wordCount } from "./markdown-text.ts";
import { ALL_STOPWORDS } from "./stopwords.ts";
import type { Line } from "./types.ts";

/** The names of the features, in the order `lineFeatures` gives their values (the model file stores weights in this order). */
export const FEATURE_NAMES = [
  "bias",
  "words:1-3",
  "words:4-9",
  "words:10-20",
  "words:21-40",
  "words:41+",
  "log-chars",
  "ends-period",
  "ends-question-or-exclamation",
  "ends-colon",
  "ends-no-punctuation",
  "sentences:2+",
  "title-case",
  "all-capitals",
  "starts-lowercase",
  "digits-share",
  "heading-mark",
  "link-only",
  "has-link",
  "image",
  "emphasis-only",
  "list-mark",
  "rules:boilerplate",
  "rules:read-more",
  "rules:byline",
  "rules:date",
  "rules:caption-cue",
  "rules:name-only",
  "rules:headline-score",
  "has-month-date",
  "printed-twice",
  "printed-3-times",
  "position:first-tenth",
  "position:last-tenth",
  "blank-before",
  "blank-after",
  "next:words-21+",
  "next:ends-period",
  "previous:words-21+",
  "previous:rules-boilerplate",
  "next:rules-boilerplate",
  "previous:short",
  "next:short",
  "link:article-slug",
  "link:shallow-path",
  "in-run-of-short-lines",
  "stopword-share",
  "separators:2+",
  "ends-ellipsis",
  "copyright-or-credit",
  "next:long-text-not-boilerplate",
] as const;

export type FeatureVector = number[];

interface Shape {
  words: number;
  period: boolean;
  boilerplate: boolean;
}

/** One feature vector per non-blank line of `lines`, in order, with the line numbers they describe. */
export function lineFeatures(lines: readonly Line[], publication?: string): { lines: Line[]; features: FeatureVector[] } {
  const nonBlank = lines.filter((line) => line.text.trim() !== "");
  const counts = new Map<string, number>();
  for (const line of nonBlank) counts.set(line.text.trim(), (counts.get(line.text.trim()) ?? 0) + 1);
  const byNumber = new Map(lines.map((line) => [line.n, line.text]));
  // Each line is classified once (the rules' date and byline tests are the costly part).
  const units = nonBlank.map((line) => classifyUnit(makeBlock([line], 1), publication));
  const shapes: Shape[] = units.map((unit) => ({
    words: wordCount(unit.block.text),
    period: endsWithPeriod(unit.block.text),
    boilerplate: unit.kind === "boilerplate" || unit.kind === "read-more",
  }));
  // Runs of consecutive short lines (menus, tag clouds, share buttons) among the non-blank lines.
  const runLength = new Array<number>(shapes.length).fill(0);
  for (let start = 0; start < shapes.length;) {
    let end = start;
    while (end < shapes.length && shapes[end]!.words <= 4) end++;
    for (let i = start; i < end; i++) runLength[i] = end - start;
    start = end === start ? start + 1 : end;
  }
  const features = nonBlank.map((line, index) => {
    const raw = line.text.trim();
    const unit = units[index]!;
    const text = stripMarkdown(raw);
    const words = wordCount(text);
    const letters = text.replace(/[^\p{L}]/gu, "");
    const digits = text.replace(/[^\p{N}]/gu, "").length;
    const repeats = counts.get(raw) ?? 1;
    const previous = index > 0 ? shapes[index - 1] : undefined;
    const next = index + 1 < shapes.length ? shapes[index + 1] : undefined;
    const position = nonBlank.length > 1 ? index / (nonBlank.length - 1) : 0;
    const flag = (value: boolean) => (value ? 1 : 0);
    return [
      1,
      flag(words <= 3),
      flag(words >= 4 && words <= 9),
      flag(words >= 10 && words <= 20),
      flag(words >= 21 && words <= 40),
      flag(words > 40),
      Math.log1p(text.length) / 6,
      flag(endsWithPeriod(text)),
      flag(/[?!]["'”’»)\]]*$/.test(text)),
      flag(/:$/.test(text)),
      flag(!/[.?!:;,"'”’»)\]…]$/.test(text)),
      flag((text.match(/[.!?]\s+\p{Lu}/gu) ?? []).length >= 1),
      flag(words >= 3 && titleCaseRatio(text, ALL_STOPWORDS) >= 0.7),
      flag(letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()),
      flag(startsLowercase(raw)),
      text.length > 0 ? digits / text.length : 0,
      flag(/^#{1,6}\s/.test(raw)),
      flag(/^\[[^\]]*\]\([^)]*\)$/.test(raw)),
      flag(/\]\([^)]*\)/.test(raw)),
      flag(/!\[/.test(raw)),
      flag(/^[*_]{1,3}[^*_].*[^*_][*_]{1,3}$/.test(raw)),
      flag(/^(?:[*+-]|\d+\.)\s/.test(raw)),
      flag(unit.kind === "boilerplate"),
      flag(unit.kind === "read-more"),
      flag(unit.kind === "byline"),
      flag(unit.kind === "date"),
      flag(unit.captionCue),
      flag(unit.nameOnly),
      unit.kind === "text" ? Math.max(-3, Math.min(3, unit.h)) / 3 : 0,
      flag(words <= 16 && findDates(text).some((found) => found.month !== undefined)),
      flag(repeats === 2),
      flag(repeats >= 3),
      flag(position <= 0.1),
      flag(position >= 0.9),
      flag((byNumber.get(line.n - 1) ?? "").trim() === ""),
      flag((byNumber.get(line.n + 1) ?? "").trim() === ""),
      flag((next?.words ?? 0) > 20),
      flag(next?.period ?? false),
      flag((previous?.words ?? 0) > 20),
      flag(previous?.boilerplate ?? false),
      flag(next?.boilerplate ?? false),
      flag(previous !== undefined && previous.words <= 9),
      flag(next !== undefined && next.words <= 9),
      flag(/\]\([^)]*\/[^/)]*\p{L}+-\p{L}+-\p{L}+[^/)]*\/?\)|\]\([^)]*\d{5,}[^)]*\)/u.test(raw)),
      flag(/\]\((?:https?:\/\/[^/)]+)?\/?[^/)]{0,20}\/?\)/.test(raw)),
      flag(runLength[index]! >= 4),
      words > 0
        ? text
            .toLowerCase()
            .split(/[^\p{L}]+/u)
            .filter((word) => ALL_STOPWORDS.has(word)).length / words
        : 0,
      flag((raw.match(/\s[|·•]\s/g) ?? []).length >= 2),
      flag(/(?:…|\.\.\.)\s*[\]"”»)]*$/.test(text)),
      flag(/©|\b(?:copyright|all rights reserved|derechos reservados|getty images|reuters|afp|ap photo|efe)\b/i.test(text)),
      flag(next !== undefined && next.words > 15 && !next.boilerplate),
    ];
  });
  return { lines: nonBlank, features };
}
