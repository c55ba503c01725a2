/**
 * `npm run search`: arguments in, results out. Parsing and printing only; the
 * search itself is `searchArchive`.
 */
import { inertJson, inertLine, inertLines } from "../lib/terminal-text.ts";
import path from "node:path";
import { parseArgs } from "node:util";
import { dateLabel, messagesFor, type InterfaceLanguage } from "../archive/interface-messages.ts";
import { parseEdtfDate } from "../records/edtf-date.ts";
import { exportRecordsToCsv } from "../exports/csv.ts";
import { exportRecordsToJsonl, type ExportRecord } from "../exports/jsonl.ts";
import { archiveToBibtex, archiveToRis } from "../exports/write-exports.ts";
import {
  COUNT_BY,
  databaseInterfaceLanguage,
  databaseSite,
  exportRecordToCitable,
  matchingRecords,
  countMatches,
  DEFAULT_LIMIT,
  openArchiveDatabase,
  SEARCH_SORTS,
  SearchError,
  searchArchive,
  type SearchHit,
  type SearchOptions,
  type SearchResult,
  type SearchSort,
  type CountBy,
  type PeriodCount,
} from "./search-archive.ts";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal: matched words are then bold instead of `[bracketed]`. */
  isTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
}

export const USAGE = `Usage: npm run search -- QUERY [options]

Full-text search of the built archive, offline (reads _site/data/archive.sqlite;
run \`npm run build\` first): the same articles as the site's search page finds.
Every word must appear, and each finds the words it begins (strik finds strike
and striking); a query wholly in double quotes is a phrase. Accents, case and
punctuation are ignored (peru finds Perú), and words find their other forms
(protest finds protests). The date, publication and language shown with a
result are searchable too, as on the site.

Options:
  --publication P   only publications whose name contains P
  --author A        only articles by an author whose name contains A
  --tag T           only articles tagged T
  --lang L          only articles in language L (BCP 47 code: en, es)
  --from D          only articles whose date can fall on or after D
  --to D            only articles whose date can fall on or before D
                    D is an EDTF or ISO date: 2023-01-09, 2022-12, 2021,
                    2022-12/2023-01. Undated articles are left out of a dated search.
  --sort S          relevance (the default: best match first), newest or
                    oldest; undated articles come last in both date orders
  --limit N         at most N results (default ${DEFAULT_LIMIT})
  --json            print a JSON array of {id, title, date, publication,
                    authors, language, url, snippet, score}; when the limit
                    leaves matches out, how many there are goes to stderr
  --count-by B      instead of the articles, how many match in each year,
                    month or publication (B): every period from the first
                    match to the last, with 0 where none; articles whose date
                    spans more than one period counted as "wider", undated
                    ones as "undated"
  --csv             with --count-by, print CSV (period,articles)
  --format F        write the matches (all of them, or --limit N) as the
                    archive's exports do: csv, jsonl, bib (BibTeX) or ris,
                    best first unless --sort says otherwise
  --db PATH         search another archive.sqlite
  -h, --help        show this help

Examples:
  npm run search -- Juliaca
  npm run search -- Perú --lang es
  npm run search -- strike --author byrne --sort oldest
  npm run search -- "state of emergency" --json --limit 5
  npm run search -- strike --count-by month --csv
  npm run search -- golpista --format bib > golpista.bib
`;

const MORE_HELP = "  hint: `npm run search -- --help` lists the options\n";
const BOLD = { start: "\u001b[1m", end: "\u001b[22m" };
const BRACKETS = { start: "[", end: "]" };
/**
 * Snippets are marked with characters no article holds (the private use area),
 * so the text can be made inert before the bold, itself an escape code, goes in.
 */
const MARKS = { start: "\ue000", end: "\ue001" };

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new SearchError(`\`--limit ${value}\` is not a positive whole number`, "for example `--limit 50`");
  return Number(value);
}

