/** content/ -> Archive, failing closed: any error in any file stops the build with the full list. */
import { ArticleBodies } from "../records/article-bodies.ts";
import { datesOutsideRange } from "../records/date-range.ts";
import { loadArticles, locateIn, type LoadOptions } from "../records/load-articles.ts";
import { withHint } from "../records/problem-hints.ts";
import { ContentError, countErrors, problemToString, type Problem } from "../records/problems.ts";
import { buildArchive, type Archive } from "./build-archive.ts";
import { readEntryDays } from "./entry-days.ts";
import type { SiteConfig } from "./site-config.ts";
import { readSourcePages } from "./source-pages.ts";

export interface LoadedArchive {
  archive: Archive;
  /** Where each article's body is: the Archive holds the articles without them (article-bodies.ts). */
  bodies: ArticleBodies;
  warnings: Problem[];
}

export async function loadArchive(options: LoadOptions & { site: SiteConfig }): Promise<LoadedArchive> {
  const { records, problems } = await loadArticles(options);
  // With check's hints, so that the build's log and npm start's error page say what to do as check does.
  if (countErrors(problems) > 0) throw new ContentError(problems.map(withHint));
  // A source without a page costs its articles a link, not the build: `npm run check` names what is wrong with it.
  const sources = await readSourcePages(options.root, records);
  const skipped: Problem[] = sources.skipped.map(({ file, reason }) => ({
    file,
    line: 1,
    column: 1,
    field: "",
    severity: "warning",
    message: `no page shows this source, because ${reason}`,
    hint: "run `npm run check` to see what is wrong with it",
  }));
  const outOfRange = datesOutsideRange(records, options.site.dates, locateIn(options.root));
  const entryDays = await readEntryDays(options.root, options.articlesDir, records, sources.pages);
  const { entries, bodies } = ArticleBodies.split(records);
  return {
    archive: buildArchive(entries, options.site, sources.pages, entryDays, bodies),
    bodies,
    warnings: [...problems, ...outOfRange, ...skipped],
  };
}

export function warningsToText(warnings: readonly Problem[]): string {
  return warnings.map(problemToString).join("\n");
}
