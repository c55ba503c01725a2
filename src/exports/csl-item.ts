/**
 * An article as a CSL-JSON item, the one description every citation is made
 * from (citations.ts, bibtex.ts, ris.ts). Apart from citeproc, so that the
 * exports can write the whole archive's BibTeX and RIS without loading it.
 */
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import type { ArchiveDate, DatePoint } from "../records/edtf-date.ts";
import { permanentAddress } from "../records/permalink.ts";
import { bylineToCslName, type CslName } from "./citation-names.ts";

/** A CSL-JSON date: the precision the archive date really has; uncertain or approximate is `circa`. */
export interface CslDate {
  "date-parts": number[][];
  circa?: true;
}

export interface CslItem {
  id: string;
  "citation-key": string;
  type: "article-newspaper";
  title: string;
  "container-title": string;
  author?: CslName[];
  issued?: CslDate;
  URL: string;
  language: string;
  issue?: string;
  page?: string;
  abstract?: string;
  archive: string;
}

function pointToDateParts(point: DatePoint): number[] {
  if (point.precision === "year" || point.month === undefined) return [point.year];
  if (point.precision === "month" || point.day === undefined) return [point.year, point.month];
  return [point.year, point.month, point.day];
}

export function dateToCslDate(date: ArchiveDate): CslDate {
  const parts = date.kind === "interval" ? [pointToDateParts(date.start), pointToDateParts(date.end)] : [pointToDateParts(date.start)];
  const circa = [date.start, date.end].some((point) => point.uncertain || point.approximate);
  return { "date-parts": parts, ...(circa ? { circa: true as const } : {}) };
}

/** What a citation needs of an article: its record's fields, or the same read back from an export (`npm run search -- --format bib`). */
export type CitableArticle = Pick<
  ArticleRecord,
  "id" | "title" | "publication" | "authors" | "parsedDate" | "language" | "issue" | "page" | "summary"
>;

export function articleToCslItem(article: CitableArticle, archive: { site: Pick<Archive["site"], "baseUrl" | "title"> }): CslItem {
  return {
    id: article.id,
    "citation-key": article.id,
    type: "article-newspaper",
    title: article.title,
    "container-title": article.publication,
    ...(article.authors?.length ? { author: article.authors.map(bylineToCslName) } : {}),
    ...(article.parsedDate ? { issued: dateToCslDate(article.parsedDate) } : {}),
    // The permanent address: a citation outlives a correction of the date, which moves the page.
    URL: `${archive.site.baseUrl}${permanentAddress(article.id)}`,
    language: article.language,
    ...(article.issue ? { issue: article.issue } : {}),
    ...(article.page !== undefined ? { page: String(article.page) } : {}),
    ...(article.summary ? { abstract: article.summary } : {}),
    archive: archive.site.title,
  };
}
