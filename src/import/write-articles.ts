/**
 * Decides, for every file an import would write, whether it is new, updated,
 * unchanged, or kept because an editor changed it since the last import; then
 * writes the ones to write, each atomically (temporary file + rename), so no
 * file is ever half-written. What is written obeys the rules `npm run check`
 * enforces (`plannedFileProblems`), into folders checked writable first, so a
 * refused import writes nothing.
 */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomically } from "../lib/cache-files.ts";
import { sharedParsePool, type ParseJob } from "../records/parse-pool.ts";
import { MAX_SOURCE_BYTES } from "../records/source-schema.ts";
import { unwritableFolder, writeErrorInWords } from "../lib/writable-folders.ts";
import { ImportError } from "../records/import-error.ts";
import { sha256 } from "../lib/sha256.ts";

export type FileStatus = "created" | "updated" | "unchanged" | "kept-edited" | "kept-deleted";

export interface PlannedFile {
  /** Repo-relative path. */
  file: string;
  text: string;
  role: "source" | "article" | "manifest";
  status: FileStatus;
  message?: string;
  /** sha256 of the file as it is after this import (for the manifest). */
  sha256: string;
}

async function readIfExists(absolute: string): Promise<string | undefined> {
  try {
    return await readFile(absolute, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export interface PlanOptions {
  role: PlannedFile["role"];
  /** For articles: the sha256 the importer recorded when it last wrote the file. */
  previousSha?: string;
  /** Whether the importer wrote this file before (it is in the source's manifest). */
  imported?: boolean;
  force: boolean;
}

export async function planFile(root: string, file: string, text: string, options: PlanOptions): Promise<PlannedFile> {
  const current = await readIfExists(path.join(root, file));
  const planned = { file, text, role: options.role, sha256: sha256(text) };
  if (current === undefined) {
    if (options.role === "article" && options.imported && !options.force) {
      return {
        ...planned,
        status: "kept-deleted",
        sha256: options.previousSha ?? planned.sha256,
        message: `${file} was deleted after it was imported; not recreated (use --force to recreate it)`,
      };
    }
    return { ...planned, status: "created" };
  }
  if (current === text) return { ...planned, status: "unchanged" };
  if (options.role !== "article") return { ...planned, status: "updated" };
  const currentSha = sha256(current);
  if (options.previousSha === currentSha) return { ...planned, status: "updated" };
  if (options.force)
    return { ...planned, status: "updated", message: `${file} had been changed since it was imported; overwritten (--force)` };
  return {
    ...planned,
    status: "kept-edited",
    sha256: options.previousSha ?? currentSha,
    message: options.imported
      ? `${file} was changed by an editor since it was imported; left as it is (run again with --force to overwrite it with the importer's version)`
      : `${file} exists and was not written by this import; left as it is (run again with --force to overwrite it)`,
  };
}

const toWrite = (files: readonly PlannedFile[]) => files.filter((file) => file.status === "created" || file.status === "updated");

/**
 * What `npm run check` would refuse in the files to write: an article over
 * its size limit, or one whose body or fields it would not read (the
 * article rules themselves, `parseArticle`, on the parse pool's workers
 * within the same time and memory as `check`), a source over its limit. One
 * line each, naming the file.
 */
export async function plannedFileProblems(files: readonly PlannedFile[]): Promise<string[]> {
  const problems: string[] = [];
  const articles: ParseJob[] = [];
  for (const file of toWrite(files)) {
    const bytes = new TextEncoder().encode(file.text);
    if (file.role === "source" && bytes.byteLength > MAX_SOURCE_BYTES) {
      problems.push(
        `${file.file}: the kept page would be ${bytes.byteLength} bytes, more than the limit of ${MAX_SOURCE_BYTES} for a source; split the page into several files`,
      );
    } else if (file.role === "article") articles.push({ file: file.file, bytes });
  }
  for (const parsed of articles.length ? await sharedParsePool().parse(articles) : []) {
    if (!parsed.ok)
      for (const problem of parsed.problems)
        problems.push(`${problem.file}:${problem.line}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`);
  }
  return problems;
}

export async function writePlanned(root: string, files: readonly PlannedFile[]): Promise<void> {
  const writing = toWrite(files);
  const refused = await unwritableFolder(
    root,
    writing.map((file) => file.file),
  );
  if (refused) throw new ImportError(`${refused}; nothing was written`);
  for (const file of writing) {
    const absolute = path.join(root, file.file);
    try {
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFileAtomically(absolute, file.text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!code) throw error;
      const done = writing.indexOf(file);
      throw new ImportError(
        `cannot write ${file.file}: ${writeErrorInWords(code)}; ${done} of ${writing.length} files were written before it, each whole`,
        { cause: error },
      );
    }
  }
}
