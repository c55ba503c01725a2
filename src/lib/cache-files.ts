/**
 * How files are written whole or not at all, and how the build's caches read
 * theirs back, checked. A file is written under a temporary name of its own
 * (process and random part, so builds sharing a cache never write the same
 * one) and renamed into place, so a crash leaves the old file or the new one:
 * the caches, the data exports, the output ledger and the importer's files
 * are all written so. A checked file starts with a line holding the sha256 of
 * the rest, so one cut short or altered since is read as missing, not trusted.
 * A kept folder is removed by first renaming it aside (`removeFolder`).
 *
 * The caches travel (CI keeps `.cache/` between runs) and are files anyone
 * can edit, so nothing in them is trusted by its size: every cache reads its
 * entries through `readCacheText` (a checked file) or checks a kept file's
 * bytes against the digest noted when it was kept (`fileDigest`). An entry
 * that is not whole, altered, or not a file at all (a folder in its place) is
 * dropped with a note on stderr (`dropCacheEntry`) and made again, never
 * used. A cache file that cannot be written (a folder in the way is removed
 * first) is left unwritten with a warning (`writeCacheFile`): the build goes
 * on without it, and the next build makes it again.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { sha256 } from "../lib/sha256.ts";

/** Replaces `file` with `data` in one step. Its folder must exist. */
export async function writeFileAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Removes `folder` and all it holds; nothing when it is not there. It is
 * first renamed to a name of this process's own, so another build that puts
 * a new folder in its place meanwhile (builds sharing a cache do) gets its
 * folder whole: removed in place, a walk that listed the old folder's
 * contents could reach the new one and fail on it ("directory not empty").
 */
export async function removeFolder(folder: string): Promise<void> {
  const aside = `${folder}.${process.pid}.${randomBytes(4).toString("hex")}.removing`;
  try {
    await rename(folder, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

/** `text` with its checksum line in front, for `checkedText` to read back; `checksum`, when the caller has hashed `text` already. */
export function withChecksum(text: string, checksum = sha256(text)): string {
  return `${checksum}\n${text}`;
}

/** The text of a file written with `withChecksum`, or undefined when it is not whole. */
export function checkedText(kept: string): string | undefined {
  return checkedEntry(kept)?.text;
}

/**
 * `checkedText`, with the checksum it was checked against. The checksum is
 * the one computed here, a string of its own: a slice of `kept` would hold
 * all of `kept` in memory for as long as the checksum lives, and a record's
 * checksum outlives the build's load (PERFORMANCE.md, "Memory").
 */
function checkedEntry(kept: string): { text: string; checksum: string } | undefined {
  const newline = kept.indexOf("\n");
  if (newline !== 64) return undefined;
  const text = kept.slice(newline + 1);
  const checksum = sha256(text);
  return kept.slice(0, newline) === checksum ? { text, checksum } : undefined;
}

/** Notes something about the caches on stderr, where the build's other notes go. */
export function cacheNote(message: string): void {
  process.stderr.write(`[hemeroteca] ${message}\n`);
}

/** The sha256 of a file's bytes (hex), or undefined when it is not a readable file. Synchronous, like the caches' reads. */
export function fileDigest(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Removes a bad cache entry, file or folder, and says so: it is made again, never used. */
export function dropCacheEntry(entry: string, why: string): void {
  try {
    rmSync(entry, { recursive: true, force: true });
  } catch (error) {
    cacheNote(
      `the cache entry \`${entry}\` ${why}, and cannot be removed (${(error as NodeJS.ErrnoException).code ?? String(error)}): it is not used`,
    );
    return;
  }
  cacheNote(`the cache entry \`${entry}\` ${why}: dropped, and made again`);
}

/**
 * The text of a cache file written with `withChecksum`, or undefined when
 * there is none. One that is not whole or was altered since, or that is a
 * folder or otherwise unreadable, is dropped with a note (`dropCacheEntry`).
 */
export function readCacheText(file: string): string | undefined {
  return readCacheEntry(file)?.text;
}

/** `readCacheText`, with the checksum the text was checked against: the sha256 of the text. */
export function readCacheEntry(file: string): { text: string; checksum: string } | undefined {
  let kept: string;
  try {
    kept = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    dropCacheEntry(file, code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code ?? String(error)})`);
    return undefined;
  }
  const checked = checkedEntry(kept);
  if (checked === undefined) dropCacheEntry(file, "does not match its checksum (cut short or altered)");
  return checked;
}

/**
 * `writeFileAtomically` for a cache file: a folder in its place is removed
 * first. Answers false, having warned on stderr, when the file cannot be
 * written: the build goes on without it.
 */
export async function writeCacheFile(file: string, data: string | Uint8Array): Promise<boolean> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    try {
      await writeFileAtomically(file, data);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EISDIR" && code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
      dropCacheEntry(file, "is a folder, not a file");
      await writeFileAtomically(file, data);
    }
    return true;
  } catch (error) {
    cacheNote(
      `warning: cannot write the cache file \`${file}\` (${(error as NodeJS.ErrnoException).code ?? String(error)}); the build goes on without it`,
    );
    return false;
  }
}
