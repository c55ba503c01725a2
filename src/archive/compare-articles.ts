/** Archive order: newest first by the earliest moment a date can mean; undated last; ties by title then id. */
import type { ArticleRecord } from "../records/article-record.ts";

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function compareNewestFirst(a: ArticleRecord, b: ArticleRecord): number {
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
