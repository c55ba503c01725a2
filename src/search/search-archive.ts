/**
 * Full-text search of a built archive's SQLite export (`/data/archive.sqlite`):
 * the same articles as the site's search (Pagefind) finds for the same words
 * (`search_words`, searched as fts-query.ts says), ranked by bm25 (a word in
 * the title counts more than one in the summary, which counts more than one
 * in the text) or ordered by date, narrowed by publication, author, tag,
 * language and a date range, with a highlighted snippet per result.
 */
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { timeToIsoDay, type DayRange } from "../exports/day-range.ts";
import { INTERFACE_LANGUAGES, type InterfaceLanguage } from "../archive/interface-messages.ts";
import { parseEdtfDate } from "../records/edtf-date.ts";
import { textToSlug } from "../records/ids.ts";
import { termsToFtsQuery, type FtsQuery, type Vocabulary } from "../exports/fts-query.ts";
import type { CitableArticle } from "../exports/csl-item.ts";
import type { ExportRecord } from "../exports/jsonl.ts";
import { rowToExportRecord } from "../exports/sqlite.ts";
import { queryToTerms, stemmerFor, wordToIndexWords, type Stem } from "../exports/search-words.ts";

/** Bad input from the person searching: shown as is, with a hint, never as a stack trace. */
export class SearchError extends Error {
  readonly hint: string | undefined;
  /** `input`: the arguments are wrong; `database`: the archive database is missing or unreadable. */
  readonly kind: "input" | "database";
  constructor(message: string, hint?: string, kind: "input" | "database" = "input") {
    super(message);
    this.name = "SearchError";
    this.hint = hint;
    this.kind = kind;
  }
}

export interface SearchOptions {
  query: string;
  /** Publications whose name contains this (case, accents and punctuation ignored). */
  publication?: string;
  /** Articles with an author whose name contains this (case, accents and punctuation ignored). */
  author?: string;
  /** Articles with this tag (case, accents and punctuation ignored). */
  tag?: string;
  /** BCP 47 code; `es` also matches `es-PE`. */
  language?: string;
  /** EDTF or ISO date: articles whose date can fall on or after its first day. */
  from?: string;
  /** EDTF or ISO date: articles whose date can fall on or before its last day. */
  to?: string;
  limit?: number;
  /** Best match first (the default), or by date, newest or oldest first; undated articles come last either way. */
  sort?: SearchSort;
  /** Markers around matched words in snippets. */
  highlight?: { start: string; end: string };
}

