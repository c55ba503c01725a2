/**
 * `/data/archive.jsonl`: one JSON object per article: every front-matter
 * field, plus `id`, `url` (the site-relative permalink) and `text` (the plain
 * body). The article's original address, front matter `url`, is `originalUrl`
 * here, since `url` is the permalink (ARCHITECTURE.md).
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

/**
 * What each field holds, for the readers of the exports (the site's `/data/`
 * page). Keyed by the record's own type: a field added to the exports does not
 * compile until it is described here.
 */
export const EXPORT_FIELD_MEANINGS: Record<keyof ExportRecord, string> = {
  title: "The headline as published.",
  publication: "The paper or site that published the article.",
  language: "The article's language, as a BCP 47 code (`en`, `es`).",
  date: "The publication date in EDTF, with the precision known: `2023-01-09`, `2022-12`, `2021`; `?` uncertain, `~` approximate, `/` an interval. Absent when undated.",
  authors: "The bylines as printed.",
  summary: "The dek or teaser.",
  tags: "The archive's tags.",
  place: "The dateline.",
  id: "The article's permanent id in this archive, the last part of its address.",
  aliases: "Earlier addresses of the article on this site, which still lead to it.",
  translations: "The ids of the same article in other languages.",
  source: "Where the text comes from: the raw page kept in the archive (`file`), its `sha256`, and the `lines` the article was taken from.",
  issue: "The issue of a print paper.",
  page: "The page of a print paper.",
  review: "Notes for the archive's editors, such as a headline taken from the teaser.",
  url: "The article's address on this site (absolute when the site was built with its address, `SITE_URL`).",
  originalUrl: "The address the article was published at.",
  text: "The article's plain text, without markup.",
};

/** `baseUrl` is the site's (`SiteConfig.baseUrl`): `url` then carries its host and path, or is site-relative without one. */
export function articleToExportRecord(article: ArticleRecord, baseUrl = ""): ExportRecord {
  const record: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_FIELD_ORDER) {
    if (key === "url" || article[key] === undefined) continue;
    record[key] = article[key];
  }
  record.id = article.id;
  record.url = `${baseUrl}${article.permalink}`;
  if (article.url) record.originalUrl = article.url;
  record.text = article.text;
  return record as ExportRecord;
}

export function archiveToJsonl(articles: readonly ArticleRecord[], baseUrl = ""): string {
  return exportRecordsToJsonl(articles.map((article) => articleToExportRecord(article, baseUrl)));
}

/** Records (from the articles, or read back from the SQLite export) as JSON Lines. */
export function exportRecordsToJsonl(records: readonly ExportRecord[]): string {
  return records.map((record) => JSON.stringify(record)).join("\n") + (records.length ? "\n" : "");
}
