/**
 * An article as the site's search indexes it (a Pagefind custom record): its
 * text, the fields shown with a result and its filters; its date's place in
 * date order is kept beside the index (search-date-order.ts), not in it. The
 * search index (src/search-index/pagefind-index.ts) is made of these, and the SQLite
 * export indexes the same words (sqlite.ts, `articleToSearchColumns`), so that
 * the two searches find the same articles: Pagefind makes every field of
 * `meta` searchable, not only `content`.
 */
import { dateLabel, messagesFor, type Messages } from "../archive/interface-messages.ts";
import { languageToName } from "../archive/language-names.ts";
import type { ArticleEntry, ArticleRecord } from "../records/article-record.ts";
import type { ArchiveDate } from "../records/edtf-date.ts";
import { dateToDayRange, timeToIsoDay } from "./day-range.ts";

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * Undated articles get a key too, `0000-00-00`, before every date: newest
 * first they come after every dated article. Oldest first they would come
 * first: the search page moves them to the end (public/search.js), knowing
 * which they are from their places (src/search-index/search-index-manifest.ts).
 */
export const UNDATED_SORT_KEY = "0000-00-00";

/** An article's sort keys for the search's date order (strings, compared byte by byte). */
export function searchSortKeys(article: ArticleEntry): { date: string } {
  return { date: article.parsedDate ? timeToIsoDay(article.parsedDate.min) : UNDATED_SORT_KEY };
}

/** The `timeline` filter's periods for articles without one month: no date, or a date wider than a month. */
export const TIMELINE_UNDATED = "undated";
export const TIMELINE_WIDER = "wider";

/** Every year a date can fall in: an interval across years is found under each. */
function dateToYears(date: ArchiveDate): string[] {
  const years: string[] = [];
  for (let year = date.start.year; year <= date.end.year && years.length < 100; year++) years.push(String(year));
  return years;
}

/**
 * The month an article falls in (`2023-01`), `wider` when its date spans more
 * than one month, `undated` without a date, as `npm run search -- --count-by
 * month` counts; then, after a space, its publication. The search page's chart
 * of matches by month and publication reads the counts Pagefind gives for it.
 */
export function articleToTimelinePeriod(article: ArticleEntry): string {
  if (!article.parsedDate) return `${TIMELINE_UNDATED} ${article.publication}`;
  const range = dateToDayRange(article.parsedDate);
  const month = range.start.slice(0, 7) === range.end.slice(0, 7) ? range.start.slice(0, 7) : TIMELINE_WIDER;
  return `${month} ${article.publication}`;
}

/** The date shown with a result is in the interface's language, as on the site's pages. */
export function articleToSearchRecord(
  article: ArticleEntry & Pick<ArticleRecord, "text">,
  messages: Messages = messagesFor("en"),
): SearchRecord {
  const date = article.parsedDate;
  return {
    url: article.permalink,
    content: [article.title, article.summary ?? "", article.text].filter(Boolean).join("\n\n"),
    language: article.language,
    meta: {
      title: article.title,
      date: dateLabel(messages, date),
      publication: article.publication,
      language: languageToName(article.language),
      lang: article.language,
      ...(article.summary ? { summary: article.summary } : {}),
    },
    filters: {
      publication: [article.publication],
      language: [languageToName(article.language)],
      year: date ? dateToYears(date) : ["Undated"],
      ...(article.tags?.length ? { tag: article.tags } : {}),
      timeline: [articleToTimelinePeriod(article)],
    },
  };
}
