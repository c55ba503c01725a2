/**
 * The score of the importer on the corpus: each page imported and counted,
 * then the totals, in all and split into pages from domains the importer was
 * developed on ("dev") and all others ("held-out").
 */
import { addCounts, scorePage, zeroCounts, type Counts, type PageScore } from "./count-page.ts";
import { readCorpus, readCorpusPage, readDevDomains, type CorpusPage } from "./read-corpus.ts";
import { runImporter } from "./run-importer.ts";
import type { LineModel } from "../import/line-model.ts";

export interface ScoreOptions {
  /** The corpus folder (one sub-folder per page). */
  corpusDir: string;
  /** Score only this page folder. */
  page?: string;
  /** The dev-domains list (absent = every page is held-out). */
  devDomainsFile: string;
}

export interface CorpusScore {
  pages: Array<PageScore & { set: "dev" | "held-out" }>;
  totals: { all: Counts; heldOut: Counts; dev: Counts };
}

export async function scorePages(
  pages: readonly CorpusPage[],
  devDomains: ReadonlySet<string>,
  options: { lineModelFor?: (page: CorpusPage) => LineModel | null } = {},
): Promise<CorpusScore> {
  const scored: CorpusScore["pages"] = [];
  let all = zeroCounts();
  let heldOut = zeroCounts();
  let dev = zeroCounts();
  for (const page of pages) {
    const lineModel = options.lineModelFor?.(page);
    const outcome = await runImporter(page.pageFile, page.pageText, page.truth, lineModel !== undefined ? { lineModel } : {});
    const score = scorePage(page, outcome);
    const set = devDomains.has(page.truth.domain) ? "dev" : "held-out";
    scored.push({ ...score, set });
    all = addCounts(all, score.counts);
    if (set === "dev") dev = addCounts(dev, score.counts);
    else heldOut = addCounts(heldOut, score.counts);
  }
  return { pages: scored, totals: { all, heldOut, dev } };
}

export async function scoreCorpus(options: ScoreOptions): Promise<CorpusScore> {
  const pages = options.page !== undefined ? [await readCorpusPage(options.page)] : await readCorpus(options.corpusDir);
  return scorePages(pages, await readDevDomains(options.devDomainsFile));
}