export const SEARCH_SORTS = ["relevance", "newest", "oldest"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchHit {
  id: string;
  title: string;
  /** EDTF as in the article file; null when undated. */
  date: string | null;
  publication: string;
  /** The bylines as printed; empty when the article has none. */
  authors: string[];
  language: string;
  /** Site-relative permalink. */
  url: string;
  snippet: string;
  /** bm25 relevance: higher is better; comparable only within one search. */
  score: number;
}

export interface SearchResult {
  /** The first `limit` matches in the order asked for. */
  hits: SearchHit[];
  /** How many articles match in all, `limit` or not. */
  total: number;
}

export const DEFAULT_LIMIT = 20;
/** Words of context in a snippet. */
const SNIPPET_TOKENS = 24;
/** bm25 weights of `search_words`' columns: title, summary, text, the other searchable fields, the parts of compound words. */
const COLUMN_WEIGHTS = [10, 4, 1, 1, 0.5];
/**
 * Each sort as an SQL order. Dates compare by their first possible day, as the
 * archive's lists do; equal dates, and ties in rank, fall back on relevance
 * and then archive order, so that a search always lists the same way.
 */
const ORDER_BY: Record<SearchSort, string> = {
  relevance: "rank, a.position",
  newest: "a.date_start DESC NULLS LAST, rank, a.position",
  oldest: "a.date_start ASC NULLS LAST, rank, a.position",
};

export function openArchiveDatabase(file: string): Database.Database {
  if (!existsSync(file)) {
    throw new SearchError(
      `There is no archive database at \`${file}\``,
      "run `npm run build` first, or pass `--db PATH` to a built archive.sqlite",
      "database",
    );
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare("SELECT 1 FROM articles LIMIT 1").get();
  } catch (error) {
    throw new SearchError(
      `\`${file}\` is not an archive database: ${(error as Error).message}`,
      "rebuild it with `npm run build`",
      "database",
    );
  }
  try {
    db.prepare("SELECT 1 FROM search_words LIMIT 1").get();
    db.prepare("SELECT value FROM archive_settings WHERE name = 'search_language'").get();
  } catch {
    db.close();
    throw new SearchError(
      `\`${file}\` was written by an earlier version of Hemeroteca, without the site search's words`,
      "rebuild it with `npm run build`",
      "database",
    );
  }
  db.function("hemeroteca_slug", { deterministic: true }, (value: unknown) => textToSlug(String(value ?? "")));
  return db;
}

/** A `--from`/`--to` value as the days it covers. */
export function dateOptionToDayRange(option: "--from" | "--to", value: string): DayRange {
  const parsed = parseEdtfDate(value);
  if (!parsed.ok) throw new SearchError(`\`${option} ${value}\`: ${parsed.error}`);
  return { start: timeToIsoDay(parsed.value.min), end: timeToIsoDay(parsed.value.max) };
}

function knownValues(values: string[]): string {
  const shown = values
    .slice(0, 15)
    .map((v) => `\`${v}\``)
    .join(", ");
  return values.length > 15 ? `${shown}, and ${values.length - 15} more` : shown;
}

/** The words of the archive's search index, read from `search_vocabulary`. */
function databaseVocabulary(db: Database.Database): Vocabulary {
  const first = db.prepare("SELECT term FROM search_vocabulary WHERE term >= ? ORDER BY term LIMIT 1").pluck();
  const exact = db.prepare("SELECT 1 FROM search_vocabulary WHERE term = ?").pluck();
  return {
    hasWordStartingWith: (prefix) => ((first.get(prefix) as string | undefined) ?? "").startsWith(prefix),
    has: (word) => exact.get(word) !== undefined,
  };
}

/** The language the archive's search words were stemmed in: the interface language of the site that wrote the database. */
function searchLanguage(db: Database.Database): string {
  return (db.prepare("SELECT value FROM archive_settings WHERE name = 'search_language'").pluck().get() as string | undefined) ?? "en";
}

/**
 * The interface language of the site that wrote the database (its
 * `search_language`, `interface:` in its `content/site.yml`): the language
 * the command labels dates in, as the site's pages do.
 */
export function databaseInterfaceLanguage(db: Database.Database): InterfaceLanguage {
  const language = searchLanguage(db);
  return INTERFACE_LANGUAGES.find((known) => known === language) ?? "en";
}

interface Conditions {
  conditions: string[];
  /** The narrowing conditions' values, shared by the search and its count. */
  filters: Record<string, string | number>;
  query: FtsQuery;
  stem: Stem;
}

/** The WHERE conditions of a search and their values: the words, then every narrowing option. */
function matchConditions(db: Database.Database, options: Omit<SearchOptions, "limit" | "sort" | "highlight">): Conditions {
  const language = searchLanguage(db);
  const stem = stemmerFor(language);
  const terms = queryToTerms(options.query, language, stem);
  if (terms.terms.length === 0)
    throw new SearchError(`The query \`${options.query}\` has no words to search for`, "give at least one word with letters or digits");
  const query = termsToFtsQuery(terms, databaseVocabulary(db));
  // A query none of whose words is in the archive finds nothing (FTS5 has no "match nothing" of its own).
  const conditions: string[] = query.match === undefined ? ["0"] : ["search_words MATCH @match"];
  const filters: Record<string, string | number> = query.match === undefined ? {} : { match: query.match };

  if (options.publication !== undefined) {
    const slug = textToSlug(options.publication);
    const publications = db.prepare("SELECT DISTINCT publication FROM articles ORDER BY publication").pluck().all() as string[];
    if (!slug || !publications.some((name) => textToSlug(name).includes(slug))) {
      throw new SearchError(
        `No publication in the archive matches \`${options.publication}\``,
        `publications: ${knownValues(publications)}`,
      );
    }
    conditions.push("instr(hemeroteca_slug(a.publication), @publication) > 0");
    filters.publication = slug;
  }
  if (options.author !== undefined) {
    const slug = textToSlug(options.author);
    const known =
      slug && db.prepare("SELECT 1 FROM articles a, json_each(a.authors) t WHERE instr(hemeroteca_slug(t.value), ?) > 0 LIMIT 1").get(slug);
    if (!known) {
      const authors = db
        .prepare("SELECT t.value FROM articles a, json_each(a.authors) t GROUP BY t.value ORDER BY count(*) DESC, t.value")
        .pluck()
        .all() as string[];
      throw new SearchError(
        `No author in the archive matches \`${options.author}\``,
        authors.length ? `the most frequent authors: ${knownValues(authors)}` : "no article in this archive names an author",
      );
    }
    conditions.push("EXISTS (SELECT 1 FROM json_each(a.authors) t WHERE instr(hemeroteca_slug(t.value), @author) > 0)");
    filters.author = slug;
  }
  if (options.tag !== undefined) {
    const slug = textToSlug(options.tag);
    const known = db.prepare("SELECT 1 FROM articles a, json_each(a.tags) t WHERE hemeroteca_slug(t.value) = ? LIMIT 1").get(slug);
    if (!slug || !known) {
      const tags = db
        .prepare("SELECT t.value FROM articles a, json_each(a.tags) t GROUP BY t.value ORDER BY count(*) DESC, t.value")
        .pluck()
        .all() as string[];
      throw new SearchError(`No article has the tag \`${options.tag}\``, `the most used tags: ${knownValues(tags)}`);
    }
    conditions.push("EXISTS (SELECT 1 FROM json_each(a.tags) t WHERE hemeroteca_slug(t.value) = @tag)");
    filters.tag = slug;
  }
  if (options.language !== undefined) {
    const language = options.language.trim().toLowerCase();
    if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(language)) {
      throw new SearchError(`\`--lang ${options.language}\` is not a language code`, "use a BCP 47 code such as `en` or `es`");
    }
    conditions.push("(lower(a.language) = @language OR lower(a.language) LIKE @language || '-%')");
    filters.language = language;
  }
  const from = options.from !== undefined ? dateOptionToDayRange("--from", options.from) : undefined;
  const to = options.to !== undefined ? dateOptionToDayRange("--to", options.to) : undefined;
  if (from && to && from.start > to.end) {
    throw new SearchError(`\`--from ${options.from}\` is after \`--to ${options.to}\``, "swap the two dates");
  }
  if (from) {
    // Overlap: the article's last possible day is on or after the range's first day. Undated articles have no days.
    conditions.push("a.date_end >= @from");
    filters.from = from.start;
  }
  if (to) {
    conditions.push("a.date_start <= @to");
    filters.to = to.end;
  }

  return { conditions, filters, query, stem };
}

