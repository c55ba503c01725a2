/**
 * `/data/archive.jsonl`: one JSON object per article: every front-matter
 * field, plus `id`, `url` (the site-relative permalink) and `text` (the plain
 * body). The article's original address, front matter `url`, is `originalUrl`
 * here, since `url` is the permalink (DESIGN.md, "URLs").
 */
import { z } from "zod";
import { ArticleFrontMatterSchema, FRONT_MATTER_FIELD_ORDER } from "../records/article-schema.ts";
import type { ArticleRecord } from "../records/article-record.ts";

export const ExportRecordSchema = ArticleFrontMatterSchema.omit({ url: true }).extend({
  id: z.string(),
  url: z.string(),
  originalUrl: z.string().optional(),
  text: z.string(),
});

export type ExportRecord = z.infer<typeof ExportRecordSchema>;

/** Every field an export record can have, in the order records list them: the CSV header and the SQLite columns. */
export const EXPORT_FIELDS = Object.keys(ExportRecordSchema.shape) as Array<keyof ExportRecord>;

export function articleToExportRecord(article: ArticleRecord): ExportRecord {
  const record: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_FIELD_ORDER) {
    if (key === "url" || article[key] === undefined) continue;
    record[key] = article[key];
  }
  record.id = article.id;
  record.url = article.permalink;
  if (article.url) record.originalUrl = article.url;
  record.text = article.text;
  return record as ExportRecord;
}

export function archiveToJsonl(articles: readonly ArticleRecord[]): string {
  return articles.map((article) => JSON.stringify(articleToExportRecord(article))).join("\n") + (articles.length ? "\n" : "");
}
