/**
 * The day each article entered the archive, which the feeds go by: a feed
 * says what is new in the archive, whatever the article's own date, and an
 * undated article is new too. Taken, first that answers:
 * 1. the `retrieved` day of the source page the article was imported from
 *    (the importer's record);
 * 2. the day of the commit that added the article's file, from one
 *    `git log` over the articles folder when it is in a git work tree;
 * 3. the day the file was last written (a file not yet committed, or a copy
 *    of the content without its history).
 * All three depend on the content and its history only, so a rebuild gives
 * the same days.
 */
import { spawnSync } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { ArticleEntry } from "../records/article-record.ts";
import { DEFAULT_ARTICLES_DIR } from "../records/load-articles.ts";
import type { SourcePage } from "./source-pages.ts";

/** Article id -> the ISO day it entered the archive (`2023-02-01`). */
export type EntryDays = ReadonlyMap<string, string>;

/**
 * Absolute path -> the day of the oldest commit that added it, for the files
 * under `dir`; empty when `dir` is in no git work tree or git is missing.
 */
export function gitAddedDays(dir: string): Map<string, string> {
  const days = new Map<string, string>();
  const result = spawnSync(
    "git",
    ["-c", "core.quotepath=off", "log", "--diff-filter=A", "--no-renames", "--relative", "--format=@%cs", "--name-only", "--", "."],
    {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  if (result.status !== 0 || typeof result.stdout !== "string") return days;
  let day = "";
  // Newest commit first: a file added again after being removed keeps the later day, which the last match leaves.
  for (const line of result.stdout.split("\n")) {
    if (line.startsWith("@")) day = line.slice(1);
    else if (line && day) days.set(path.resolve(dir, line), day);
  }
  return days;
}

export async function readEntryDays(
  root: string,
  articlesDir: string | undefined,
  records: readonly ArticleEntry[],
  sources: readonly SourcePage[],
): Promise<EntryDays> {
  const retrieved = new Map(
    sources.flatMap((source) => (source.header.retrieved ? [[source.file, source.header.retrieved] as const] : [])),
  );
  // `git log` walks the whole history: run it once, and only when an article has no source's day to go by.
  let committed: Map<string, string> | undefined;
  const committedDay = (file: string) => (committed ??= gitAddedDays(path.resolve(root, articlesDir ?? DEFAULT_ARTICLES_DIR))).get(file);
  const days = new Map<string, string>();
  await Promise.all(
    records.map(async (record) => {
      const file = path.resolve(root, record.file);
      const day =
        (record.source && retrieved.get(record.source.file)) ??
        committedDay(file) ??
        new Date((await stat(file)).mtimeMs).toISOString().slice(0, 10);
      days.set(record.id, day);
    }),
  );
  return days;
}
