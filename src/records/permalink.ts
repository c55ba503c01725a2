/** URL scheme (ARCHITECTURE.md, "Addresses"): the date's own precision decides the folder. */
import type { ArchiveDate } from "./edtf-date.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** The folder an article lives in: `/2023/01/09/`, `/2023/01/`, `/2023/` or `/undated/`. */
export function dateToPathPrefix(date: ArchiveDate | null | undefined): string {
  if (!date) return "/undated/";
  const { start, end } = date;
  // An interval is filed under what both ends share, so the URL never claims more than the date.
  const sameYear = start.year === end.year;
  const sameMonth = sameYear && start.month !== undefined && start.month === end.month;
  const sameDay = sameMonth && start.day !== undefined && start.day === end.day;
  if (start.precision === "day" && sameDay) return `/${start.year}/${pad(start.month!)}/${pad(start.day!)}/`;
  if (start.precision !== "year" && sameMonth) return `/${start.year}/${pad(start.month!)}/`;
  return `/${start.year}/`;
}

export function articleToPermalink(id: string, date: ArchiveDate | null | undefined): string {
  return `${dateToPathPrefix(date)}${id}/`;
}

/**
 * The article's permanent address, `/a/<id>/`: a page that sends the reader
 * to wherever the article's date files it, so a citation keeps working when
 * the date is corrected and the page moves.
 */
export function permanentAddress(id: string): string {
  return `/a/${id}/`;
}
