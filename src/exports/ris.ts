/**
 * `cite.ris`: one RIS record. citation-js 0.8 maps no author of a newspaper
 * article to RIS and cuts `ID` to 20 characters, so the record is written here:
 * `AU` once per author in order (`Family, Given`, a body's name whole,
 * with a final comma), `PY`
 * the year, `DA` as `YYYY/MM/DD/other` with the precision the date has and,
 * as its "other" part, `circa` and an interval's end (`to 2023-01`), the
 * whole id, one url. RIS has no escaping: a value is one line, so every line
 * break in it becomes a space and no value can start a tag of its own.
 */
import type { ArchiveDate } from "../records/edtf-date.ts";
import type { CslName } from "./citation-names.ts";
import type { CslItem } from "./csl-item.ts";

const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, " ").trim()}`;

/**
 * A body's name of several words ends in a comma, RIS's mark of a corporate
 * author (all family name, no given name), so it is not read as a person's
 * "given family"; a one-word name is read whole anyway.
 */
function nameToRis(name: CslName): string {
  if ("literal" in name) return /\s/.test(name.literal) && !name.literal.includes(",") ? `${name.literal},` : name.literal;
  const family = [name["dropping-particle"], name["non-dropping-particle"], name.family].filter(Boolean).join(" ");
  return [family, name.given, name.suffix].filter(Boolean).join(", ");
}

const pad = (value: number | undefined, width = 2) => (value === undefined ? "" : String(value).padStart(width, "0"));

/** `2022/12/07/circa`, `2022/12//to 2023-01`, `2021///`. */
export function dateToRisDate(date: ArchiveDate): string {
  const { start, end } = date;
  const other: string[] = [];
  if ([start, end].some((point) => point.uncertain || point.approximate)) other.push("circa");
  if (date.kind === "interval") other.push(`to ${[pad(end.year, 4), pad(end.month), pad(end.day)].filter(Boolean).join("-")}`);
  return `${pad(start.year, 4)}/${pad(start.month)}/${pad(start.day)}/${other.join(" ")}`;
}

export function cslItemToRis(item: CslItem, date: ArchiveDate | null): string {
  const lines = [line("TY", "NEWS"), line("ID", item.id)];
  lines.push(line("TI", item.title));
  for (const name of item.author ?? []) lines.push(line("AU", nameToRis(name)));
  lines.push(line("T2", item["container-title"]));
  if (date) {
    lines.push(line("PY", pad(date.start.year, 4)));
    lines.push(line("DA", dateToRisDate(date)));
  }
  if (item.issue !== undefined) lines.push(line("IS", item.issue));
  if (item.page !== undefined) lines.push(line("SP", item.page));
  lines.push(line("LA", item.language));
  if (item.abstract !== undefined) lines.push(line("AB", item.abstract));
  lines.push(line("UR", item.URL));
  lines.push(line("DB", item.archive));
  lines.push("ER  - ");
  return `${lines.join("\n")}\n`;
}
