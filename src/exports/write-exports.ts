/**
 * Writes the data exports into the built site: `/data/archive.jsonl`,
 * `/data/archive.csv`, `/data/archive.sqlite`, the whole archive's citations
 * (`/data/archive.bib`, `/data/archive.ris`) and `/data/manifest.json`, which
 * describes them. Each file is written under a temporary name and renamed
 * when complete, so a failed build never leaves half a file where a reader
 * expects a whole one. The exports worker loads this module alone, without
 * citeproc: the citation files beside each page are write-citation-files.ts's.
 */
import { createHash, randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import { withBody } from "../records/article-bodies.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { writeFileAtomically } from "../lib/cache-files.ts";
import { cslItemToBibtex } from "./bibtex.ts";
import { articleToCslItem, type CitableArticle } from "./csl-item.ts";
import { articleToCsvRow, csvHeader } from "./csv.ts";
import { articleToExportRecord } from "./jsonl.ts";
import { cslItemToRis } from "./ris.ts";
import { ArchiveDatabaseWriter } from "./sqlite.ts";

/** The exports the manifest lists, relative to the site. */
export const EXPORT_FILES = [
  "data/archive.jsonl",
  "data/archive.csv",
  "data/archive.sqlite",
  "data/archive.bib",
  "data/archive.ris",
] as const;
export const MANIFEST_FILE = "data/manifest.json";
/** The data files, relative to the site. */
export const DATA_FILES = [...EXPORT_FILES, MANIFEST_FILE] as const;

/** What the exports are made of: the articles, their bodies read one at a time (article-bodies.ts), the settings. */
export type ExportSource = Pick<Archive, "articles" | "site" | "bodyOf">;

type CitationSite = { site: Pick<Archive["site"], "baseUrl" | "title"> };

const articleToBibtex = (article: CitableArticle, archive: CitationSite) =>
  cslItemToBibtex(articleToCslItem(article, archive), article.parsedDate);
const articleToRis = (article: CitableArticle, archive: CitationSite) =>
  cslItemToRis(articleToCslItem(article, archive), article.parsedDate);

/** Every article's BibTeX entry, as in its `cite.bib`, in the order given. */
export function archiveToBibtex(archive: CitationSite & { articles: readonly CitableArticle[] }): string {
  return archive.articles.map((article) => articleToBibtex(article, archive)).join("\n");
}

/** Every article's RIS record, as in its `cite.ris`, in the order given. */
export function archiveToRis(archive: CitationSite & { articles: readonly CitableArticle[] }): string {
  return archive.articles.map((article) => articleToRis(article, archive)).join("");
}

/** Bytes gathered before a write: a write a line would cost a system call per article. */
const WRITE_CHUNK = 1 << 20;

/**
 * A file written a piece at a time under a temporary name, renamed over
 * `file` by `finish` and removed by `abort`, so a reader never finds half of
 * one; `sha256` of everything written, when asked.
 */
export class TextFileWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private pending: Array<string | Buffer> = [];
  private pendingLength = 0;
  private readonly hash = createHash("sha256");

  constructor(private readonly file: string) {
    this.temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    this.fd = openSync(this.temporary, "w");
  }

  write(text: string | Buffer): void {
    this.hash.update(text);
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= WRITE_CHUNK) this.flush();
  }

  /** Appends the bytes of `file` from `start`, a megabyte at a time. */
  append(file: string, start = 0): void {
    forEachChunk(file, (chunk) => this.write(Buffer.from(chunk)), start);
  }

  private flush(): void {
    if (!this.pending.length) return;
    const bytes = Buffer.concat(this.pending.map((piece) => (typeof piece === "string" ? Buffer.from(piece) : piece)));
    for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at);
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Closes and renames the file into place; answers the sha256 (hex) of what was written. */
  finish(): string {
    this.flush();
    closeSync(this.fd);
    renameSync(this.temporary, this.file);
    return this.hash.digest("hex");
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Closed already by `finish`, which then failed to rename.
    }
    rmSync(this.temporary, { force: true });
  }
}

