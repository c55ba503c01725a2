/**
 * Dates in the text, read with chrono-node (Spanish and English), written as
 * EDTF with the precision the text really has: a day, a month or a year; no
 * year is ever made up (chrono's guesses for a missing year are discarded).
 */
import * as chrono from "chrono-node";
import { parseEdtfDate } from "../records/edtf-date.ts";

export interface FoundDate {
  /** The matched text. */
  text: string;
  index: number;
  year?: number;
  month?: number;
  day?: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** chrono reads numbers like `3/4/2023` differently per language: keep only what both agree on. */
function parsersFor(language: string | undefined): chrono.Chrono[] {
  if (language === "es") return [chrono.es.casual];
  if (language === "en") return [chrono.en.casual];
  return [chrono.en.casual, chrono.es.casual];
}

/** A reference far from any plausible year, so that relative words (`today`) are not read as dates. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** A month's name (English, Spanish, Portuguese, full or short) or a numeric date: what makes an expression a date. */
const EXPLICIT =
  /(?<![\p{L}])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|ago|septiembre|setiembre|set|octubre|noviembre|diciembre|dic|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|dez)(?![\p{L}])|\d{4}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/iu;
/** Words that make a date relative to some other moment (`last week`, `two days after`, `hace dos días`): never a date. */
const RELATIVE =
  /(?<![\p{L}])(?:last|next|ago|after|before|this|following|previous|coming|past|later|earlier|hace|pasad[oa]s?|próxim[oa]s?|proxim[oa]s?|dentro|siguientes?|anterior(?:es)?|atrás|passad[oa]s?|depois|antes|hours?|days?|weeks?|months?|years?|horas?|días?|dias?|semanas?|mes(?:es)?|años?|anos?)(?![\p{L}])/iu;

function fromResult(result: chrono.ParsedResult): FoundDate | undefined {
  const start = result.start;
  if (!start.isCertain("month") && !start.isCertain("year")) return undefined; // weekdays, "today", times
  // Only explicit dates: a month's name or a numeric date, and no word that makes it relative.
  if (!EXPLICIT.test(result.text) || RELATIVE.test(result.text)) return undefined;
  if (/^(?:today|yesterday|tomorrow|tonight|now|hoy|ayer|mañana|anoche|ahora)$/i.test(result.text.trim())) return undefined;
  const found: FoundDate = { text: result.text, index: result.index };
  if (start.isCertain("year")) found.year = start.get("year") ?? undefined;
  if (start.isCertain("month")) found.month = start.get("month") ?? undefined;
  if (start.isCertain("day") && start.isCertain("month")) found.day = start.get("day") ?? undefined;
  if (found.year === undefined && found.month === undefined) return undefined;
  return found;
}

/** Every date mentioned in running text. */
export function findDates(text: string, language?: string): FoundDate[] {
  const byIndex = new Map<number, FoundDate>();
  for (const parser of parsersFor(language)) {
    for (const result of parser.parse(text, REFERENCE)) {
      const found = fromResult(result);
      if (!found) continue;
      const existing = byIndex.get(found.index);
      // One parser read more of the expression (`Sep 28, 2022` against `Sep 28`): the longer reading stands.
      if (existing && existing.text.length !== found.text.length) {
        if (found.text.length > existing.text.length) byIndex.set(found.index, found);
        continue;
      }
      if (existing && (existing.month !== found.month || existing.day !== found.day || existing.year !== found.year)) {
        // The two languages disagree (`3/4/2023`): keep the part they share.
        byIndex.set(found.index, {
          text: found.text,
          index: found.index,
          ...(found.year === existing.year && found.year !== undefined ? { year: found.year } : {}),
        });
        continue;
      }
      if (!existing || found.text.length > existing.text.length) byIndex.set(found.index, found);
    }
  }
  const dates = [...byIndex.values()]
    .filter((date) => date.year !== undefined || date.month !== undefined)
    .sort((a, b) => a.index - b.index);
  // One date read twice (`Friday 29 May 2015` and `29 May 2015`): keep the longer reading.
  return dates.filter(
    (date) =>
      !dates.some(
        (other) =>
          other !== date &&
          other.index <= date.index &&
          other.index + other.text.length >= date.index + date.text.length &&
          other.text.length > date.text.length,
      ),
  );
}

const DATE_PREFIX =
  /^(?:posted|published|updated|last updated|publicado|actualizado|atualizado|fecha|date|data|día|dia|on|el|em)\b\s*(?:on|el|em|:)?\s*/i;

