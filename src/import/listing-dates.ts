/**
 * Listings are newest first: an undated item between two items with dates of
 * their own was published between them. The item prints no date, so it gets
 * none (a record's date is what the page prints); the interval its neighbours
 * bound goes into a review note for the editor to confirm. Nothing is noted
 * when the dated items are not in order (then the page is not newest first)
 * or when a neighbour's date is itself a guess.
 */
import { edtfBounds, resolveYear, toEdtf } from "./extract-date.ts";
import type { Draft } from "./types.ts";

function stripFlags(edtf: string): string {
  return edtf.replace(/[?~%]/g, "");
}

export function noteNeighbourDates(drafts: Draft[]): void {
  const dated = drafts.flatMap((draft, index) => (draft.date && draft.dateIsFirm ? [{ index, bounds: edtfBounds(draft.date)! }] : []));
  if (dated.length < 2) return;
  for (let k = 1; k < dated.length; k++) {
    // Newest first: each dated item starts no later than the one before it ends.
    if (dated[k]!.bounds.min > dated[k - 1]!.bounds.max) return;
  }
  for (let k = 1; k < dated.length; k++) {
    const newer = drafts[dated[k - 1]!.index]!;
    const older = drafts[dated[k]!.index]!;
    for (let i = dated[k - 1]!.index + 1; i < dated[k]!.index; i++) {
      const draft = drafts[i]!;
      if (draft.date) continue;
      const from = stripFlags(older.date!);
      const to = stripFlags(newer.date!);
      draft.review.push(
        `no date printed; its listing neighbours (newest first) date it ${from === to ? from : `${from}/${to}`}: between “${older.title}” (${older.date}) and “${newer.title}” (${newer.date}); no date given`,
      );
    }
  }
}

function parts(edtf: string): { year: number; month?: number; day?: number } | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(edtf);
  if (!match) return undefined;
  return { year: Number(match[1]), ...(match[2] ? { month: Number(match[2]) } : {}), ...(match[3] ? { day: Number(match[3]) } : {}) };
}

/**
 * A day and month printed as an item's date without a year (`24 jun`) takes
 * its year by one stated rule, from the nearest item with a full date of its
 * own: above it (newer, in a newest-first listing), the latest such day not
 * after that item's date; else below it (older), the earliest such day not
 * before it. Without a dated neighbour the item gets no date and a note.
 */
export function resolveYearlessDates(drafts: Draft[]): void {
  drafts.forEach((draft, index) => {
    const yearless = draft.yearless;
    if (!yearless || draft.date) return;
    const where = yearless.line ? `, line ${yearless.line}` : "";
    let newer: Draft | undefined;
    for (let i = index - 1; i >= 0 && !newer; i--) if (drafts[i]!.dateIsFirm && drafts[i]!.date) newer = drafts[i];
    let older: Draft | undefined;
    for (let i = index + 1; i < drafts.length && !older; i++) if (drafts[i]!.dateIsFirm && drafts[i]!.date) older = drafts[i];
    const neighbour = newer ?? older;
    const reference = neighbour?.date ? parts(stripFlags(neighbour.date)) : undefined;
    if (!neighbour || !reference) {
      draft.review.push(`date printed without a year (\`${yearless.text}\`${where}) and no dated item near it; no date given`);
      return;
    }
    let year: number;
    if (newer) year = resolveYear({ ...yearless, index: 0 }, reference);
    else {
      const earlier =
        yearless.month < (reference.month ?? 1) || (yearless.month === (reference.month ?? 1) && yearless.day < (reference.day ?? 1));
      year = earlier ? reference.year + 1 : reference.year;
    }
    const edtf = toEdtf({ year, month: yearless.month, day: yearless.day });
    if (!edtf) return;
    draft.date = edtf;
    draft.review.push(
      `date printed without a year (\`${yearless.text}\`${where}); the year is taken from the ${newer ? "newer" : "older"} dated item “${neighbour.title}” (${neighbour.date}) near it`,
    );
  });
}
