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
 * Control characters are refused by the kinds of file a page shows
 * (`controlCharacterProblem`); a raw source, kept byte for byte, may hold them.
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

/**
 * C0 and C1 control characters but tab, line feed and carriage return: no
 * article text has them, a browser shows them as nothing or as `�`, and C1
 * ones are the mark of a Windows-1252 text decoded as Latin-1.
 */
// eslint-disable-next-line no-control-regex -- these characters are what it looks for
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Removes the control characters a file of text shown on a page may not hold (an importer's input, a copy from a PDF). */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTER, "");
}

/** The first control character of `text`, where it is (1-based), and how many there are. */
export function controlCharacterProblem(text: string): (TextFileProblem & { line: number; column: number }) | undefined {
  const found = [...text.matchAll(CONTROL_CHARACTER)];
  const first = found[0];
  if (!first) return undefined;
  const before = text.slice(0, first.index);
  const line = before.split("\n").length;
  const column = first.index - before.lastIndexOf("\n");
  const code = `U+${first[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const which = found.length === 1 ? `a control character (${code})` : `${found.length} control characters (the first, ${code}, here)`;
  return {
    line,
    column,
    message: `the file holds ${which}, which a page shows as nothing or as \`�\``,
    hint: "delete it: an editor that shows invisible characters finds it; a copy from a PDF or a mis-encoded page leaves such characters behind",
  };
}
