/**
 * The files under a content folder, found without ever following a symbolic
 * link (src/lib/list-files.ts says why). A link is listed as a link instead,
 * for its reader to refuse by name (`linkProblem`).
 */
import { listFiles, type FileListing } from "../lib/list-files.ts";
import type { Problem } from "./problems.ts";
import { refusedFileProblem } from "./text-file.ts";

export type ContentTree = FileListing;

/**
 * Walks the folder `base`, naming entries under `prefix` with `/`. A missing
 * folder is an empty tree; a `base` that is itself a link is listed as the one
 * link.
 */
export function walkContentFolder(base: string, prefix: string): ContentTree {
  return listFiles(base, prefix);
}

/** The error for a link found under a content folder, naming it. */
export function linkProblem(file: string): Problem {
  return refusedFileProblem(file, {
    message: "is a symbolic link, so it was not followed: content is read only from files and folders inside the project",
    hint: "replace the link with the file or folder it points to (`git rm` the link, then copy the files in)",
  });
}
