/**
 * The counting: a page's located truth against the importer's records. Pure
 * functions of hand-made or real record sets, so each measure can be shown
 * to move with the importer's result.
 */
import { plainHeadline, type LocatedItem, type LocatedPage } from "./locate-truth.ts";
import type { ImporterOutcome, ScoredRecord } from "./run-importer.ts";

/** The measures; every one is a count, summed over pages for the totals. */
export interface Counts {
  pages: number;
  items: number;
  /** Items whose anchors are all in one record that holds no other item's anchor. */
  found: number;
  /** Items whose anchors share a record with an earlier item's. */
  merged: number;
  /** Items whose anchors lie in two or more records. */
  split: number;
  /** Items with an anchor in no record (dropped). */
  missed: number;
  /** Items alone with their anchors in a record that later items' anchors share (those are merged). */
  hosts: number;
  records: number;
  /** Records holding no item's anchor. */
  extra: number;
  boilerplateLines: number;
  /** Boilerplate lines that a record took. */
  boilerplateInRecords: number;
  headlinesPrinted: number;
  headlinesExact: number;
  bylinesPrinted: number;
  bylinesRight: number;
  /** Items printing no byline whose record has authors. */
  bylinesWhereNone: number;
  datesPrinted: number;
  datesRight: number;
  datesWrong: number;
  /** Of the wrong dates, those that are the printed date marked uncertain or approximate (`2023-03-05?`). */
  datesWrongOnlyQualified: number;
  datesMissing: number;
  /** Items printing no date (or only a relative or yearless one) whose record has a date. */
  datesWhereNone: number;
  languageRight: number;
  layoutRight: number;
  nonBlankLines: number;
  /** Non-blank lines neither in a record nor dropped with a reason. */
  linesUnaccounted: number;
  /** Pages the importer refused. */
  refused: number;
}

export const COUNT_KEYS = [
  "pages",
  "items",
  "found",
  "merged",
  "split",
  "missed",
  "hosts",
  "records",
  "extra",
  "boilerplateLines",
  "boilerplateInRecords",
  "headlinesPrinted",
  "headlinesExact",
  "bylinesPrinted",
  "bylinesRight",
  "bylinesWhereNone",
  "datesPrinted",
  "datesRight",
  "datesWrong",
  "datesWrongOnlyQualified",
  "datesMissing",
  "datesWhereNone",
  "languageRight",
  "layoutRight",
  "nonBlankLines",
  "linesUnaccounted",
  "refused",
] as const satisfies ReadonlyArray<keyof Counts>;

export function zeroCounts(): Counts {
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as unknown as Counts;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, a[key] + b[key]])) as unknown as Counts;
}

/** Which record took each line. */
function ownerOfLine(records: readonly ScoredRecord[]): Map<number, number> {
  const owner = new Map<number, number>();
  records.forEach((record, index) => {
    for (const line of record.lines) if (!owner.has(line)) owner.set(line, index);
  });
  return owner;
}

export type Segmentation = "found" | "merged" | "split" | "missed" | "host";

/**
 * Each item's fate: found; merged (its anchors share a record with an earlier
 * item's); split (in two records or more); missed (an anchor in no record);
 * or host (alone with its anchors in a record that later items merged into).
 * Also the records that hold no anchor at all.
 */
export function segmentItems(items: readonly LocatedItem[], records: readonly ScoredRecord[]): { fates: Segmentation[]; extra: number } {
  const owner = ownerOfLine(records);
  const firstItemOfRecord = new Map<number, number>();
  const itemsOfRecord = new Map<number, Set<number>>();
  items.forEach((item, index) => {
    for (const line of item.anchors) {
      const record = owner.get(line);
      if (record === undefined) continue;
      if (!firstItemOfRecord.has(record)) firstItemOfRecord.set(record, index);
      itemsOfRecord.set(record, (itemsOfRecord.get(record) ?? new Set()).add(index));
    }
  });
  const fates = items.map((item, index): Segmentation => {
    const owners = item.anchors.map((line) => owner.get(line));
    const distinct = new Set(owners.filter((record) => record !== undefined));
    if (distinct.size > 1) return "split";
    if (owners.some((record) => record === undefined)) return "missed";
    const record = owners[0]!;
    if (firstItemOfRecord.get(record) !== index) return "merged";
    return itemsOfRecord.get(record)!.size > 1 ? "host" : "found";
  });
  const extra = records.filter((_, index) => !itemsOfRecord.has(index)).length;
  return { fates, extra };
}