/** Marks a word of the text if one of its indexed forms is a word searched for, as Pagefind's excerpt does. */
function isMatch(raw: string, words: FtsQuery["words"], stem: Stem): boolean {
  const indexed = wordToIndexWords(raw, stem);
  const forms = indexed.word === undefined ? indexed.parts : [indexed.word, ...indexed.parts];
  return forms.some((form) => words.some(({ word, prefix }) => (prefix ? form.startsWith(word) : form === word)));
}

/**
 * The `SNIPPET_TOKENS` words of the text (or, when no word of the text
 * matches, of the summary, then the title) with the most matches, the first
 * such run, matched words between `highlight`'s marks.
 */
export function matchSnippet(
  texts: ReadonlyArray<string | null>,
  query: FtsQuery,
  stem: Stem,
  highlight: { start: string; end: string },
): string {
  let chosen: { tokens: string[]; matched: boolean[] } | undefined;
  for (const text of texts) {
    const tokens = (text ?? "").split(/\s+/).filter(Boolean);
    const matched = tokens.map((token) => isMatch(token, query.words, stem));
    chosen ??= { tokens, matched };
    if (matched.some(Boolean)) {
      chosen = { tokens, matched };
      break;
    }
  }
  if (!chosen || chosen.tokens.length === 0) return "";
  const { tokens, matched } = chosen;
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let end = 0; end < tokens.length; end++) {
    if (matched[end]) count++;
    if (end >= SNIPPET_TOKENS && matched[end - SNIPPET_TOKENS]) count--;
    const start = Math.max(0, end - SNIPPET_TOKENS + 1);
    if (count > bestCount && (end >= SNIPPET_TOKENS - 1 || end === tokens.length - 1)) {
      bestCount = count;
      best = start;
    }
  }
  const window = tokens
    .slice(best, best + SNIPPET_TOKENS)
    .map((token, i) => (matched[best + i] ? `${highlight.start}${token}${highlight.end}` : token));
  return `${best > 0 ? "…" : ""}${window.join(" ")}${best + SNIPPET_TOKENS < tokens.length ? "…" : ""}`;
}

