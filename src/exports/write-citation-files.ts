/**
 * Writes `cite.bib`, `cite.ris` and `cite.json` beside every article page,
 * after the pages, rewriting only the files whose bytes changed.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleEntry } from "../records/article-record.ts";
import { articleToCitations, CITATION_FILE_NAMES, type ArticleCitations } from "./citation-cache.ts";

/** Files handled at once while writing citations: enough to keep the disk busy, few enough for any file-handle limit. */
const CONCURRENT_WRITES = 64;

/** Where an article's citations come from: made afresh by default, or from the build's `CitationCache`. */
export type CitationsOf = (article: ArticleEntry) => ArticleCitations;

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
    const code = (error as NodeJS.ErrnoException).code;
    // A folder in the file's place is a stale one of an earlier build (an alias such as `…/id/cite.json/`, refused since): the output is the build's own.
    if (code === "EISDIR") await rm(file, { recursive: true, force: true });
    else if (code === "ENOENT") await mkdir(path.dirname(file), { recursive: true });
    else throw error;
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
  archive: Archive,
  outputDir: string,
  citationsOf: CitationsOf = (article) => articleToCitations(article, archive),
  written?: WrittenFiles,
): Promise<string[]> {
  const writes: Array<{ file: string; text: string }> = [];
  for (const article of archive.articles) {
    const folder = `${article.permalink.split("/").filter(Boolean).join("/")}/`;
    const citations = citationsOf(article);
    for (const name of CITATION_FILE_NAMES) writes.push({ file: `${folder}${name}`, text: citations[name] });
  }
  const changed = written ? writes.filter(({ file, text }) => !written.isUnchanged(file, () => text)) : writes;
  for (let i = 0; i < changed.length; i += CONCURRENT_WRITES) {
    await Promise.all(
      changed.slice(i, i + CONCURRENT_WRITES).map(async ({ file, text }) => {
        await writeFileIfChanged(path.join(outputDir, file), text);
        written?.noteWritten(file, text);
      }),
    );
  }
  return writes.map(({ file }) => file);
}
