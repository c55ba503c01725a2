/**
 * Listings are newest first: an undated item between two items with dates of
 * their own was published between them. It gets the interval they bound, with
 * a review note. Nothing is inferred when the dated items are not in order
 * (then the page is not newest first) or when a neighbour's date is itself a
 * guess.
 */
import { edtfBounds } from "./extract-date.ts";
import type { Draft } from "./types.ts";

function stripFlags(edtf: string): string {
  return edtf.replace(/[?~%]/g, "");
}

export function inferNeighbourDates(drafts: Draft[]): void {
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
      draft.date = from === to ? from : `${from}/${to}`;
      draft.review.push(`date interval inferred from listing neighbours (newest first): between “${older.title}” (${older.date}) and “${newer.title}” (${newer.date})`);
    }
  }
}
