/** content/ -> Archive, failing closed: any error in any file stops the build with the full list. */
import { loadArticles, type LoadOptions } from "../records/load-articles.ts";
import { ContentError, countErrors, problemToString, type Problem } from "../records/problems.ts";
import { buildArchive, type Archive } from "./build-archive.ts";
import type { SiteConfig } from "./site-config.ts";

export interface LoadedArchive {
  archive: Archive;
  warnings: Problem[];
}

export async function loadArchive(options: LoadOptions & { site: SiteConfig }): Promise<LoadedArchive> {
  const { records, problems } = await loadArticles(options);
  if (countErrors(problems) > 0) throw new ContentError(problems);
  return { archive: buildArchive(records, options.site), warnings: problems };
}

export function warningsToText(warnings: readonly Problem[]): string {
  return warnings.map(problemToString).join("\n");
}
