/**
 * The file-level rules for every text file editors write (an article, a
 * source, the site settings, the tag vocabulary), in one place so that the
 * build, `npm run check` and the importer refuse the same files with the
 * same words:
 *
 * - only a plain file is read. Git can commit a symbolic link, and one to
 *   `/dev/zero` or a pipe would make a reader hang and fill memory, while one
 *   to a file elsewhere would read (and quote in its errors) what is not
 *   content;
 * - no larger than its kind of file may be;
 * - strict UTF-8: a file in another encoding is an error, not mojibake.
 *
 * Each caller says what to do about each refusal (`TextFileHints`), and puts
 * the problem in its own form (a check problem, an import error).
 */
import type { Stats } from "node:fs";
import { lstatSync, readFileSync } from "node:fs";
import { lstat, readFile } from "node:fs/promises";
import type { Problem } from "./problems.ts";

const NOT_A_PLAIN_FILE = "is not a plain file (a symbolic link, a folder, a device or a pipe), so it was not read";
const NOT_UTF8 = "the file is not valid UTF-8";

/** What an editor can do about each refusal, in the words of that kind of file. */
export interface TextFileHints {
  notAFile: string;
  tooLarge: string;
  notUtf8: string;
}

export interface TextFileProblem {
  message: string;
  hint: string;
}

export type DecodedText = { text: string; problem?: undefined } | { problem: TextFileProblem; text?: undefined };

export type ReadTextFile = (DecodedText & { missing?: undefined }) | { missing: true; text?: undefined; problem?: undefined };

function tooLargeMessage(size: number, limit: number): string {
  return `the file is ${size} bytes, more than the limit of ${limit}`;
}

/** A refusal as a problem of the whole file `file`, at its first line. */
export function refusedFileProblem(file: string, refused: TextFileProblem): Problem {
  return { file, line: 1, column: 1, field: "", severity: "error", ...refused };
}

/** Why a file with these stats (from `lstat`, which never follows a link) is not read, if it is not. */
export function plainFileProblem(stats: Stats, limit: number, hints: TextFileHints): TextFileProblem | undefined {
  if (!stats.isFile()) return { message: NOT_A_PLAIN_FILE, hint: hints.notAFile };
  if (stats.size > limit) return { message: tooLargeMessage(stats.size, limit), hint: hints.tooLarge };
  return undefined;
}

/**
 * The text of bytes already read, under the size and UTF-8 rules: for
 * readers given bytes (the parse workers, sources), and for a file that grew
 * between its `lstat` and its read.
 */
export function decodeTextBytes(bytes: Uint8Array, limit: number, hints: TextFileHints): DecodedText {
  if (bytes.byteLength > limit) return { problem: { message: tooLargeMessage(bytes.byteLength, limit), hint: hints.tooLarge } };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { problem: { message: NOT_UTF8, hint: hints.notUtf8 } };
  }
}

/** Reads `absolute` under the rules above; a file that does not exist is `missing`, not a problem. */
export async function readTextFile(absolute: string, limit: number, hints: TextFileHints): Promise<ReadTextFile> {
  let stats: Stats;
  try {
    stats = await lstat(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { missing: true };
    throw error;
  }
  const problem = plainFileProblem(stats, limit, hints);
  return problem ? { problem } : decodeTextBytes(await readFile(absolute), limit, hints);
}

/** `readTextFile`, for callers that cannot wait (the build's configuration). */
export function readTextFileSync(absolute: string, limit: number, hints: TextFileHints): ReadTextFile {
  const stats = lstatSync(absolute, { throwIfNoEntry: false });
  if (!stats) return { missing: true };
  const problem = plainFileProblem(stats, limit, hints);
  return problem ? { problem } : decodeTextBytes(readFileSync(absolute), limit, hints);
}