export function countBoilerplateInRecords(boilerplateLines: readonly number[], records: readonly ScoredRecord[]): number {
  const taken = new Set(records.flatMap((record) => record.lines));
  return boilerplateLines.filter((line) => taken.has(line)).length;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const norm = (names: readonly string[]) => new Set(names.map((name) => name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase()));
  const left = norm(a);
  const right = norm(b);
  return left.size === right.size && [...left].every((name) => right.has(name));
}

/** The fields of each item against the record holding its first anchor (none when that line is in no record). */
export function countFields(
  items: readonly LocatedItem[],
  records: readonly ScoredRecord[],
): Pick<
  Counts,
  | "headlinesPrinted"
  | "headlinesExact"
  | "bylinesPrinted"
  | "bylinesRight"
  | "bylinesWhereNone"
  | "datesPrinted"
  | "datesRight"
  | "datesWrong"
  | "datesWrongOnlyQualified"
  | "datesMissing"
  | "datesWhereNone"
  | "languageRight"
> {
  const owner = ownerOfLine(records);
  const counts = {
    headlinesPrinted: 0,
    headlinesExact: 0,
    bylinesPrinted: 0,
    bylinesRight: 0,
    bylinesWhereNone: 0,
    datesPrinted: 0,
    datesRight: 0,
    datesWrong: 0,
    datesWrongOnlyQualified: 0,
    datesMissing: 0,
    datesWhereNone: 0,
    languageRight: 0,
  };
  for (const item of items) {
    const index = owner.get(item.anchors[0]!);
    const record = index === undefined ? undefined : records[index];
    const { headline, bylines, date, language } = item.truth;
    if (headline !== null) {
      counts.headlinesPrinted++;
      if (record && plainHeadline(record.title) === plainHeadline(headline)) counts.headlinesExact++;
    }
    if (bylines.length > 0) {
      counts.bylinesPrinted++;
      if (record && sameNames(record.authors, bylines)) counts.bylinesRight++;
    } else if (record && record.authors.length > 0) {
      counts.bylinesWhereNone++;
    }
    if (date !== null) {
      counts.datesPrinted++;
      if (record?.date === undefined) counts.datesMissing++;
      else if (record.date === date) counts.datesRight++;
      else {
        counts.datesWrong++;
        if (record.date.replace(/[?~%]+$/, "") === date) counts.datesWrongOnlyQualified++;
      }
    } else if (record?.date !== undefined) {
      counts.datesWhereNone++;
    }
    if (record?.language === language) counts.languageRight++;
  }
  return counts;
}

/** Non-blank page lines that no record took and the importer did not drop with a reason. */
export function countUnaccounted(lines: readonly string[], outcome: Pick<ImporterOutcome, "records" | "droppedWithReason">): number {
  const accounted = new Set([...outcome.records.flatMap((record) => record.lines), ...outcome.droppedWithReason]);
  return lines.filter((line, i) => line.trim() !== "" && !accounted.has(i + 1)).length;
}

export interface PageScore {
  name: string;
  domain: string;
  layout: { truth: string; detected: string };
  counts: Counts;
  /** Each item's fate, in page order. */
  fates: Segmentation[];
  error?: string;
}

export function scorePage(page: LocatedPage, outcome: ImporterOutcome): PageScore {
  const { fates, extra } = segmentItems(page.items, outcome.records);
  const count = (fate: Segmentation) => fates.filter((value) => value === fate).length;
  const counts: Counts = {
    ...zeroCounts(),
    ...countFields(page.items, outcome.records),
    pages: 1,
    items: page.items.length,
    found: count("found"),
    merged: count("merged"),
    split: count("split"),
    missed: count("missed"),
    hosts: count("host"),
    records: outcome.records.length,
    extra,
    boilerplateLines: page.boilerplateLines.length,
    boilerplateInRecords: countBoilerplateInRecords(page.boilerplateLines, outcome.records),
    layoutRight: outcome.layout === page.truth.layout ? 1 : 0,
    nonBlankLines: page.lines.filter((line) => line.trim() !== "").length,
    linesUnaccounted: countUnaccounted(page.lines, outcome),
    refused: outcome.error === undefined ? 0 : 1,
  };
  return {
    name: page.name,
    domain: page.truth.domain,
    layout: { truth: page.truth.layout, detected: outcome.layout },
    counts,
    fates,
    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
  };
}
