/**
 * The search index, built from the Archive's records rather than by crawling
 * `_site`: only article bodies are indexed, stale pages of earlier builds can
 * never leak in, and no HTML is parsed twice. One index for every language
 * (`forceLanguage`), so one search box finds Spanish and English articles.
 */
import * as pagefind from "pagefind";
import type { Archive } from "../archive/build-archive.ts";
import { languageToName } from "../archive/language-names.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { dateToLabel } from "../records/edtf-date.ts";

/** Sort key that keeps undated articles in date-sorted results, after every dated one. */
const UNDATED_SORT_KEY = "0000-00-00";

export interface PagefindApi {
  createIndex: typeof pagefind.createIndex;
  close: typeof pagefind.close;
}

function check<T extends { errors: string[] }>(action: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind could not ${action}:\n${response.errors.join("\n")}`);
  return response;
}

export function articleToSearchRecord(article: ArticleRecord): pagefind.CustomRecord {
  const date = article.parsedDate;
  return {
    url: article.permalink,
    content: [article.title, article.summary ?? "", article.text].filter(Boolean).join("\n\n"),
    language: article.language,
    meta: {
      title: article.title,
      date: dateToLabel(date),
      publication: article.publication,
      language: languageToName(article.language),
      lang: article.language,
      ...(article.summary ? { summary: article.summary } : {}),
    },
    filters: {
      publication: [article.publication],
      language: [languageToName(article.language)],
      year: date ? [String(date.start.year)] : ["Undated"],
      ...(article.tags?.length ? { tag: article.tags } : {}),
    },
    sort: { date: date ? new Date(date.min).toISOString().slice(0, 10) : UNDATED_SORT_KEY },
  };
}

export async function writeSearchIndex(archive: Archive, outputPath: string, api: PagefindApi = pagefind): Promise<{ pages: number }> {
  const { index } = check("start an index", await api.createIndex({ forceLanguage: archive.site.language }));
  if (!index) throw new Error("Pagefind returned no index");
  try {
    for (const article of archive.articles) check(`index ${article.file}`, await index.addCustomRecord(articleToSearchRecord(article)));
    check("write the index", await index.writeFiles({ outputPath }));
    return { pages: archive.articles.length };
  } finally {
    await api.close();
  }
}