export function searchArchive(db: Database.Database, options: SearchOptions): SearchResult {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const highlight = options.highlight ?? { start: "[", end: "]" };
  const { conditions, filters, query, stem } = matchConditions(db, options);
  if (query.match === undefined) return { hits: [], total: 0 };

  const sort = options.sort ?? "relevance";

  const sql = `SELECT a.id, a.title, a.date, a.publication, a.authors, a.language, a.url, a.summary, a.text,
      bm25(search_words, ${COLUMN_WEIGHTS.join(", ")}) AS rank
    FROM search_words JOIN articles a ON a.position = search_words.rowid
    WHERE ${conditions.join(" AND ")}
    ORDER BY ${ORDER_BY[sort]}
    LIMIT @limit`;
  const rows = db.prepare(sql).all({ ...filters, limit }) as Array<
    Omit<SearchHit, "score" | "authors" | "snippet"> & { authors: string | null; rank: number; summary: string | null; text: string }
  >;
  const hits = rows.map((row): SearchHit => ({
    id: row.id,
    title: row.title,
    date: row.date,
    publication: row.publication,
    authors: row.authors ? (JSON.parse(row.authors) as string[]) : [],
    language: row.language,
    url: row.url,
    snippet: matchSnippet([row.text, row.summary, row.title], query, stem, highlight),
    score: Number((-row.rank).toPrecision(6)),
  }));
  // Counted apart (FTS5's bm25 and snippet cannot share a query with a window), so that a researcher told "20 articles match" is not reading the limit.
  const total =
    hits.length < limit
      ? hits.length
      : (db
          .prepare(`SELECT count(*) FROM search_words JOIN articles a ON a.position = search_words.rowid WHERE ${conditions.join(" AND ")}`)
          .pluck()
          .get(filters) as number);
  return { hits, total };
}

/** The site's address and name, kept in the database for citations. */
export function databaseSite(db: Database.Database): { baseUrl: string; title: string } {
  const setting = db.prepare("SELECT value FROM archive_settings WHERE name = ?").pluck();
  return { baseUrl: (setting.get("base_url") as string | undefined) ?? "", title: (setting.get("title") as string | undefined) ?? "" };
}

/**
 * The matches as the exports' records, in the order asked for, every one
 * unless `limit` is given: what `--format` writes with the exports' own writers.
 */
