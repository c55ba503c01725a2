/**
 * The years an archive holds (`dates:` in content/site.yml). A date outside
 * them is most likely a typo (`9999-12-31` would top the home page and every
 * feed; `0023` gets a year page of its own), so it is a warning with the
 * value, and years outside the range get no year page.
 */
import type { ArticleEntry } from "./article-record.ts";
import type { Problem } from "./problems.ts";
import type { Locate } from "./validate-archive.ts";

export interface DateRange {
  /** The first year the archive holds. */
  from: number;
  /** The last year the archive holds. */
  to: number;
}

/** The first year of the default range: older than the oldest daily newspapers an archive is likely to hold. */
export const DEFAULT_FIRST_YEAR = 1800;

/** From 1800 to next year (so a paper dated ahead, as weeklies are, is no warning). */
export function defaultDateRange(now: Date = new Date()): DateRange {
  return { from: DEFAULT_FIRST_YEAR, to: now.getUTCFullYear() + 1 };
}

export function yearInRange(year: number, range: DateRange): boolean {
  return year >= range.from && year <= range.to;
}

/** A warning for each article whose date lies, in whole or in part, outside the range. */
export function datesOutsideRange(records: readonly ArticleEntry[], range: DateRange, locate: Locate): Problem[] {
  const problems: Problem[] = [];
  const span = `${range.from} to ${range.to}`;
  for (const record of records) {
    const date = record.parsedDate;
    if (!date) continue;
    let message: string | undefined;
    if (date.end.year > range.to)
      message = `the date \`${date.edtf}\` is after the archive's years (${span}): it would come first on the home page and in every feed`;
    else if (date.start.year < range.from)
      message = `the date \`${date.edtf}\` is before the archive's years (${span}): no year page lists it`;
    if (!message) continue;
    problems.push({
      file: record.file,
      ...locate(record.file, ["date"]),
      field: "date",
      severity: "warning",
      message,
      hint: "correct the date if it is a typo; if the archive really holds it, widen `dates: { from: ..., to: ... }` in content/site.yml",
    });
  }
  return problems;
}
