/**
 * Writes the research exports into the built site, after the pages:
 * `/data/archive.jsonl`, `/data/archive.csv`, `/data/archive.sqlite`
 * (`writeExports`), and `cite.bib`, `cite.ris`, `cite.json` beside every
 * article page (`writeCitationFiles`). Each data file is written under a
 * temporary name and renamed when complete, so a failed build never leaves
 * half a file where a reader expects a whole one.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { articleToCitations, CITATION_FILE_NAMES, type ArticleCitations } from "./citation-cache.ts";
import { archiveToCsv } from "./csv.ts";
import { archiveToJsonl } from "./jsonl.ts";
import { writeArchiveDatabase } from "./sqlite.ts";

/** Files handled at once while writing citations: enough to keep the disk busy, few enough for any file-handle limit. */
const CONCURRENT_WRITES = 64;

/** The data files, relative to the site. */
export const DATA_FILES = ["data/archive.jsonl", "data/archive.csv", "data/archive.sqlite"] as const;

async function writeFileWhole(file: string, text: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await writeFile(partial, text);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

/** Where an article's citations come from: made afresh by default, or from the build's `CitationCache`. */
export type CitationsOf = (article: ArticleRecord) => ArticleCitations;

/**
 * Writes a file unless it already holds exactly `text`: a site rebuilt over
 * the last one then rewrites only the citations that changed, and reading a
 * small file costs less than writing it.
 */
async function writeFileIfChanged(file: string, text: string): Promise<void> {
  const bytes = Buffer.from(text);
  const existing = await readFile(file).catch(() => undefined);
  if (existing?.equals(bytes)) return;
  try {
    await writeFile(file, bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
}

/**
 * What the last build wrote into the site (the site's `OutputLedger`): a
 * file it vouches for is not even read back, and every file written or
 * found the same is noted for the next build.
 */
export interface WrittenFiles {
  isUnchanged(file: string, content: () => string): boolean;
  noteWritten(file: string, content: string): void;
}

/** Writes the three citation files beside every article page; answers their paths relative to the site. */
export async function writeCitationFiles(
  archive: Archive, outputDir: string, citationsOf: CitationsOf = (article) => articleToCitations(article, archive), written?: WrittenFiles,
): Promise<string[]> {
  const writes: Array<{ file: string; text: string }> = [];
  for (const article of archive.articles) {
    const folder = `${article.permalink.split("/").filter(Boolean).join("/")}/`;
    const citations = citationsOf(article);
    for (const name of CITATION_FILE_NAMES) writes.push({ file: `${folder}${name}`, text: citations[name] });
  }
  const changed = written ? writes.filter(({ file, text }) => !written.isUnchanged(file, () => text)) : writes;
  for (let i = 0; i < changed.length; i += CONCURRENT_WRITES) {
    await Promise.all(changed.slice(i, i + CONCURRENT_WRITES).map(async ({ file, text }) => {
      await writeFileIfChanged(path.join(outputDir, file), text);
      written?.noteWritten(file, text);
    }));
  }
  return writes.map(({ file }) => file);
}

/** Writes the data files (`DATA_FILES`) under `outputDir`; `jsonl` is `archiveToJsonl(archive.articles)` when the caller has it. */
export async function writeExports(archive: Pick<Archive, "articles">, outputDir: string, jsonl = archiveToJsonl(archive.articles)): Promise<void> {
  const [jsonlFile, csv, sqlite] = DATA_FILES.map((file) => path.join(outputDir, file)) as [string, string, string];
  await mkdir(path.dirname(jsonlFile), { recursive: true });
  await writeFileWhole(jsonlFile, jsonl);
  await writeFileWhole(csv, archiveToCsv(archive.articles));
  writeArchiveDatabase(archive.articles, sqlite);
}
