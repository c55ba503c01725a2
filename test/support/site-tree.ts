/** A built site, or any tree of files, as data, to compare two builds file by file. */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Every file under `dir` (path with `/`) with the sha256 of its bytes, for the files `keep` keeps. */
export async function fileHashes(dir: string, keep: (file: string) => boolean = () => true): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (!entry.isFile() || !keep(file)) continue;
    files[file] = createHash("sha256")
      .update(await readFile(path.join(dir, file)))
      .digest("hex");
  }
  return files;
}

/** Every file of a built site with its hash; Pagefind's own files are left out (they hold build hashes). */
export function siteFileHashes(dir: string): Promise<Record<string, string>> {
  return fileHashes(dir, (file) => !file.startsWith("pagefind/"));
}
