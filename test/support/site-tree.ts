/** A built site as data, to compare two builds file by file. */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Every file under `dir` with the sha256 of its bytes; Pagefind's own files are left out (they hold build hashes). */
export async function siteFileHashes(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (!entry.isFile() || file.startsWith("pagefind/")) continue;
    files[file] = createHash("sha256").update(await readFile(path.join(dir, file))).digest("hex");
  }
  return files;
}
