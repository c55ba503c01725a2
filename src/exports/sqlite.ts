/**
 * `/data/archive.sqlite`: the archive as an SQLite database any client can
 * open. `articles` holds every field of the JSON Lines export (lists and
 * `source` as JSON text) plus `date_start`/`date_end`, the first and last day
 * the date can mean; `articles_fts` is an FTS5 index over title, summary and
 * text whose content is read from `articles` (rowid = `articles.position`).
 * Its words are stemmed with FTS5's Porter stemmer, for SQL written by hand.
 *
 * `search_words` is what `npm run search` searches: every article's words as
 * the site's search (Pagefind) indexes them (search-words.ts), from the same
 * record (search-record.ts): Snowball stems of the site's language, without
 * diacritics, compound words also as their parts, and the fields Pagefind
 * makes searchable beside the text (the date as shown, the publication, the
 * language). One word a token, so FTS5's prefix queries match as Pagefind's
 * do; `search_vocabulary` lists the words, and `archive_settings` says which
 * language they were stemmed in (`search_language`), so a query is stemmed the
 * same way, and the site's address and name (`base_url`, `title`), so the
 * matches can be cited as the site cites them.
 *
 * The bytes are the same from build to build: the database is filled in a
 * scratch file, then copied with `VACUUM INTO` (fresh pages, no free list, no
 * journal), with a fixed page size and nothing time-dependent stored.
 */
import Database from "better-sqlite3";
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ArticleEntry, ArticleRecord } from "../records/article-record.ts";
import { dateToDayRange } from "./day-range.ts";
import { articleToExportRecord, EXPORT_FIELDS, ExportRecordSchema, type ExportRecord } from "./jsonl.ts";
import { FRONT_MATTER_FIELD_ORDER } from "../records/article-schema.ts";
import { messagesFor, type Messages } from "../archive/interface-messages.ts";
import { articleToSearchRecord } from "./search-record.ts";
import { stemmerFor, textToIndexWords, type Stem } from "./search-words.ts";

/** Bumped whenever the schema changes; readable with `PRAGMA user_version`. */
export const DATABASE_SCHEMA_VERSION = 3;
const PAGE_SIZE = 4096;
/** FTS5's `hashsize` while the index is built, and its default (sqlite.org/fts5.html#the_hashsize_configuration_option). */
const FTS_BUILD_HASH_SIZE = 64 * 2 ** 20;
const FTS_DEFAULT_HASH_SIZE = 2 ** 20;

/** Fields stored as JSON text. */
const JSON_FIELDS = new Set<keyof ExportRecord>(["authors", "tags", "aliases", "translations", "source", "review"]);
const REQUIRED_FIELDS = new Set<keyof ExportRecord>(["title", "publication", "language", "id", "url", "text"]);

/** Fields that may be a number or a text (`page: 21` or `page: xii`): a column without a type keeps which. */
const NUMBER_OR_TEXT_FIELDS = new Set<keyof ExportRecord>(["page"]);

function columnDefinition(field: keyof ExportRecord): string {
  const notNull = REQUIRED_FIELDS.has(field) ? " NOT NULL" : "";
  const unique = field === "id" ? " UNIQUE" : "";
  return `"${field}"${NUMBER_OR_TEXT_FIELDS.has(field) ? "" : " TEXT"}${notNull}${unique}`;
}

export const DATABASE_SCHEMA = `CREATE TABLE articles (
  position INTEGER PRIMARY KEY,
  ${EXPORT_FIELDS.map(columnDefinition).join(",\n  ")},
  date_start TEXT,
  date_end TEXT
);
CREATE INDEX articles_dates ON articles (date_start, date_end);
CREATE INDEX articles_language ON articles (language);
CREATE INDEX articles_publication ON articles (publication);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, summary, text,
  content = 'articles', content_rowid = 'position',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_words USING fts5(
  title, summary, text, meta, parts,
  content = '',
  tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N* P* S* C*'"
);
CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_words, row);
CREATE TABLE archive_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);`;

/**
 * The words of one article for `search_words`, space-separated (a word holds
 * no space): the whole words of title, summary and text in order, the other
 * fields Pagefind makes searchable, and the parts of compound words from all
 * of them. The search record's content is title, summary and text joined by
 * blank lines, so its words are theirs, column by column.
 */
