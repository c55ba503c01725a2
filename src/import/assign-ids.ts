/**
 * Ids are permanent: derived from the headline once, made unique in the whole
 * archive with `-2`, `-3`, ..., and given back unchanged when the same item of
 * the same source is imported again.
 */
import { titleToId } from "../records/ids.ts";
import type { ExistingArticle } from "./existing-articles.ts";
import type { Manifest } from "../records/import-manifest.ts";

export interface IdRequest {
  title: string;
  lines: [number, number];
}

export interface IdContext {
  sourceFile: string;
  manifest: Manifest | undefined;
  existing: readonly ExistingArticle[];
  /** Ids in use in the archive and in this run; updated as ids are given. */
  taken: Set<string>;
}

const key = (lines: readonly [number, number]) => `${lines[0]}-${lines[1]}`;

export function assignIds(requests: readonly IdRequest[], context: IdContext): string[] {
  const byLines = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const entry of context.manifest?.articles ?? []) {
    byLines.set(key(entry.lines), entry.id);
    if (!byTitle.has(entry.title)) byTitle.set(entry.title, entry.id);
  }
  for (const article of context.existing) {
    if (article.sourceFile === context.sourceFile && article.lines && !byLines.has(key(article.lines)))
      byLines.set(key(article.lines), article.id);
  }
  // Ids this source gave before are given back as they are; new ids avoid every id in use.
  const given = new Set<string>();
  const ids: string[] = requests.map(() => "");
  // First the ids to give back, so that new ones cannot take them.
  requests.forEach((request, index) => {
    const previous = byLines.get(key(request.lines));
    if (previous && !given.has(previous)) {
      ids[index] = previous;
      given.add(previous);
    }
  });
  requests.forEach((request, index) => {
    if (ids[index]) return;
    const previous = byTitle.get(request.title);
    if (previous && !given.has(previous) && ![...byLines.values()].some((id) => id === previous && given.has(id))) {
      ids[index] = previous;
      given.add(previous);
    }
  });
  for (const id of given) context.taken.add(id);
  requests.forEach((request, index) => {
    if (ids[index]) return;
    const base = titleToId(request.title);
    let id = base;
    for (let n = 2; context.taken.has(id); n++) id = `${base}-${n}`;
    ids[index] = id;
    context.taken.add(id);
  });
  return ids;
}