function searchSort(value: string): SearchSort {
  const sort = SEARCH_SORTS.find((s) => s === value.trim().toLowerCase());
  if (!sort) throw new SearchError(`\`--sort ${value}\` is not a sort`, `use one of ${SEARCH_SORTS.map((s) => `\`${s}\``).join(", ")}`);
  return sort;
}

function countBy(value: string): CountBy {
  const by = COUNT_BY.find((b) => b === value.trim().toLowerCase());
  if (!by)
    throw new SearchError(`\`--count-by ${value}\` is not a way to count`, `use one of ${COUNT_BY.map((b) => `\`${b}\``).join(", ")}`);
  return by;
}

export const EXPORT_FORMATS = ["csv", "jsonl", "bib", "ris"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function exportFormat(value: string): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f === value.trim().toLowerCase());
  if (!format)
    throw new SearchError(`\`--format ${value}\` is not a format`, `use one of ${EXPORT_FORMATS.map((f) => `\`${f}\``).join(", ")}`);
  return format;
}

/** The matches in a format of the archive's exports, by the exports' own writers: the same bytes as the archive's files, for these articles. */
export function recordsToFormat(records: readonly ExportRecord[], format: ExportFormat, site: { baseUrl: string; title: string }): string {
  switch (format) {
    case "csv":
      return exportRecordsToCsv(records);
    case "jsonl":
      return exportRecordsToJsonl(records);
    case "bib":
      return archiveToBibtex({ articles: records.map(exportRecordToCitable), site });
    case "ris":
      return archiveToRis({ articles: records.map(exportRecordToCitable), site });
  }
}

/** Counts as a table for people or as CSV (RFC 4180: a publication's name is quoted when it must be). */
export function countsToText(counts: readonly PeriodCount[], by: CountBy, query: string, csv: boolean): string {
  if (csv) {
    // CSV has no escapes: a control character in a name (never a real one) is shown as one, so the terminal cannot act on it.
    const cell = (text: string) => (/[",\r\n]/.test(inertLines(text)) ? `"${inertLines(text).replaceAll('"', '""')}"` : inertLines(text));
    return `${by},articles\r\n${counts.map((c) => `${cell(c.period)},${c.articles}\r\n`).join("")}`;
  }
  query = inertLine(query);
  if (counts.length === 0) return `No articles match “${query}”.\n`;
  const total = counts.reduce((sum, c) => sum + c.articles, 0);
  const width = Math.max(...counts.map((c) => inertLine(c.period).length), by.length);
  const rows = counts.map((c) => `${inertLine(c.period).padEnd(width)}  ${String(c.articles).padStart(5)}`);
  return `${total} ${total === 1 ? "article matches" : "articles match"} “${query}”, by ${by}:\n\n${rows.join("\n")}\n`;
}

function hitToText(
  hit: SearchHit,
  index: number,
  width: number,
  highlight: { start: string; end: string },
  language: InterfaceLanguage,
): string {
  const parsed = hit.date ? parseEdtfDate(hit.date) : undefined;
  const date = dateLabel(messagesFor(language), parsed?.ok ? parsed.value : null);
  const indent = " ".repeat(width + 2);
  const byline = hit.authors.length ? ` · ${hit.authors.map(inertLine).join(", ")}` : "";
  const snippet = inertLine(hit.snippet).replaceAll(MARKS.start, highlight.start).replaceAll(MARKS.end, highlight.end);
  return [
    `${String(index + 1).padStart(width)}. ${inertLine(hit.title)}`,
    `${indent}${date} · ${inertLine(hit.publication)}${byline} · ${inertLine(hit.language)} · ${inertLine(hit.url)}`,
    `${indent}${snippet}`,
  ].join("\n");
}

const ORDER_WORDS: Record<SearchSort, { all: string; first: (n: number) => string }> = {
  relevance: { all: "best first", first: (n) => `the best ${n}` },
  newest: { all: "newest first", first: (n) => `the newest ${n}` },
  oldest: { all: "oldest first", first: (n) => `the oldest ${n}` },
};

/**
 * `hits` marked with `MARKS` (the search's `highlight`) get `highlight` around matched words;
 * dates are labelled in `language`, the interface language of the site that wrote the database.
 */
