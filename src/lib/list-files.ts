/**
 * The project's one recursive folder listing. It never follows a symbolic
 * link: git can commit a link, and a listing that follows one reads what is
 * not the project's (`ln -s /etc content/articles/etc` listed every file of
 * `/etc`, a link to a parent folder went round until the system gave up). A
 * link, to a folder or to a file, is listed as a link instead, for its reader
 * to refuse by name or to skip.
 */
import { lstatSync, readdirSync, type Dirent } from "node:fs";
import path from "node:path";

export interface FileListing {
  /** Every entry but folders and links, as `prefix/relative/path` with `/`, sorted. */
  files: string[];
  /** Symbolic links, named the same way, sorted; never followed. */
  links: string[];
}

/**
 * Lists the folder `base`, naming entries under `prefix` (`""`: relative to
 * `base` itself). A missing folder is an empty listing; a `base` that is
 * itself a link is listed as the one link.
 */
export function listFiles(base: string, prefix = ""): FileListing {
  const files: string[] = [];
  const links: string[] = [];
  const top = lstatSync(base, { throwIfNoEntry: false });
  if (!top) return { files, links };
  if (top.isSymbolicLink()) return { files, links: [prefix] };
  const join = (named: string, name: string) => (named === "" ? name : `${named}/${name}`);
  // Synchronous on purpose: an asynchronous walk makes a round trip per folder, several times slower.
  const walk = (folder: string, named: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      const name = join(named, entry.name);
      if (entry.isSymbolicLink()) links.push(name);
      else if (entry.isDirectory()) walk(path.join(folder, entry.name), name);
      else files.push(name);
    }
  };
  walk(base, prefix);
  return { files: files.sort(), links: links.sort() };
}
