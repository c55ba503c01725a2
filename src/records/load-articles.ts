/**
 * Reads every article file under a folder into records, collecting the
 * problems of all files instead of stopping at the first.
 */
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "./article-record.ts";
import { decodeArticleBytes, parseFrontMatter } from "./front-matter.ts";
import { parseArticle } from "./parse-article.ts";
import type { Problem } from "./problems.ts";
import { validateArchive, type Locate } from "./validate-archive.ts";

export interface LoadedArticles {
  records: ArticleRecord[];
  problems: Problem[];
}

export interface LoadOptions {
  /** Project root: file paths in records and problems are relative to it. */
  root: string;
  /** Folder of article files, relative to root. */
  articlesDir?: string;
  /** Turns a list of files into records; the default parses them here, one by one. */
  parseFiles?: (files: ReadonlyArray<{ file: string; absolute: string }>) => Promise<Array<ReturnType<typeof parseArticle>>>;
}

export async function listArticleFiles(root: string, articlesDir = "content/articles"): Promise<string[]> {
  const base = path.join(root, articlesDir);
  let entries: string[];
  try {
    entries = await readdir(base, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.endsWith(".md"))
    .map((entry) => path.posix.join(articlesDir, entry.split(path.sep).join("/")))
    .sort();
}

async function parseOneByOne(files: ReadonlyArray<{ file: string; absolute: string }>) {
  const results = [];
  for (const { file, absolute } of files) results.push(parseArticle(file, await readFile(absolute)));
  return results;
}

/** Finds a field's line again only when a cross-file problem needs it. */
export function locateIn(root: string): Locate {
  return (file, fieldPath) => {
    try {
      return parseFrontMatter(decodeArticleBytes(readFileSync(path.join(root, file)))).positionOf(fieldPath);
    } catch {
      return { line: 1, column: 1 };
    }
  };
}

export async function loadArticles(options: LoadOptions): Promise<LoadedArticles> {
  const files = (await listArticleFiles(options.root, options.articlesDir)).map((file) => ({ file, absolute: path.join(options.root, file) }));
  const results = await (options.parseFiles ?? parseOneByOne)(files);
  const records: ArticleRecord[] = [];
  const problems: Problem[] = [];
  for (const result of results) {
    if (result.ok) records.push(result.record);
    else problems.push(...result.problems);
  }
  problems.push(...validateArchive(records, locateIn(options.root)));
  return { records, problems };
}