export function hitsToText(
  { hits, total }: SearchResult,
  query: string,
  sort: SearchSort = "relevance",
  highlight = BRACKETS,
  language: InterfaceLanguage = "en",
): string {
  query = inertLine(query);
  if (hits.length === 0) return `No articles match “${query}”.\n`;
  const width = String(hits.length).length;
  const matches = `${total} ${total === 1 ? "article matches" : "articles match"} “${query}”`;
  const order = ORDER_WORDS[sort];
  const heading = total > hits.length ? `${matches}; ${order.first(hits.length)} (more with \`--limit\`):` : `${matches}, ${order.all}:`;
  return `${heading}\n\n${hits.map((hit, index) => hitToText(hit, index, width, highlight, language)).join("\n\n")}\n`;
}

/** Runs the command; returns the exit code (0 found or not, 1 failed, 2 bad usage). */
export function runSearchCli(argv: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        publication: { type: "string" },
        author: { type: "string" },
        tag: { type: "string" },
        lang: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        limit: { type: "string" },
        sort: { type: "string" },
        json: { type: "boolean", default: false },
        "count-by": { type: "string" },
        csv: { type: "boolean", default: false },
        format: { type: "string" },
        db: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    io.stderr(`search: ${(error as Error).message}\n${MORE_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const query = positionals.join(" ").trim();
  if (!query) {
    io.stderr(`search: give a query, e.g. \`npm run search -- Juliaca\`\n${MORE_HELP}`);
    return 2;
  }
  const outputDir = io.env.HEMEROTECA_OUTPUT ?? "_site";
  const dbFile = path.resolve(io.cwd, values.db ?? path.join(outputDir, "data", "archive.sqlite"));
  const color = io.isTTY && !values.json && io.env.NO_COLOR === undefined;
  try {
    const options: SearchOptions = {
      query,
      ...(values.publication !== undefined ? { publication: values.publication } : {}),
      ...(values.author !== undefined ? { author: values.author } : {}),
      ...(values.tag !== undefined ? { tag: values.tag } : {}),
      ...(values.lang !== undefined ? { language: values.lang } : {}),
      ...(values.from !== undefined ? { from: values.from } : {}),
      ...(values.to !== undefined ? { to: values.to } : {}),
      limit: values.limit !== undefined ? positiveInteger(values.limit) : DEFAULT_LIMIT,
      sort: values.sort !== undefined ? searchSort(values.sort) : "relevance",
      highlight: values.json ? BRACKETS : MARKS,
    };
    if (values.csv && values["count-by"] === undefined)
      throw new SearchError(
        "`--csv` goes with `--count-by`",
        "for example `--count-by month --csv`; for the matches themselves use `--json`",
      );
    if (values.format !== undefined) {
      const format = exportFormat(values.format);
      if (values.json || values["count-by"] !== undefined || values.csv)
        throw new SearchError("`--format` writes the matches themselves: it goes without `--json`, `--count-by` and `--csv`");
      const db = openArchiveDatabase(dbFile);
      try {
        io.stdout(
          recordsToFormat(
            matchingRecords(db, { ...options, limit: values.limit !== undefined ? options.limit : undefined }),
            format,
            databaseSite(db),
          ),
        );
      } finally {
        db.close();
      }
      return 0;
    }
    if (values["count-by"] !== undefined) {
      const by = countBy(values["count-by"]);
      const db = openArchiveDatabase(dbFile);
      try {
        const counts = countMatches(db, options, by);
        io.stdout(values.json ? `${inertJson(JSON.stringify(counts, null, 2))}\n` : countsToText(counts, by, query, values.csv));
      } finally {
        db.close();
      }
      return 0;
    }
    const db = openArchiveDatabase(dbFile);
    let result: SearchResult;
    let language: InterfaceLanguage;
    try {
      result = searchArchive(db, options);
      language = databaseInterfaceLanguage(db);
    } finally {
      db.close();
    }
    if (values.json) {
      io.stdout(`${inertJson(JSON.stringify(result.hits, null, 2))}\n`);
      // stdout stays one JSON array for a pipe; the count a script may need to raise the limit goes beside it.
      if (result.total > result.hits.length)
        io.stderr(`search: ${result.hits.length} of ${result.total} matching articles shown; more with \`--limit\`\n`);
    } else io.stdout(hitsToText(result, query, options.sort, color ? BOLD : BRACKETS, language));
    return 0;
  } catch (error) {
    if (!(error instanceof SearchError)) throw error;
    io.stderr(`search: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ""}`);
    return error.kind === "database" ? 1 : 2;
  }
}