export function matchingRecords(db: Database.Database, options: Omit<SearchOptions, "highlight">): ExportRecord[] {
  const { conditions, filters, query } = matchConditions(db, options);
  if (query.match === undefined) return [];
  const sort = options.sort ?? "relevance";
  const rows = db
    .prepare(
      `SELECT a.*, bm25(search_words, ${COLUMN_WEIGHTS.join(", ")}) AS rank
    FROM search_words JOIN articles a ON a.position = search_words.rowid
    WHERE ${conditions.join(" AND ")}
    ORDER BY ${ORDER_BY[sort]}
    LIMIT @limit`,
    )
    .all({ ...filters, limit: options.limit ?? -1 }) as Array<Record<string, unknown>>;
  return rows.map((row) => {
    const read = rowToExportRecord(row);
    if (!read.ok)
      throw new SearchError(
        `The archive database has an article that does not read back: ${read.error}`,
        "rebuild it with `npm run build`",
        "database",
      );
    return read.record;
  });
}

/** A record read back from the database as what a citation needs of an article. */
export function exportRecordToCitable(record: ExportRecord): CitableArticle {
  const parsed = record.date ? parseEdtfDate(record.date) : undefined;
  return {
    id: record.id,
    title: record.title,
    publication: record.publication,
    authors: record.authors,
    parsedDate: parsed?.ok ? parsed.value : null,
    language: record.language,
    issue: record.issue,
    page: record.page,
    summary: record.summary,
  };
}

export const COUNT_BY = ["year", "month", "publication"] as const;
export type CountBy = (typeof COUNT_BY)[number];

/** Matches counted apart from the periods: no date, or a date that spans more than one period. */
export const UNDATED_PERIOD = "undated";
export const WIDER_PERIOD = "wider";

export interface PeriodCount {
  /** `2023`, `2023-01`, a publication's name, or `undated` / `wider` (a date less precise than the period). */
  period: string;
  articles: number;
}

/**
 * How many articles match in each year, month or publication: attention over
 * time. Periods between the first and the last with matches are listed with 0,
 * so a timeline has no silent gaps; an article whose date spans more than one
 * period (a year when counting months, an interval) is counted as `wider`, and
 * an undated one as `undated`, after the periods.
 */
export function countMatches(
  db: Database.Database,
  options: Omit<SearchOptions, "limit" | "sort" | "highlight">,
  by: CountBy,
): PeriodCount[] {
  const { conditions, filters, query } = matchConditions(db, options);
  if (query.match === undefined) return [];
  const from = "FROM search_words JOIN articles a ON a.position = search_words.rowid";
  if (by === "publication") {
    return db
      .prepare(
        `SELECT a.publication AS period, count(*) AS articles ${from} WHERE ${conditions.join(" AND ")} GROUP BY a.publication ORDER BY articles DESC, a.publication`,
      )
      .all(filters) as PeriodCount[];
  }
  const length = by === "year" ? 4 : 7;
  const period = `CASE WHEN a.date_start IS NULL THEN '${UNDATED_PERIOD}'
      WHEN substr(a.date_start, 1, ${length}) = substr(a.date_end, 1, ${length}) THEN substr(a.date_start, 1, ${length})
      ELSE '${WIDER_PERIOD}' END`;
  const rows = db
    .prepare(`SELECT ${period} AS period, count(*) AS articles ${from} WHERE ${conditions.join(" AND ")} GROUP BY 1`)
    .all(filters) as PeriodCount[];
  const counted = new Map(rows.map((row) => [row.period, row.articles]));
  const periods = rows
    .map((row) => row.period)
    .filter((p) => p !== UNDATED_PERIOD && p !== WIDER_PERIOD)
    .sort();
  const result: PeriodCount[] = [];
  if (periods.length) {
    for (let p = periods[0]!; p <= periods[periods.length - 1]!; p = nextPeriod(p))
      result.push({ period: p, articles: counted.get(p) ?? 0 });
  }
  for (const apart of [WIDER_PERIOD, UNDATED_PERIOD]) if (counted.has(apart)) result.push({ period: apart, articles: counted.get(apart)! });
  return result;
}

/** `2023` -> `2024`, `2023-12` -> `2024-01`. */
function nextPeriod(period: string): string {
  if (period.length === 4) return String(Number(period) + 1).padStart(4, "0");
  const [year, month] = period.split("-").map(Number) as [number, number];
  return month === 12
    ? `${String(year + 1).padStart(4, "0")}-01`
    : `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}`;
}
