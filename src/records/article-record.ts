/**
 * The typed Article record: the front matter as validated, plus what the
 * build derives once (id, permalink, parsed date, sanitized HTML, plain text).
 * The record cache keeps records made by the same code only, and checks each
 * entry's hash when reading it back (record-cache.ts).
 */
import { z } from "zod";
import { ArticleFrontMatterSchema, idSchema } from "./article-schema.ts";
import { ArchiveDateSchema } from "./edtf-date.ts";

export const ArticleRecordSchema = ArticleFrontMatterSchema.extend({
  id: idSchema,
  /** Path of the article file relative to the project root, with `/` separators. */
  file: z.string(),
  /** Site-relative permalink, e.g. `/2023/01/09/police-massacre-in-juliaca/` (`url` is the original address). */
  permalink: z.string(),
  parsedDate: ArchiveDateSchema.nullable(),
  publicationSlug: z.string(),
  /** Sanitized HTML of the body: the only raw HTML any template may print. */
  html: z.string(),
  /** Plain text of the body, for search and exports. */
  text: z.string(),
});

export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/**
 * An article as the Archive holds it: the record without its body. What every
 * page needs of every article (ids, dates, titles, tags) stays in memory; the
 * body, about nine tenths of a record, is read back from the record cache by
 * the one page, search record or export row that shows it (article-bodies.ts).
 */
export type ArticleEntry = Omit<ArticleRecord, "html" | "text">;

/** An article's body: its sanitized HTML and its plain text. */
export type ArticleBody = Pick<ArticleRecord, "html" | "text">;
