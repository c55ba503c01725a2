/**
 * The score of the importer on the corpus: each page imported and counted,
 * then the totals, in all and by fold (see `folds.ts`): pages from domains
 * the importer was developed on ("dev"), the fresh pages ("fresh") and all
 * others ("held-out").
 */
import { addCounts, scorePage, zeroCounts, type Counts, type PageScore } from "./count-page.ts";
import { checkFreshFold, foldOf, readFreshPages, type Fold } from "./folds.ts";
import { readCorpus, readCorpusPage, readDevDomains, type CorpusPage } from "./read-corpus.ts";
import { runImporter } from "./run-importer.ts";
import type { LineModel } from "../import/line-model.ts";

export interface ScoreOptions {
  /** The corpus folder (one sub-folder per page). */
  corpusDir: string;
  /** Score only this page folder. */
  page?: string;
  /** The dev-domains list (absent = no page is dev). */
  devDomainsFile: string;
  /** The fresh-pages list (absent = no page is fresh). */
  freshPagesFile?: string;
  /** Neither import nor count the fresh pages (the floor test: the fresh fold is read once per round, by hand). */
  leaveOutFresh?: boolean;
}

export interface CorpusScore {
  pages: Array<PageScore & { set: Fold }>;
  totals: { all: Counts; heldOut: Counts; dev: Counts; fresh: Counts };
}

export async function scorePages(
  pages: readonly CorpusPage[],
  devDomains: ReadonlySet<string>,
  options: { lineModelFor?: (page: CorpusPage) => LineModel | null; freshPages?: ReadonlySet<string> } = {},
): Promise<CorpusScore> {
  const freshPages = options.freshPages ?? new Set<string>();
  const scored: CorpusScore["pages"] = [];
  const totals = { all: zeroCounts(), heldOut: zeroCounts(), dev: zeroCounts(), fresh: zeroCounts() };
  const key = { dev: "dev", "held-out": "heldOut", fresh: "fresh" } as const;
  for (const page of pages) {
    const lineModel = options.lineModelFor?.(page);
    const outcome = await runImporter(page.pageFile, page.pageText, page.truth, lineModel !== undefined ? { lineModel } : {});
    const score = scorePage(page, outcome);
    const set = foldOf(page, devDomains, freshPages);
    scored.push({ ...score, set });
    totals.all = addCounts(totals.all, score.counts);
    totals[key[set]] = addCounts(totals[key[set]], score.counts);
  }
  return { pages: scored, totals };
}

export interface CorpusFolds {
  pages: CorpusPage[];
  devDomains: Set<string>;
  freshPages: Set<string>;
}

/** The corpus (or one page of it) with its folds, each truth file read and placed on its page; nothing is imported. */
export async function readCorpusFolds(options: ScoreOptions): Promise<CorpusFolds> {
  const pages = options.page !== undefined ? [await readCorpusPage(options.page)] : await readCorpus(options.corpusDir);
  const devDomains = await readDevDomains(options.devDomainsFile);
  const freshPages = options.freshPagesFile !== undefined ? await readFreshPages(options.freshPagesFile) : new Set<string>();
  // One page alone cannot show whether its outlet is elsewhere in the corpus.
  if (options.page === undefined) checkFreshFold(pages, devDomains, freshPages, options.freshPagesFile ?? "fresh pages");
  return { pages, devDomains, freshPages };
}

export async function scoreCorpus(options: ScoreOptions): Promise<CorpusScore> {
  const { pages, devDomains, freshPages } = await readCorpusFolds(options);
  const scored = options.leaveOutFresh === true ? pages.filter((page) => !freshPages.has(page.name)) : pages;
  return scorePages(scored, devDomains, { freshPages });
}
