/**
 * The corpus's three folds. **dev**: pages of the domains the importer's
 * rules and line model were developed on (test/import/dev-domains.txt).
 * **fresh**: pages named in test/import/fresh-pages.txt, from outlets found
 * nowhere else in the corpus, scored once per round and never tuned on.
 * **held-out**: every other page.
 */
import { parseListFile, readListFile, type CorpusPage } from "./read-corpus.ts";
import { TruthFileError } from "./truth-file.ts";

export type Fold = "dev" | "held-out" | "fresh";

/** Folder names listed one per line, `#` starting a comment; an absent file lists none. */
export const parseFreshPages = (text: string): Set<string> => parseListFile(text);
export const readFreshPages = (file: string): Promise<Set<string>> => readListFile(file);

export function foldOf(page: Pick<CorpusPage, "name" | "truth">, devDomains: ReadonlySet<string>, freshPages: ReadonlySet<string>): Fold {
  if (freshPages.has(page.name)) return "fresh";
  return devDomains.has(page.truth.domain) ? "dev" : "held-out";
}

/**
 * Checks that the fresh fold is what it claims, since a fresh page of an
 * outlet the importer was developed on, or that other pages show, would
 * flatter the importer: every listed folder is in the corpus, and no fresh
 * page's domain is a dev domain or the domain of a page outside the fold.
 * `freshListFile` names the list in the error.
 */
export function checkFreshFold(
  pages: ReadonlyArray<Pick<CorpusPage, "name" | "truth">>,
  devDomains: ReadonlySet<string>,
  freshPages: ReadonlySet<string>,
  freshListFile: string,
): void {
  const names = new Set(pages.map((page) => page.name));
  const problems: string[] = [];
  for (const name of freshPages)
    if (!names.has(name)) problems.push(`${freshListFile}: “${name}” is listed but no page folder has that name`);
  const otherDomains = new Set(pages.filter((page) => !freshPages.has(page.name)).map((page) => page.truth.domain));
  for (const page of pages) {
    if (!freshPages.has(page.name)) continue;
    if (devDomains.has(page.truth.domain))
      problems.push(
        `${freshListFile}: “${page.name}” is of ${page.truth.domain}, a dev domain: a fresh page must be of an outlet not developed on`,
      );
    else if (otherDomains.has(page.truth.domain))
      problems.push(`${freshListFile}: “${page.name}” is of ${page.truth.domain}, which pages outside the fresh fold show too`);
  }
  if (problems.length > 0) throw new TruthFileError(problems.join("\n"));
}
