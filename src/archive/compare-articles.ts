/** Archive orders: newest first for lists, page order for an issue's table of contents. */
import type { ArticleEntry } from "../records/article-record.ts";

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function compareNewestFirst(a: ArticleEntry, b: ArticleEntry): number {
  const da = a.parsedDate;
  const db = b.parsedDate;
  if (da && db && da.min !== db.min) return db.min - da.min;
  if (da && !db) return -1;
  if (!da && db) return 1;
  return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * An issue's table of contents: by page (a number or a label such as `A3`,
 * compared as numbers where they are), articles without one last; on one
 * page, in the order they begin in their source (the order the importer met
 * them in the printed issue); then in archive order.
 */
export function compareTableOfContents(a: ArticleEntry, b: ArticleEntry): number {
  if (a.page !== b.page) {
    if (a.page === undefined) return 1;
    if (b.page === undefined) return -1;
    const byPage = collator.compare(String(a.page), String(b.page));
    if (byPage) return byPage;
  }
  if (a.source && b.source && a.source.file === b.source.file && a.source.lines[0] !== b.source.lines[0])
    return a.source.lines[0] - b.source.lines[0];
  return compareNewestFirst(a, b);
}
