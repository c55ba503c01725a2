/**
 * The site's folder must be one of its own. A full build removes every file
 * of its output folder that it did not make (prune-output.ts), as Jekyll's
 * and Hugo's cleaning do; an output folder set by mistake to the project
 * (`HEMEROTECA_OUTPUT=.`, an empty `HEMEROTECA_OUTPUT`, `--output=..`) would
 * lose the project's files, the articles and the caches with them. So, as
 * Jekyll refuses a destination that is or holds its source, the build stops
 * before it writes anything when the output folder is, or holds, any folder
 * it reads from or keeps.
 *
 * Nor may the site go into somebody else's folder (`HEMEROTECA_OUTPUT=~/Documents`):
 * its first build would take every file there for a stale page. A build marks
 * the folder it writes as its own (`SITE_MARKER`, as Sphinx leaves
 * `.buildinfo` in its output), and into a folder that holds files but neither
 * the mark nor a ledger of an earlier build in the cache (a site of a version
 * before the mark) it writes nothing. A version-control folder at the top
 * (`KEPT_ENTRIES`) is never removed and never counts against the folder, as
 * Jekyll keeps `.git` by default, so the site folder may be a checkout of the
 * branch it is published from.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { relativeWithin } from "../../lib/paths.ts";

/** The file that marks a folder as a Hemeroteca site, at its top. */
export const SITE_MARKER = ".hemeroteca-site";
const MARKER_TEXT = "This folder is a site built by Hemeroteca. Each full build removes every file in it that the build did not make.\n";

/** Top-level entries of the output folder a build leaves alone. */
export const KEPT_ENTRIES: ReadonlySet<string> = new Set([".git", ".hg", ".svn"]);

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

/** The reason `output` cannot hold the site, or undefined when it can. */
export function outputFolderProblem(output: string, guarded: readonly GuardedFolder[]): string | undefined {
  const out = realFolder(output);
  for (const { name, folder } of guarded) {
    const kept = realFolder(folder);
    if (relativeWithin(out, kept) === undefined) continue;
    const relation = out === kept ? `is ${name}` : `holds ${name} (\`${kept}\`)`;
    return (
      `The output folder \`${out}\` ${relation}. A build removes every file of its output folder that it did not make, ` +
      "so the site needs a folder of its own: set HEMEROTECA_OUTPUT (or Eleventy's --output) to one, such as `_site`. Nothing was written."
    );
  }
  return undefined;
}

/**
 * The reason a build may not write into `output` because the folder is
 * somebody else's, or undefined when it may: it does not exist, holds nothing
 * but `KEPT_ENTRIES`, bears `SITE_MARKER`, or `hasLedger` (the cache keeps
 * the ledger of an earlier build into it, output-ledger.ts).
 */
export function foreignOutputProblem(output: string, hasLedger: boolean): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(output).filter((name) => !KEPT_ENTRIES.has(name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ENOTDIR")
      return `The output folder \`${output}\` is a file. Set HEMEROTECA_OUTPUT (or Eleventy's --output) to a folder, such as \`_site\`. Nothing was written.`;
    throw error;
  }
  if (entries.length === 0 || entries.includes(SITE_MARKER) || hasLedger) return undefined;
  const shown = entries
    .sort()
    .slice(0, 3)
    .map((name) => `\`${name}\``)
    .join(", ");
  const more = entries.length > 3 ? ` and ${entries.length - 3} more` : "";
  return (
    `The output folder \`${output}\` holds files no Hemeroteca build made (${shown}${more}), and no \`${SITE_MARKER}\` file. ` +
    "A build removes every file of its output folder that it did not make, so it will not write there: " +
    "empty the folder or remove it, or set HEMEROTECA_OUTPUT (or Eleventy's --output) to another, such as `_site`. Nothing was written."
  );
}

/** Marks `output` as a site's folder (`SITE_MARKER`), making it when it does not exist. */
export async function markOutputFolder(output: string): Promise<void> {
  const marker = path.join(output, SITE_MARKER);
  if (existsSync(marker) && readFileSync(marker, "utf8") === MARKER_TEXT) return;
  await mkdir(output, { recursive: true });
  await writeFile(marker, MARKER_TEXT);
}
