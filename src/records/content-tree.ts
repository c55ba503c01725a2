/**
 * The files under a content folder, found without ever following a symbolic
 * link. Git can commit a link, and a recursive listing that follows one reads
 * what is not content: `ln -s /etc content/articles/etc` listed every file of
 * `/etc`, a link to a folder of `.md` files elsewhere published them, and a
 * link to a parent folder went round until the system gave up. A link, to a
 * folder or to a file, is listed as a link instead, for its reader to refuse
 * by name.
 */
import { lstatSync, readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import type { Problem } from "./problems.ts";
import { refusedFileProblem } from "./text-file.ts";

export interface ContentTree {
  /** Every entry but folders and links, as `prefix/relative/path`, sorted. */
  files: string[];
  /** Symbolic links, named the same way, sorted; never followed. */
  links: string[];
}

/**
 * Walks the folder `base`, naming entries under `prefix` with `/`. A missing
 * folder is an empty tree; a `base` that is itself a link is listed as the one
 * link.
 */
export function walkContentFolder(base: string, prefix: string): ContentTree {
  const files: string[] = [];
  const links: string[] = [];
  const top = lstatSync(base, { throwIfNoEntry: false });
  if (!top) return { files, links };
  if (top.isSymbolicLink()) return { files, links: [prefix] };
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
      const name = `${named}/${entry.name}`;
      if (entry.isSymbolicLink()) links.push(name);
      else if (entry.isDirectory()) walk(path.join(folder, entry.name), name);
      else files.push(name);
    }
  };
  walk(base, prefix);
  return { files: files.sort(), links: links.sort() };
}

/** The error for a link found under a content folder, naming it. */
export function linkProblem(file: string): Problem {
  return refusedFileProblem(file, {
    message: "is a symbolic link, so it was not followed: content is read only from files and folders inside the project",
    hint: "replace the link with the file or folder it points to (`git rm` the link, then copy the files in)",
  });
}
