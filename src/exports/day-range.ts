/**
 * An archive date as the first and last calendar day it can mean (ISO
 * `YYYY-MM-DD`, UTC): `2022-12` is `2022-12-01`..`2022-12-31`. Day strings
 * sort like the dates they name, so SQL and range queries compare them as text.
 */
import type { ArchiveDate } from "../records/edtf-date.ts";

export interface DayRange {
  start: string;
  end: string;
}

export function timeToIsoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function dateToDayRange(date: ArchiveDate): DayRange {
  return { start: timeToIsoDay(date.min), end: timeToIsoDay(date.max) };
}

/** True when two day ranges share at least one day. */
export function dayRangesOverlap(a: DayRange, b: DayRange): boolean {
  return a.start <= b.end && a.end >= b.start;
}
