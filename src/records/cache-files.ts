/**
 * How files are written whole or not at all, and how the build's caches read
 * theirs back, checked. A file is written under a temporary name of its own
 * (process and random part, so builds sharing a cache never write the same
 * one) and renamed into place, so a crash leaves the old file or the new one:
 * the caches, the data exports, the output ledger and the importer's files
 * are all written so. A checked file starts with a line holding the sha256 of
 * the rest, so one cut short or altered since is read as missing, not trusted.
 * A kept folder is removed by first renaming it aside (`removeFolder`).
 */
import { createHash, randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";

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

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** `text` with its checksum line in front, for `checkedText` to read back. */
export function withChecksum(text: string): string {
  return `${sha256(text)}\n${text}`;
}

/** The text of a file written with `withChecksum`, or undefined when it is not whole. */
export function checkedText(kept: string): string | undefined {
  const newline = kept.indexOf("\n");
  if (newline !== 64) return undefined;
  const text = kept.slice(newline + 1);
  return kept.slice(0, newline) === sha256(text) ? text : undefined;
}