export function articleToSearchColumns(
  article: ArticleEntry & Pick<ArticleRecord, "text">,
  messages: Messages,
  stem: Stem,
): { title: string; summary: string; text: string; meta: string; parts: string } {
  const record = articleToSearchRecord(article, messages);
  const parts: string[] = [];
  const words = (text: string) => {
    const indexed = textToIndexWords(text, stem);
    if (indexed.parts) parts.push(indexed.parts);
    return indexed.words;
  };
  const title = words(article.title);
  const summary = words(article.summary ?? "");
  const text = words(article.text);
  // Title and summary are in `meta` too; as words they count once.
  const { title: _title, summary: _summary, ...others } = record.meta;
  return { title, summary, text, meta: Object.values(others).map(words).join(" "), parts: parts.join(" ") };
}

function exportValueToColumn(field: keyof ExportRecord, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (JSON_FIELDS.has(field)) return JSON.stringify(value);
  if (NUMBER_OR_TEXT_FIELDS.has(field) && typeof value === "number") return value;
  return String(value);
}

/**
/**
 * A row of `articles` back as the record it was written from, its keys in the
 * JSON Lines export's order, or the field that does not read back.
 */
export function rowToExportRecord(row: Record<string, unknown>): { ok: true; record: ExportRecord } | { ok: false; error: string } {
  const record: Record<string, unknown> = {};
  const order = [...FRONT_MATTER_FIELD_ORDER.filter((key) => key !== "url"), "id", "url", "originalUrl", "text"] as Array<
    keyof ExportRecord
  >;
  for (const field of order) {
    const value = row[field];
    if (value === null || value === undefined) continue;
    try {
      record[field] = JSON_FIELDS.has(field) ? JSON.parse(String(value)) : value;
    } catch {
      return { ok: false, error: `\`${field}\` of \`${String(row.id)}\` is not JSON` };
    }
  }
  const checked = ExportRecordSchema.safeParse(record);
  if (!checked.success)
    return {
      ok: false,
      error: `\`${String(row.id)}\`: ${checked.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`,
    };
  return { ok: true, record: record as ExportRecord };
}

/** The site's settings a reader of the database needs: `search_language`, the interface's, whose stemmer `search_words` uses; `base_url` and `title`, for citations. */
export interface DatabaseSettings {
  baseUrl: string;
  title: string;
  searchLanguage: string;
}

const DEFAULT_SETTINGS: DatabaseSettings = { baseUrl: "", title: "", searchLanguage: "en" };

/**
 * Writes the database to `file` a row at a time (`add`, in archive order),
 * replacing the file only once it is complete (`finish`); `abort` leaves
 * nothing. The scratch file grows while the records, read one by one, need
 * not all be in memory.
 */
export class ArchiveDatabaseWriter {
  private readonly scratchDir = mkdtempSync(path.join(tmpdir(), "hemeroteca-sqlite-"));
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly insertWords: Database.Statement;
  private readonly messages: Messages;
  private readonly stem: Stem;
  private position = 0;
  /** Where the rows `addRowsOf` copied begin, and the archive's entries they are. */
  private copied: { after: number; entries: readonly ArticleEntry[] } | undefined;