export interface DateLine {
  date: FoundDate;
  /** Text before the date that names a place (`Majes, January 10th, 2023` -> `Majes`). */
  place?: string;
}

/**
 * A line that is a date and nothing more (`January 9, 2023`, `*December 13th, 2022*`,
 * `15 de enero de 2023`, `Posted on March 3, 2023`), possibly after a place name.
 */
export function parseDateLine(text: string, language?: string): DateLine | undefined {
  const clean = text.replace(/[*_]/g, "").replace(/\s+/g, " ").trim();
  if (clean.length === 0 || clean.length > 60) return undefined;
  const dates = findDates(clean, language);
  if (dates.length !== 1) return undefined;
  const date = dates[0]!;
  if (date.month === undefined) return undefined;
  const before = clean.slice(0, date.index).replace(DATE_PREFIX, "").trim();
  const after = clean.slice(date.index + date.text.length).trim();
  // After the date: punctuation, a section label (`Friday 29 May 2015 - Eye witness`), or a byline's
  // lead-in whose name the conversion lost (`... 01:45 Written by`).
  const label = /^[|–—-]\s*(\p{L}[\p{L} ]{0,30})$/u.exec(after);
  const emptyByline = /^(?:written by|posted by|by|por|escrito por|publicado por)$/i.test(after);
  if (after !== "" && !/^[.,:;|–—-]*$/.test(after) && !(label && label[1]!.trim().split(/\s+/).length <= 3) && !emptyByline)
    return undefined;
  if (before === "") return { date };
  const place = /^(\p{Lu}[\p{L}.' -]{1,40}?)\s*[,–—-]\s*$/u.exec(before);
  if (place && place[1]!.split(/\s+/).length <= 4) return { date, place: place[1]!.trim() };
  if (/^[|–—-]*$/.test(before)) return { date };
  return undefined;
}

/** EDTF for what is known: `2023-01-09`, `2023-01`, `2023`; undefined without a year. */
export function toEdtf(date: { year?: number; month?: number; day?: number }, uncertain = false): string | undefined {
  if (date.year === undefined) return undefined;
  let edtf = String(date.year).padStart(4, "0");
  if (date.month !== undefined) {
    edtf += `-${pad(date.month)}`;
    if (date.day !== undefined) edtf += `-${pad(date.day)}`;
  }
  if (uncertain) edtf += "?";
  return parseEdtfDate(edtf).ok ? edtf : undefined;
}

/**
 * The year of a month and day printed without one in a publication dated
 * `reference`: the latest such date not after the reference.
 */
export function resolveYear(date: FoundDate, reference: { year: number; month?: number; day?: number }): number {
  const refMonth = reference.month ?? 12;
  const refDay = reference.day ?? 31;
  const month = date.month ?? 1;
  const day = date.day ?? 1;
  const later = month > refMonth || (month === refMonth && day > refDay);
  return later ? reference.year - 1 : reference.year;
}

export function edtfBounds(edtf: string): { min: number; max: number } | undefined {
  const parsed = parseEdtfDate(edtf);
  return parsed.ok ? { min: parsed.value.min, max: parsed.value.max } : undefined;
}

export interface DatelineDate {
  date: FoundDate;
  place?: string;
  /** The dateline's agency in brackets (`EFE` in `Miami, 24 jun (EFE).-`). */
  agency?: string;
  /** Length of the dateline at the start of the text, its closing mark included. */
  length: number;
}

/**
 * A date in dateline position, opening a text: `Miami, 24 jun (EFE).- ...`,
 * `LIMA, March 3, 2023 — ...`, `March 3, 2023 – ...`. A date anywhere else in
 * a text is an event the text talks about, never the text's own date.
 */
export function datelineDate(text: string): DatelineDate | undefined {
  const head = text.slice(0, 90);
  const date = findDates(head).find((found) => found.index <= 45 && found.month !== undefined);
  if (!date) return undefined;
  const before = head.slice(0, date.index);
  const place = /^(\p{Lu}[\p{L}.'’ ]{1,40}?)\s*,\s*$/u.exec(before);
  if (before.trim() !== "" && !(place && place[1]!.split(/\s+/).length <= 4)) return undefined;
  const after = /^\s*(?:\(\s*([^()]{1,30}?)\s*\))?\s*(?:\.\s*[-–—]+|[-–—]+|:)\s*(?=\S)/u.exec(head.slice(date.index + date.text.length));
  if (!after) return undefined;
  const length = date.index + date.text.length + after[0].length;
  return { date, length, ...(place ? { place: place[1]!.trim() } : {}), ...(after[1] ? { agency: after[1] } : {}) };
}
