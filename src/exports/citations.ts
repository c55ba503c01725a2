/** Placeholder until the citation module lands: links only. */
import type { ArticleRecord } from "../records/article-record.ts";
export function articleToReference(article: ArticleRecord, _archive?: unknown): string {
  return `${article.title}. ${article.publication}.`;
}