  constructor(
    private readonly file: string,
    private readonly settings: DatabaseSettings = DEFAULT_SETTINGS,
  ) {
    try {
      this.db = new Database(path.join(this.scratchDir, "archive.sqlite"));
      this.db.pragma(`page_size = ${PAGE_SIZE}`);
      this.db.pragma("journal_mode = OFF");
      this.db.pragma("synchronous = OFF");
      this.db.exec(DATABASE_SCHEMA);
      const columns = ["position", ...EXPORT_FIELDS, "date_start", "date_end"];
      this.insert = this.db.prepare(
        `INSERT INTO articles (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      );
      this.insertWords = this.db.prepare(
        "INSERT INTO search_words (rowid, title, summary, text, meta, parts) VALUES (@rowid, @title, @summary, @text, @meta, @parts)",
      );
      this.messages = messagesFor(settings.searchLanguage);
      this.stem = stemmerFor(settings.searchLanguage);
    } catch (error) {
      rmSync(this.scratchDir, { recursive: true, force: true });
      throw error;
    }
  }

  add(article: ArticleRecord): void {
    // One transaction for the rows in a row: one each made the inserts many times slower.
    if (!this.db.inTransaction) this.db.exec("BEGIN");
    const record = articleToExportRecord(article, this.settings.baseUrl);
    const range = article.parsedDate ? dateToDayRange(article.parsedDate) : null;
    const rowid = ++this.position;
    this.insert.run(
      rowid,
      ...EXPORT_FIELDS.map((field) => exportValueToColumn(field, record[field])),
      range?.start ?? null,
      range?.end ?? null,
    );
    this.insertWords.run({ rowid, ...articleToSearchColumns(article, this.messages, this.stem) });
  }

  /**
   * Copies every row of another export's database, in its order, after the
   * rows added so far: the merge of a sharded build (merge-exports.ts). The
   * database is attached, and its rows copied by SQLite itself. `search_words`
   * keeps no text to copy (it is contentless), so `finish` makes the copied
   * rows' words again from their text and their entries in `entries` (the
   * archive's articles, in archive order), all in one transaction as a single
   * build adds them: the index has the bytes a single build writes.
   */
  addRowsOf(database: string, entries: readonly ArticleEntry[]): number {
    const columns = [...EXPORT_FIELDS, "date_start", "date_end"].map((column) => `"${column}"`).join(", ");
    // SQLite attaches no database inside a transaction.
    if (this.db.inTransaction) this.db.exec("COMMIT");
    this.db.prepare("ATTACH DATABASE ? AS part").run(database);
    try {
      const version: unknown = this.db.pragma("part.user_version", { simple: true });
      if (version !== DATABASE_SCHEMA_VERSION)
        throw new Error(
          `Cannot \`merge\` \`${database}\`: its schema is version ${String(version)}, not ${DATABASE_SCHEMA_VERSION}; build every shard with the same code`,
        );
      const ids = this.db.prepare("SELECT id FROM part.articles ORDER BY position").pluck().all() as string[];
      ids.forEach((id, index) => {
        const position = this.position + index + 1;
        if (entries[position - 1]?.id !== id)
          throw new Error(
            `Cannot \`merge\` \`${database}\`: its article \`${id}\` is not the archive's article ${position}; build every shard of this archive again`,
          );
      });
      const copied = this.db
        .prepare(`INSERT INTO main.articles (position, ${columns}) SELECT position + ?, ${columns} FROM part.articles ORDER BY position`)
        .run(this.position).changes;
      this.copied ??= { after: this.position, entries };
      this.position += copied;
      return copied;
    } finally {
      this.db.exec("DETACH DATABASE part");
    }
  }

  /** The words of the rows `addRowsOf` copied, read back a batch at a time (a statement being read blocks writes). */
  private addCopiedWords(): void {
    if (!this.copied) return;
    const { entries } = this.copied;
    const batch = this.db.prepare("SELECT position, text FROM articles WHERE position > ? ORDER BY position LIMIT 500");
    for (let after = this.copied.after; ;) {
      const rows = batch.all(after) as Array<{ position: number; text: string }>;
      if (rows.length === 0) break;
      for (const row of rows) {
        this.insertWords.run({
          rowid: row.position,
          ...articleToSearchColumns({ ...entries[row.position - 1]!, text: row.text }, this.messages, this.stem),
        });
      }
      after = rows.at(-1)!.position;
    }
  }

  finish(): void {
    const { db, file } = this;
    const partial = `${file}.partial`;
    try {
      if (!db.inTransaction) db.exec("BEGIN");
      this.addCopiedWords();
      const setting = db.prepare("INSERT INTO archive_settings (name, value) VALUES (?, ?)");
      setting.run("search_language", this.settings.searchLanguage);
      setting.run("base_url", this.settings.baseUrl);
      setting.run("title", this.settings.title);
      db.exec("COMMIT");
      // FTS5 writes a segment whenever its in-memory table passes `hashsize` (1 MB by default) and then
      // merges them; with room for a whole archive of 10,000 articles the index is written once, and
      // 'optimize' has nothing left to merge: 1.6 s instead of 2.6 s. The default is put back for whoever
      // writes to the database later.
      db.exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', ${FTS_BUILD_HASH_SIZE});
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
        INSERT INTO articles_fts (articles_fts) VALUES ('optimize');
        INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', ${FTS_DEFAULT_HASH_SIZE});`);
      db.pragma(`user_version = ${DATABASE_SCHEMA_VERSION}`);
      rmSync(partial, { force: true });
      db.prepare("VACUUM INTO ?").run(partial);
      db.close();
      renameSync(partial, file);
    } finally {
      this.abort();
      rmSync(partial, { force: true });
    }
  }

  abort(): void {
    if (this.db.open) this.db.close();
    rmSync(this.scratchDir, { recursive: true, force: true });
  }
}

/** Writes the database of `articles` to `file`, replacing it only once it is complete. */
export function writeArchiveDatabase(articles: Iterable<ArticleRecord>, file: string, settings: DatabaseSettings = DEFAULT_SETTINGS): void {
  const writer = new ArchiveDatabaseWriter(file, settings);
  try {
    for (const article of articles) writer.add(article);
  } catch (error) {
    writer.abort();
    throw error;
  }
  writer.finish();
}
