/**
 * The site's folder must be one of its own. A full build removes every file
 * of its output folder that it did not make (prune-output.ts), as Jekyll's
 * and Hugo's cleaning do; an output folder set by mistake to the project
 * (`HEMEROTECA_OUTPUT=.`, an empty `HEMEROTECA_OUTPUT`, `--output=..`) would
 * lose the project's files, the articles and the caches with them. So, as
 * Jekyll refuses a destination that is or holds its source, the build stops
 * before it writes anything when the output folder is, or holds, any folder
 * it reads from or keeps.
 */
import { realpathSync } from "node:fs";
import path from "node:path";

/** A folder the build reads from or keeps, and what it is, for the message. */
export interface GuardedFolder {
  name: string;
  folder: string;
}

/** The real path of `folder`, following links, or as written where it does not exist yet. */
function realFolder(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return path.resolve(folder);
  }
}

/** Whether `inner` is `outer` or inside it. */
function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The reason `output` cannot hold the site, or undefined when it can. */
export function outputFolderProblem(output: string, guarded: readonly GuardedFolder[]): string | undefined {
  const out = realFolder(output);
  for (const { name, folder } of guarded) {
    const kept = realFolder(folder);
    if (!isWithin(out, kept)) continue;
    const relation = out === kept ? `is ${name}` : `holds ${name} (\`${kept}\`)`;
    return (
      `The output folder \`${out}\` ${relation}. A build removes every file of its output folder that it did not make, ` +
      "so the site needs a folder of its own: set HEMEROTECA_OUTPUT (or Eleventy's --output) to one, such as `_site`. Nothing was written."
    );
  }
  return undefined;
}
