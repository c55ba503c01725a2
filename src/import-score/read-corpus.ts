/**
 * The corpus on disk: one folder per page holding `page.md` (the page as
 * retrieved) and `truth.yml` (what a reader found on it); and the list of
 * domains the importer's rules were developed on, which are scored apart.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { locateTruth, type LocatedPage } from "./locate-truth.ts";
import { parseTruth, TruthFileError } from "./truth-file.ts";

export interface CorpusPage extends LocatedPage {
  /** Path of page.md. */
  pageFile: string;
  pageText: string;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new TruthFileError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, { cause: error });
  }
}

/** One page folder. */
export async function readCorpusPage(dir: string): Promise<CorpusPage> {
  const pageFile = path.join(dir, "page.md");
  const truthFile = path.join(dir, "truth.yml");
  const pageText = await readText(pageFile);
  const truth = parseTruth(await readText(truthFile), truthFile);
  return { ...locateTruth(path.basename(dir), truthFile, pageText, truth), pageFile, pageText };
}

/** Every page folder under `corpusDir` (folders holding a page.md), in name order. */
export async function readCorpus(corpusDir: string): Promise<CorpusPage[]> {
  let entries;
  try {
    entries = await readdir(corpusDir, { withFileTypes: true });
  } catch (error) {
    throw new TruthFileError(`${corpusDir}: the corpus folder cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, {
      cause: error,
    });
  }
  const dirs = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const pages: CorpusPage[] = [];
  for (const name of dirs) {
    const dir = path.join(corpusDir, name);
    const files = await readdir(dir);
    if (!files.includes("page.md")) continue;
    pages.push(await readCorpusPage(dir));
  }
  if (pages.length === 0) throw new TruthFileError(`${corpusDir}: no page folders (a folder with page.md and truth.yml) found`);
  return pages;
}

/** A list file's entries, one a line, `#` starting a comment, each put through `normalize`. */
export function parseListFile(text: string, normalize: (entry: string) => string = (entry) => entry): Set<string> {
  return new Set(
    text
      .split("\n")
      .map((line) => normalize(line.replace(/#.*/, "").trim()))
      .filter((line) => line !== ""),
  );
}

/** `parseListFile` of `file`; an absent file lists none. */
export async function readListFile(file: string, normalize?: (entry: string) => string): Promise<Set<string>> {
  try {
    return parseListFile(await readFile(file, "utf8"), normalize);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Set();
    throw error;
  }
}

const lowerCase = (domain: string) => domain.toLowerCase();

/** Domains listed one per line, `#` starting a comment; an absent file lists none. */
export const parseDevDomains = (text: string): Set<string> => parseListFile(text, lowerCase);
export const readDevDomains = (file: string): Promise<Set<string>> => readListFile(file, lowerCase);
