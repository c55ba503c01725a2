/**
 * Which Pagefind bundle each article is indexed in, when the archive is too
 * large for one (search-index-cache.ts says why it can be).
 *
 * Bundles are date ranges, so that a search sorted by date can be answered
 * in order: the search page (public/search.js) searches each bundle alone and
 * joins the results in the bundles' order. Merged by Pagefind, results come
 * ordered by score, and in a sorted search a score is a position within its
 * own bundle, so bundles cut any other way interleave.
 *
 * A range is a calendar unit: a decade, a year, a half year, a quarter, a
 * month or a day, the coarsest that holds no more than `size` articles. A day
 * holding more is cut into parts by id (its articles share one sort key, so
 * their order among themselves is free), and so are undated articles, which
 * come last in both date orders. Ranges follow the calendar,
 * not counts: an edit that keeps the date re-indexes one bundle, and an added
 * article changes only its own unit, unless that unit grows past `size` and
 * splits into finer ones.
 */
import type { ArticleEntry } from "../records/article-record.ts";

export interface SearchBundle {
  /** Stable name of the range: `all`, `2010s`, `2016`, `2016-h2`, `2016-q3`, `2016-08`, `2016-08-14`, `2016-08-14.2`, `undated`, `undated.2`. */
  name: string;
  /** False for the bundles of undated articles, which end both date orders. */
  dated: boolean;
  articles: ArticleEntry[];
}

const pad = (value: number) => String(value).padStart(2, "0");

/** Coarsest first: each names the unit an article's first possible day falls in. */
const UNITS: ReadonlyArray<(day: Date) => string> = [
  (day) => `${Math.floor(day.getUTCFullYear() / 10) * 10}s`,
  (day) => `${day.getUTCFullYear()}`,
  (day) => `${day.getUTCFullYear()}-h${day.getUTCMonth() < 6 ? 1 : 2}`,
  (day) => `${day.getUTCFullYear()}-q${Math.floor(day.getUTCMonth() / 3) + 1}`,
  (day) => `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}`,
  (day) => `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`,
];

/** Articles of one sort key, cut by id into parts of at most `size`, each kept in archive order. */
function splitById(name: string, dated: boolean, articles: ArticleEntry[], size: number): SearchBundle[] {
  if (articles.length <= size) return [{ name, dated, articles }];
  const ids = articles.map((article) => article.id).sort();
  const part = new Map(ids.map((id, index) => [id, Math.floor(index / size)]));
  const parts = Array.from({ length: Math.ceil(ids.length / size) }, () => [] as ArticleEntry[]);
  for (const article of articles) parts[part.get(article.id)!]!.push(article);
  return parts.map((articlesOfPart, index) => ({ name: `${name}.${index + 1}`, dated, articles: articlesOfPart }));
}

/** Splits dated articles by `UNITS[level]`, in date order, each unit as finely as its count needs. */
function splitByDate(articles: ArticleEntry[], level: number, size: number): SearchBundle[] {
  const units = new Map<string, { first: number; articles: ArticleEntry[] }>();
  for (const article of articles) {
    const min = article.parsedDate!.min;
    const name = UNITS[level]!(new Date(min));
    const unit = units.get(name);
    if (unit) {
      unit.articles.push(article);
      unit.first = Math.min(unit.first, min);
    } else units.set(name, { first: min, articles: [article] });
  }
  return [...units.entries()]
    .sort(([, a], [, b]) => a.first - b.first)
    .flatMap(([name, unit]) => {
      if (unit.articles.length <= size) return [{ name, dated: true, articles: unit.articles }];
      if (level + 1 < UNITS.length) return splitByDate(unit.articles, level + 1, size);
      return splitById(name, true, unit.articles, size);
    });
}

/**
 * The bundles of an archive, oldest range first and undated last, each in
 * archive order; one bundle, `all`, when the archive has at most `size` articles.
 */
export function archiveToBundles(articles: readonly ArticleEntry[], size: number): SearchBundle[] {
  const limit = Math.max(1, Math.floor(size));
  if (articles.length <= limit) return [{ name: "all", dated: true, articles: [...articles] }];
  const dated = articles.filter((article) => article.parsedDate);
  const undated = articles.filter((article) => !article.parsedDate);
  return [...(dated.length ? splitByDate(dated, 0, limit) : []), ...(undated.length ? splitById("undated", false, undated, limit) : [])];
}