/** Calls `use` with each megabyte of `file` from `start` (the chunk is reused: copy what is kept). */
function forEachChunk(file: string, use: (chunk: Uint8Array) => void, start = 0): void {
  const buffer = Buffer.alloc(WRITE_CHUNK);
  const fd = openSync(file, "r");
  try {
    let at = start;
    for (let read = readSync(fd, buffer, 0, buffer.length, at); read > 0; read = readSync(fd, buffer, 0, buffer.length, at)) {
      use(buffer.subarray(0, read));
      at += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** The sha256 and size of a file, read a megabyte at a time: the SQLite export of 100,000 articles is over a gigabyte. */
export function fileSha256(file: string): { bytes: number; sha256: string } {
  const hash = createHash("sha256");
  let bytes = 0;
  forEachChunk(file, (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  return { bytes, sha256: hash.digest("hex") };
}

/**
 * `manifest.json`: what the exports hold and which version of the archive:
 * `version` is the sha256 of the JSON Lines export, which changes with any
 * article and with nothing else, and each file has its size and sha256, so
 * a copy can be checked.
 */
export function archiveManifest(archive: Pick<Archive, "articles" | "site">, outputDir: string, version: string): string {
  const counts = (values: string[]) => {
    const tally = new Map<string, number>();
    for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
    return Object.fromEntries([...tally].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  };
  const files = EXPORT_FILES.map((file) => ({ file: path.posix.basename(file), ...fileSha256(path.join(outputDir, file)) }));
  const manifest = {
    title: archive.site.title,
    description: archive.site.tagline,
    ...(archive.site.baseUrl ? { url: `${archive.site.baseUrl}/` } : {}),
    licence: archive.site.dataLicence ?? null,
    version,
    articles: archive.articles.length,
    dated: archive.articles.filter((article) => article.parsedDate).length,
    undated: archive.articles.filter((article) => !article.parsedDate).length,
    languages: counts(archive.articles.map((article) => article.language)),
    publications: counts(archive.articles.map((article) => article.publication)),
    files,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The JSON Lines line of one article, line feed included. */
export const articleToJsonlLine = (article: ArticleRecord, baseUrl = "") => `${JSON.stringify(articleToExportRecord(article, baseUrl))}\n`;

/** The writers of the export files, open under their temporary names. */
export interface ExportWriters {
  jsonl: TextFileWriter;
  csv: TextFileWriter;
  bib: TextFileWriter;
  ris: TextFileWriter;
  database: ArchiveDatabaseWriter;
}

/**
 * Opens a writer for each export file under `outputDir`, lets `fill` write
 * them, then renames every one into place and writes the manifest; if `fill`
 * or a rename fails, removes them all, so a reader finds all or none.
 */
export async function writeExportFiles(
  archive: Pick<Archive, "articles" | "site">,
  outputDir: string,
  fill: (writers: ExportWriters) => void,
): Promise<void> {
  const [jsonlFile, csvFile, sqliteFile, bibFile, risFile] = EXPORT_FILES.map((file) => path.join(outputDir, file)) as [
    string,
    string,
    string,
    string,
    string,
  ];
  await mkdir(path.dirname(jsonlFile), { recursive: true });
  const jsonl = new TextFileWriter(jsonlFile);
  const csv = new TextFileWriter(csvFile);
  const bib = new TextFileWriter(bibFile);
  const ris = new TextFileWriter(risFile);
  let database: ArchiveDatabaseWriter | undefined;
  let version: string;
  try {
    database = new ArchiveDatabaseWriter(sqliteFile, {
      baseUrl: archive.site.baseUrl,
      title: archive.site.title,
      searchLanguage: archive.site.language,
    });
    fill({ jsonl, csv, bib, ris, database });
    version = jsonl.finish();
    csv.finish();
    bib.finish();
    ris.finish();
    database.finish();
  } catch (error) {
    for (const writer of [jsonl, csv, bib, ris, database]) writer?.abort();
    throw error;
  }
  await writeFileAtomically(path.join(outputDir, MANIFEST_FILE), archiveManifest(archive, outputDir, version));
}

/**
 * Writes the data files (`DATA_FILES`) under `outputDir`, reading each
 * article's body once, for its JSON Lines line, CSV row and database row
 * together, and holding none of them longer.
 */
export async function writeExports(archive: ExportSource, outputDir: string): Promise<void> {
  const baseUrl = archive.site.baseUrl;
  await writeExportFiles(archive, outputDir, ({ jsonl, csv, bib, ris, database }) => {
    csv.write(csvHeader());
    archive.articles.forEach((entry, index) => {
      const article = withBody(entry, archive);
      jsonl.write(articleToJsonlLine(article, baseUrl));
      csv.write(articleToCsvRow(article, baseUrl));
      database.add(article);
      bib.write(`${index ? "\n" : ""}${articleToBibtex(entry, archive)}`);
      ris.write(articleToRis(entry, archive));
    });
  });
}
