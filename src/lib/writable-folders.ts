/**
 * Before a command writes files into the project (`import`, `new`), every
 * folder it will write in is checked, so that a read-only or misshapen
 * destination stops it before the first file with a message that names the
 * folder, instead of a stack trace half-way (a missing folder under a
 * read-only one reads `ENOENT ... mkdir`, which misleads).
 */
import { constants, type Stats } from "node:fs";
import { access, lstat } from "node:fs/promises";
import path from "node:path";
import { relativeWithin } from "./paths.ts";

/** Plain words for a file-system error code met while writing. */
export function writeErrorInWords(code: string | undefined): string {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied: the folder is not writable by this user";
    case "EROFS":
      return "the folder is on a read-only file system";
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full";
    case "ENOTDIR":
      return "a file stands where a folder is needed";
    case "EISDIR":
      return "a folder stands where the file is to be written";
    default:
      return `the system refused it (${code ?? "unknown error"})`;
  }
}

/**
 * Why the folder of each file (relative to `root`) cannot be written, for
 * the first one that cannot: its nearest existing folder must be a folder
 * this process may write in. Undefined when all can.
 */
export async function unwritableFolder(root: string, files: readonly string[]): Promise<string | undefined> {
  const checked = new Set<string>();
  for (const file of files) {
    let folder = path.dirname(path.resolve(root, file));
    let stats: Stats | undefined;
    for (;;) {
      if (checked.has(folder)) break;
      stats = await lstat(folder).catch(() => undefined);
      if (stats || path.dirname(folder) === folder) break;
      folder = path.dirname(folder);
    }
    if (checked.has(folder)) continue;
    const named = relativeWithin(root, folder) || ".";
    if (!stats?.isDirectory()) return `cannot write in \`${named}\`: ${writeErrorInWords("ENOTDIR")}`;
    try {
      await access(folder, constants.W_OK);
    } catch (error) {
      return `cannot write in \`${named}\`: ${writeErrorInWords((error as NodeJS.ErrnoException).code)}`;
    }
    checked.add(folder);
  }
  return undefined;
}
