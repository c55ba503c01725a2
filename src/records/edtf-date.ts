/**
 * EDTF (ISO 8601-2) dates as the archive uses them: a single day, month or
 * year, possibly uncertain (`?`) or approximate (`~`), or a closed interval of
 * two such dates. Parsing is the `edtf` library's; this module only decides
 * which of its types the archive accepts and derives what pages and URLs need.
 */
import edtf from "edtf";
import { z } from "zod";
import { boundedMemo } from "../lib/bounded-memo.ts";

export const DatePointSchema = z.strictObject({
  year: z.number().int(),
  /** 1-12, absent below month precision. */
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  precision: z.enum(["day", "month", "year"]),
  uncertain: z.boolean(),
  approximate: z.boolean(),
});

export const ArchiveDateSchema = z.strictObject({
  /** The EDTF string as written by the editor. */
  edtf: z.string(),
  kind: z.enum(["date", "interval"]),
  start: DatePointSchema,
  /** Same as `start` for a single date. */
  end: DatePointSchema,
  /** First and last millisecond the date can mean (UTC), for sorting and range queries. */
  min: z.number(),
  max: z.number(),
});

export type DatePrecision = z.infer<typeof DatePointSchema>["precision"];
export type DatePoint = z.infer<typeof DatePointSchema>;
export type ArchiveDate = z.infer<typeof ArchiveDateSchema>;

export type EdtfResult = { ok: true; value: ArchiveDate } | { ok: false; error: string };

const PRECISIONS: Record<number, DatePrecision> = { 1: "year", 2: "month", 3: "day" };

interface EdtfDateLike {
  type: string;
  precision: number;
  values: number[];
  min: number;
  max: number;
  uncertain: { value: number } | number | boolean;
  approximate: { value: number } | number | boolean;
  unspecified?: { value: number } | number | boolean;
  lower?: EdtfDateLike | null;
  upper?: EdtfDateLike | null;
  finite?: boolean;
}

function flag(value: EdtfDateLike["uncertain"] | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "object") return value.value !== 0;
  return Boolean(value);
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

// Proleptic Gregorian, as EDTF's: every fourth year but centuries not divisible by 400.
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The grammar takes 29 February of any year (and the library then moves it
 * to 1 March), so each day written is checked against the calendar.
 */
function impossibleDay(text: string): string | undefined {
  for (const [, yearText, monthText, dayText] of text.matchAll(/(?:^|\/)(-?\d+)-(\d{2})-(\d{2})/g)) {
    const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
    if (month < 1 || month > 12) continue; // not a calendar month: the grammar's own error stands
    const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
    if (day > days) return `there is no ${day} ${MONTH_NAMES[month - 1]} in ${year}: that month has ${days} days`;
  }
  return undefined;
}

function toPoint(date: EdtfDateLike): DatePoint | string {
  if (date.type !== "Date") return `\`${date.type}\` dates are not supported here`;
  const precision = PRECISIONS[date.precision];
  if (!precision) return "times of day are not part of an archive date; give the day only";
  if (flag(date.unspecified)) return "unspecified digits (`X`) are not supported; use a coarser date instead, e.g. `2022` for `202X`";
  const [year, month, day] = date.values;
  if (year === undefined) return "the year is missing";
  return {
    year,
    ...(month !== undefined && precision !== "year" ? { month: month + 1 } : {}),
    ...(day !== undefined && precision === "day" ? { day } : {}),
    precision,
    uncertain: flag(date.uncertain),
    approximate: flag(date.approximate),
  };
}

function freezeResult(result: EdtfResult): EdtfResult {
  if (result.ok) {
    Object.freeze(result.value.start);
    Object.freeze(result.value.end);
    Object.freeze(result.value);
  }
  return Object.freeze(result);
}

/**
 * Kept by text: an archive has far fewer distinct dates than articles, and
 * the grammar (nearley) costs a tenth of a millisecond a date. Results are
 * frozen, being shared.
 */
export const parseEdtfDate: (input: string) => EdtfResult = boundedMemo((input) => freezeResult(parseEdtfDateAfresh(input)));

function parseEdtfDateAfresh(input: string): EdtfResult {
  const text = input.trim();
  const impossible = impossibleDay(text);
  if (impossible) return { ok: false, error: `\`${text}\`: ${impossible}` };
  let parsed: EdtfDateLike;
  try {
    parsed = edtf(text) as unknown as EdtfDateLike;
  } catch {
    return {
      ok: false,
      error: `\`${text}\` is not a valid EDTF date; write \`2023-01-09\`, \`2022-12\`, \`2021\`, \`2022-12-07?\` (uncertain), \`2023-01~\` (approximate) or \`2022-12/2023-01\` (interval)`,
    };
  }
  if (parsed.type === "Interval") {
    if (!parsed.lower || !parsed.upper || !Number.isFinite(parsed.min) || !Number.isFinite(parsed.max)) {
      return { ok: false, error: `\`${text}\` is an open interval; give both ends, e.g. \`2022-12/2023-01\`` };
    }
    const start = toPoint(parsed.lower);
    const end = toPoint(parsed.upper);
    if (typeof start === "string") return { ok: false, error: `\`${text}\`: ${start}` };
    if (typeof end === "string") return { ok: false, error: `\`${text}\`: ${end}` };
    if (parsed.min > parsed.max) return { ok: false, error: `\`${text}\`: the interval ends before it starts` };
    return { ok: true, value: { edtf: text, kind: "interval", start, end, min: parsed.min, max: parsed.max } };
  }
  const point = toPoint(parsed);
  if (typeof point === "string") return { ok: false, error: `\`${text}\`: ${point}` };
  return { ok: true, value: { edtf: text, kind: "date", start: point, end: point, min: parsed.min, max: parsed.max } };
}

/** Machine-readable value for `<time datetime>`: the precision the date really has. */
export function dateToDatetimeAttribute(date: ArchiveDate): string {
  const p = date.start;
  const pad = (n: number) => String(n).padStart(2, "0");
  const yyyy = String(p.year).padStart(4, "0");
  if (p.precision === "year") return yyyy;
  if (p.precision === "month") return `${yyyy}-${pad(p.month ?? 1)}`;
  return `${yyyy}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

/** True when the two date ranges share at least one millisecond. */
export function datesOverlap(date: ArchiveDate, min: number, max: number): boolean {
  return date.min <= max && date.max >= min;
}
