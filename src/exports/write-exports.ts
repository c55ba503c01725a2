/**
 * Writes the data exports into the built site: `/data/archive.jsonl`,
 * `/data/archive.csv` and `/data/archive.sqlite`. Each file is written under a
 * temporary name and renamed when complete, so a failed build never leaves
 * half a file where a reader expects a whole one. The exports worker loads
 * this module alone, without citeproc: the citation files beside each page
 * are write-citation-files.ts's.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import { writeFileAtomically } from "../records/cache-files.ts";
import { archiveToCsv } from "./csv.ts";
import { archiveToJsonl } from "./jsonl.ts";
import { writeArchiveDatabase } from "./sqlite.ts";

/** The data files, relative to the site. */
export const DATA_FILES = ["data/archive.jsonl", "data/archive.csv", "data/archive.sqlite"] as const;

/** Writes the data files (`DATA_FILES`) under `outputDir`; `jsonl` is `archiveToJsonl(archive.articles, archive.site.baseUrl)` when the caller has it. */
export async function writeExports(archive: Pick<Archive, "articles" | "site">, outputDir: string, jsonl = archiveToJsonl(archive.articles, archive.site.baseUrl)): Promise<void> {
  const [jsonlFile, csv, sqlite] = DATA_FILES.map((file) => path.join(outputDir, file)) as [string, string, string];
  await mkdir(path.dirname(jsonlFile), { recursive: true });
  await writeFileAtomically(jsonlFile, jsonl);
  await writeFileAtomically(csv, archiveToCsv(archive.articles, archive.site.baseUrl));
  writeArchiveDatabase(archive.articles, sqlite, archive.site.baseUrl);
}
