/**
 * A page holding one article: its headline (the first heading, or the first
 * headline-like line), byline and date near the top, the rest as the body;
 * web boilerplate is dropped and reported.
 */
import { toParagraphs } from "./blocks.ts";
import { classifyUnit } from "./classify-units.ts";
import { extractDateline, headlineFromTeaser } from "./derive-headline.ts";
import { toEdtf } from "./extract-date.ts";
import { headingLevel, stripMarkdown } from "./markdown-text.ts";
import type { ConsumedLine, Draft, DroppedLine, Line, SplitResult } from "./types.ts";

export interface ArticleOptions {
  publication: string;
}

export function splitArticle(lines: readonly Line[], options: ArticleOptions): SplitResult {
  const units = toParagraphs(lines).map((block) => classifyUnit(block, options.publication));
  const dropped: DroppedLine[] = [];
  const consumed: ConsumedLine[] = [];
  const review: string[] = [];
  const nonBlank = (unit: (typeof units)[number]) => unit.block.lines.filter((line) => line.text.trim() !== "");

  const firstProse = units.findIndex((unit) => unit.kind === "text" && unit.block.words >= 25);
  const headEnd = firstProse < 0 ? units.length : firstProse;
  let titleIndex = units.findIndex((unit, i) => i < headEnd && unit.kind === "text" && headingLevel(unit.block.lines[0]!.text) > 0);
  if (titleIndex < 0) titleIndex = units.findIndex((unit, i) => i < headEnd && unit.kind === "text" && unit.h >= 1);

  const authors: string[] = [];
  let date: string | undefined;
  let place: string | undefined;
  const bodyParts: string[] = [];
  units.forEach((unit, i) => {
    if (unit.kind === "boilerplate" || unit.kind === "read-more") {
      for (const line of nonBlank(unit)) dropped.push({ line: line.n, text: line.text, reason: unit.reason ?? "boilerplate" });
      return;
    }
    if (i < titleIndex && unit.kind === "text") {
      for (const line of nonBlank(unit)) dropped.push({ line: line.n, text: line.text, reason: "page header before the headline (site name, navigation)" });
      return;
    }
    if (i === titleIndex) {
      for (const line of nonBlank(unit)) consumed.push({ line: line.n, role: "title" });
      return;
    }
    if (unit.kind === "byline" && i <= headEnd) {
      authors.push(...(unit.authors ?? []));
      if (unit.date && !date) date = toEdtf(unit.date);
      for (const line of nonBlank(unit)) consumed.push({ line: line.n, role: "byline" });
      return;
    }
    if (unit.kind === "date" && i <= headEnd && !date) {
      date = unit.date ? toEdtf(unit.date) : undefined;
      if (unit.place) place = unit.place;
      for (const line of nonBlank(unit)) consumed.push({ line: line.n, role: "date" });
      return;
    }
    for (const line of nonBlank(unit)) consumed.push({ line: line.n, role: "body" });
    bodyParts.push(unit.block.raw.replace(/ {2,}$/gm, ""));
  });

  if (consumed.length === 0) return { kind: "article", drafts: [], dropped };
  let title: string;
  if (titleIndex >= 0) title = stripMarkdown(units[titleIndex]!.block.raw);
  else {
    title = headlineFromTeaser(stripMarkdown(bodyParts[0] ?? "")) ?? "Untitled";
    review.push("headline derived from the first paragraph; the page shows none");
  }
  const firstText = units[firstProse]?.block.text;
  if (!place && firstText) place = extractDateline(firstText)?.place;
  const draft: Draft = { title, review, body: bodyParts.join("\n\n"), consumed };
  if (authors.length > 0) draft.authors = authors;
  if (date) draft.date = date;
  if (place) draft.place = place;
  return { kind: "article", drafts: [draft], dropped };
}
