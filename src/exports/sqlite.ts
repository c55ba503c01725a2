/**
 * `/data/archive.sqlite`: the archive as an SQLite database any client can
 * open. `articles` holds every field of the JSON Lines export (lists and
 * `source` as JSON text) plus `date_start`/`date_end`, the first and last day
 * the date can mean; `articles_fts` is an FTS5 index over title, summary and
 * text whose content is read from `articles` (rowid = `articles.position`).
 * Its words are stemmed with FTS5's Porter stemmer, so that a search for
 * `protest` finds `protests` as the site's search does; the stemmer is
 * English, and it also folds the plain plurals of Spanish (`huelgas`).
 *
 * The bytes are the same from build to build: the database is filled in a
 * scratch file, then copied with `VACUUM INTO` (fresh pages, no free list, no
 * journal), with a fixed page size and nothing time-dependent stored.
 */
import Database from "better-sqlite3";
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ArticleRecord } from "../records/article-record.ts";
import { dateToDayRange } from "./day-range.ts";
import { articleToExportRecord, EXPORT_FIELDS, type ExportRecord } from "./jsonl.ts";

/** Bumped whenever the schema changes; readable with `PRAGMA user_version`. */
export const DATABASE_SCHEMA_VERSION = 2;
const PAGE_SIZE = 4096;
/** FTS5's `hashsize` while the index is built, and its default (sqlite.org/fts5.html#the_hashsize_configuration_option). */
const FTS_BUILD_HASH_SIZE = 64 * 2 ** 20;
const FTS_DEFAULT_HASH_SIZE = 2 ** 20;

/** Fields stored as JSON text. */
const JSON_FIELDS = new Set<keyof ExportRecord>(["authors", "tags", "aliases", "translations", "source", "review"]);
const REQUIRED_FIELDS = new Set<keyof ExportRecord>(["title", "publication", "language", "id", "url", "text"]);

function columnDefinition(field: keyof ExportRecord): string {
  const notNull = REQUIRED_FIELDS.has(field) ? " NOT NULL" : "";
  const unique = field === "id" ? " UNIQUE" : "";
  return `"${field}" TEXT${notNull}${unique}`;
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
);`;

function exportValueToColumn(field: keyof ExportRecord, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (JSON_FIELDS.has(field)) return JSON.stringify(value);
  return String(value);
}

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
  private position = 0;

  constructor(private readonly file: string, private readonly baseUrl = "") {
    try {
      this.db = new Database(path.join(this.scratchDir, "archive.sqlite"));
      this.db.pragma(`page_size = ${PAGE_SIZE}`);
      this.db.pragma("journal_mode = OFF");
      this.db.pragma("synchronous = OFF");
      this.db.exec(DATABASE_SCHEMA);
      const columns = ["position", ...EXPORT_FIELDS, "date_start", "date_end"];
      this.insert = this.db.prepare(`INSERT INTO articles (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    } catch (error) {
      rmSync(this.scratchDir, { recursive: true, force: true });
      throw error;
    }
  }

  add(article: ArticleRecord): void {
    // One transaction for the rows in a row: one each made the inserts many times slower.
    if (!this.db.inTransaction) this.db.exec("BEGIN");
    const record = articleToExportRecord(article, this.baseUrl);
    const range = article.parsedDate ? dateToDayRange(article.parsedDate) : null;
    this.insert.run(++this.position, ...EXPORT_FIELDS.map((field) => exportValueToColumn(field, record[field])), range?.start ?? null, range?.end ?? null);
  }

  /**
   * Copies every row of another export's database, in its order, after the
   * rows added so far: the merge of a sharded build (merge-exports.ts). The
   * database is attached, and its rows copied by SQLite itself.
   */
  addRowsOf(database: string): number {
    const columns = [...EXPORT_FIELDS, "date_start", "date_end"].map((column) => `"${column}"`).join(", ");
    // SQLite attaches no database inside a transaction.
    if (this.db.inTransaction) this.db.exec("COMMIT");
    this.db.prepare("ATTACH DATABASE ? AS part").run(database);
    try {
      const version: unknown = this.db.pragma("part.user_version", { simple: true });
      if (version !== DATABASE_SCHEMA_VERSION) throw new Error(`Cannot \`merge\` \`${database}\`: its schema is version ${String(version)}, not ${DATABASE_SCHEMA_VERSION}; build every shard with the same code`);
      const copied = this.db.prepare(`INSERT INTO main.articles (position, ${columns}) SELECT position + ?, ${columns} FROM part.articles ORDER BY position`).run(this.position).changes;
      this.position += copied;
      return copied;
    } finally {
      this.db.exec("DETACH DATABASE part");
    }
  }

  finish(): void {
    const { db, file } = this;
    const partial = `${file}.partial`;
    try {
      if (db.inTransaction) db.exec("COMMIT");
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
export function writeArchiveDatabase(articles: Iterable<ArticleRecord>, file: string, baseUrl = ""): void {
  const writer = new ArchiveDatabaseWriter(file, baseUrl);
  try {
    for (const article of articles) writer.add(article);
  } catch (error) {
    writer.abort();
    throw error;
  }
  writer.finish();
}
