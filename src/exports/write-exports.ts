/**
 * Writes the research exports into the built site, after the pages:
 * `/data/archive.jsonl`, `/data/archive.csv`, `/data/archive.sqlite`, and
 * `cite.bib`, `cite.ris`, `cite.json` beside every article page. Each data
 * file is written under a temporary name and renamed when complete, so a
 * failed build never leaves half a file where a reader expects a whole one.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { articleToCitations, CITATION_FILE_NAMES, type ArticleCitations } from "./citation-cache.ts";
import { archiveToCsv } from "./csv.ts";
import { archiveToJsonl } from "./jsonl.ts";
import { writeArchiveDatabase } from "./sqlite.ts";

/** Files written at once while writing citations: enough to keep the disk busy, few enough for any file-handle limit. */
const CONCURRENT_WRITES = 64;

async function writeFileWhole(file: string, text: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await writeFile(partial, text);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

export interface ExportSummary {
  dataFiles: string[];
  citationFiles: number;
}

/** Where an article's citations come from: made afresh by default, or from the build's `CitationCache`. */
export type CitationsOf = (article: ArticleRecord) => ArticleCitations;

export async function writeCitationFiles(archive: Archive, outputDir: string, citationsOf: CitationsOf = (article) => articleToCitations(article, archive)): Promise<number> {
  const writes: Array<{ file: string; text: string }> = [];
  for (const article of archive.articles) {
    const folder = path.join(outputDir, ...article.permalink.split("/").filter(Boolean));
    const citations = citationsOf(article);
    for (const name of CITATION_FILE_NAMES) writes.push({ file: path.join(folder, name), text: citations[name] });
  }
  const folders = new Set(writes.map((w) => path.dirname(w.file)));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (let i = 0; i < writes.length; i += CONCURRENT_WRITES) {
    await Promise.all(writes.slice(i, i + CONCURRENT_WRITES).map(({ file, text }) => writeFile(file, text)));
  }
  return writes.length;
}

export async function writeExports(archive: Archive, outputDir: string, citationsOf?: CitationsOf): Promise<ExportSummary> {
  const dataDir = path.join(outputDir, "data");
  await mkdir(dataDir, { recursive: true });
  const jsonl = path.join(dataDir, "archive.jsonl");
  const csv = path.join(dataDir, "archive.csv");
  const sqlite = path.join(dataDir, "archive.sqlite");
  await writeFileWhole(jsonl, archiveToJsonl(archive.articles));
  await writeFileWhole(csv, archiveToCsv(archive.articles));
  writeArchiveDatabase(archive.articles, sqlite);
  const citationFiles = await writeCitationFiles(archive, outputDir, citationsOf);
  return { dataFiles: [jsonl, csv, sqlite], citationFiles };
}
