/**
 * `cite.bib`: one entry that BibTeX and biblatex both read. citation-js 0.8
 * writes `month = {dec 7}` (not BibTeX), drops an interval's end and the
 * circa, and keeps no field safe from a value with unbalanced braces, so the
 * entry is written here, from the CSL item and the archive date:
 * - `year` and `month` (a month macro, `dec`) of the date's start, for BibTeX;
 * - `date` as biblatex reads it (ISO 8601-2): the precision the date has, `?`
 *   uncertain, `~` approximate, `%` both, and an interval with both ends;
 * - every text value in braces with each character TeX or BibTeX would read
 *   as markup written as a command (`\textbraceright{}`, `\%`), so no value
 *   can close its field or run a command; the url percent-encoded instead.
 */
import type { ArchiveDate, DatePoint } from "../records/edtf-date.ts";
import type { CslName } from "./citation-names.ts";
import type { CslItem } from "./csl-item.ts";

const MONTH_MACROS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Braces are written as commands, not `\{`: BibTeX counts every brace, escaped
 * or not, when it finds where a field ends.
 */
const TEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\textbraceleft{}",
  "}": "\\textbraceright{}",
  $: "\\$",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** A text value for inside a field's braces: one line, every special character a command. */
export function escapeBibtex(value: string): string {
  return value
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\{}$%&#_~^]/g, (char) => TEX_SPECIALS[char]!);
}

/** A url for inside braces: the characters that could end or open a group, percent-encoded. */
function escapeBibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** `von Last, Jr, First` for a person; a body's name in braces, which BibTeX never splits. */
function nameToBibtex(name: CslName): string {
  if ("literal" in name) return `{${escapeBibtex(name.literal)}}`;
  const last = [name["dropping-particle"], name["non-dropping-particle"], name.family].filter(Boolean).join(" ");
  return [last, name.suffix, name.given]
    .filter(Boolean)
    .map((part) => escapeBibtex(part!))
    .join(", ");
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function pointToIso(point: DatePoint): string {
  const parts = [pad(point.year, 4)];
  if (point.month !== undefined) parts.push(pad(point.month));
  if (point.day !== undefined) parts.push(pad(point.day));
  const qualifier = point.uncertain && point.approximate ? "%" : point.uncertain ? "?" : point.approximate ? "~" : "";
  return `${parts.join("-")}${qualifier}`;
}

/** The date in ISO 8601-2 (EDTF level 1) as biblatex's `date` field reads it: `2022-12-07?`, `2022-12/2023-01`. */
export function dateToBiblatexDate(date: ArchiveDate): string {
  return date.kind === "interval" ? `${pointToIso(date.start)}/${pointToIso(date.end)}` : pointToIso(date.start);
}

export function cslItemToBibtex(item: CslItem, date: ArchiveDate | null): string {
  const fields: Array<[string, string]> = [];
  const text = (name: string, value: string | undefined) => {
    if (value !== undefined) fields.push([name, `{${escapeBibtex(value)}}`]);
  };
  if (item.author?.length) fields.push(["author", `{${item.author.map(nameToBibtex).join(" and ")}}`]);
  text("title", item.title);
  text("journal", item["container-title"]);
  if (date) {
    fields.push(["year", `{${pad(date.start.year, 4)}}`]);
    if (date.start.month !== undefined) fields.push(["month", MONTH_MACROS[date.start.month - 1]!]);
    fields.push(["date", `{${dateToBiblatexDate(date)}}`]);
  }
  text("number", item.issue);
  text("pages", item.page);
  text("language", item.language);
  text("abstract", item.abstract);
  fields.push(["url", `{${escapeBibtexUrl(item.URL)}}`]);
  return `@article{${item["citation-key"]},\n${fields.map(([name, value]) => `  ${name} = ${value},\n`).join("")}}\n`;
}
