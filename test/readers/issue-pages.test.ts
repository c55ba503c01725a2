/**
 * A print issue is a page of its own, its table of contents: the articles of
 * one publication whose `issue` names it, in page order. The publication's
 * page shows its newest issues and links to a page of them all, and an
 * article's kicker links to its issue.
 */
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import type { ArticleCitations } from "../../src/exports/citation-cache.ts";
import type { ArticleRecord } from "../../src/records/article-record.ts";
import { render as renderArticle } from "../../templates/article.11ty.ts";
import { render as renderIssueIndex } from "../../templates/issue-index.11ty.ts";
import { render as renderList } from "../../templates/list.11ty.ts";
import { generatedRecords } from "../support/generated-records.ts";

const citationsOf = (): ArticleCitations => ({ reference: "", "cite.bib": "", "cite.ris": "", "cite.json": "" });
const SOURCE = "content/sources/unidad/issue-412.md";

function printed(
  record: ArticleRecord,
  publication: string,
  issue: string | undefined,
  page: number | string | undefined,
  line: number,
  date?: ArticleRecord["parsedDate"],
): ArticleRecord {
  const { issue: _issue, page: _page, ...rest } = record;
  return {
    ...rest,
    publication,
    publicationSlug: publication.toLowerCase(),
    ...(issue === undefined ? {} : { issue }),
    ...(page === undefined ? {} : { page }),
    source: { file: SOURCE, sha256: "0".repeat(64), lines: [line, line + 5] },
    ...(date === undefined ? {} : { parsedDate: date }),
  };
}

describe("issue pages", () => {
  const base = generatedRecords(9);
  const undated = null;
  const records = [
    printed(base[0]!, "Unidad", "N° 412", 3, 40),
    printed(base[1]!, "Unidad", "N° 412", 1, 90),
    printed(base[2]!, "Unidad", "N° 412", undefined, 10),
    printed(base[3]!, "Unidad", "N° 412", 3, 20),
    printed(base[4]!, "Unidad", "N° 412", "A2", 5),
    printed(base[5]!, "Unidad", "N° 9", 12, 5, undated),
    // Another paper's issue of the same label is another issue.
    printed(base[6]!, "Marka", "N° 412", 1, 5),
    printed(base[7]!, "Unidad", undefined, undefined, 5),
    printed(base[8]!, "Unidad", "n° 412", 2, 60),
  ];
  const archive = buildArchive(records, siteConfigFromEnv({}));
  const indexOf = (slug: string) => archive.issueIndexes.find((index) => index.publication.slug === slug)!;
  const unidad = indexOf("unidad").issues;
  const issue412 = unidad.find((issue) => issue.slug === "n-412")!;

  it("gathers each publication's articles by the slug of their issue label, at an address under the publication", () => {
    expect(unidad.map((issue) => issue.url)).toEqual(["/publications/unidad/issues/n-412/", "/publications/unidad/issues/n-9/"]);
    expect(indexOf("marka").issues.map((issue) => [issue.url, issue.articles.length])).toEqual([["/publications/marka/issues/n-412/", 1]]);
    expect(archive.issueIndexes.map((index) => index.url)).toEqual(["/publications/marka/issues/", "/publications/unidad/issues/"]);
    // "n° 412" is the same issue as "N° 412", printed otherwise.
    expect(issue412.articles).toHaveLength(6);
    expect(archive.issueOf(archive.byId.get(base[8]!.id)!)).toBe(issue412);
    expect(archive.issueOf(archive.byId.get(base[7]!.id)!)).toBeUndefined();
  });

  it("orders the contents by page, numbers as numbers and labels after, then where each begins in the source; no page last", () => {
    expect(issue412.articles.map((a) => [a.page, a.source!.lines[0]])).toEqual([
      [1, 90],
      [2, 60],
      [3, 20],
      [3, 40],
      ["A2", 5],
      [undefined, 10],
    ]);
  });

  it("puts the issue with the newest article first, an issue of undated articles last", () => {
    expect(unidad.at(-1)!.label).toBe("N° 9");
  });

  it("makes a list page for each issue, titled with its publication", () => {
    const pages = archive.listPages.filter((page) => page.kind === "issue");
    expect(pages.map((page) => page.url).sort()).toEqual([
      "/publications/marka/issues/n-412/",
      "/publications/unidad/issues/n-412/",
      "/publications/unidad/issues/n-9/",
    ]);
    const page = pages.find((p) => p.issue === issue412)!;
    expect(page.title).toBe("Unidad, N° 412");
    const html = renderList({ archive, listPage: page });
    expect(html).toMatch(
      /<a href="\/">Home<\/a>[\s\S]*<a href="\/publications\/">Publications<\/a>[\s\S]*<a href="\/publications\/unidad\/">Unidad<\/a>[\s\S]*<a href="\/publications\/unidad\/issues\/">Issues<\/a>[\s\S]*N° 412/,
    );
    const linked = [...html.matchAll(/<h2 class="entry-title"><a href="([^"]+)"/g)].map((m) => m[1]);
    expect(linked).toEqual(issue412.articles.map((a) => a.permalink));
    // Every entry is of N° 412: each names its page only, and one without a page names nothing.
    const entries = [...html.matchAll(/<p class="entry-meta"[\s\S]*?<\/p>/g)].map((m) => m[0]);
    expect(entries).toHaveLength(6);
    expect(entries[0]).toContain('<span class="entry-issue">p. 1</span>');
    expect(entries[4]).toContain('<span class="entry-issue">p. A2</span>');
    expect(entries[5]).not.toContain("entry-issue");
    expect(html).not.toContain("N° 412, p.");
    // Elsewhere the entry names the issue with the page.
    const publicationPage = archive.listPages.find((p) => p.kind === "publication" && p.group?.slug === "unidad")!;
    expect(renderList({ archive, listPage: publicationPage })).toContain('<span class="entry-issue">N° 412, p. 1</span>');
  });

  it("lists a publication's issues on its first page, and none for a paper without issues", () => {
    const publicationPage = archive.listPages.find(
      (page) => page.kind === "publication" && page.group?.slug === "unidad" && page.pageNumber === 1,
    )!;
    const html = renderList({ archive, listPage: publicationPage });
    expect(html).toContain('<h2 id="issues-heading" class="section-heading">Issues</h2>');
    expect(html).toContain('<a href="/publications/unidad/issues/n-412/">N° 412</a> <span class="group-count">6 articles</span>');
    // Every issue is shown already: no "All 2 issues" under them.
    expect(html).not.toContain('class="more-link"><a href="/publications/unidad/issues/"');
    const tagPage = archive.listPages.find((page) => page.kind === "tag")!;
    expect(renderList({ archive, listPage: tagPage })).not.toContain("issues-heading");
  });

  it("lists at most the newest twelve on the publication's page, and every one on its page of issues", () => {
    const many = generatedRecords(14).map((record, index) => printed(record, "Marka", `N° ${index + 1}`, 1, 5));
    const big = buildArchive(many, siteConfigFromEnv({}));
    const index = big.issueIndexes[0]!;
    const publicationPage = big.listPages.find((page) => page.kind === "publication" && page.pageNumber === 1)!;
    const shown = renderList({ archive: big, listPage: publicationPage });
    expect(shown.match(/\/publications\/marka\/issues\/n-\d+\//g)).toHaveLength(12);
    expect(shown).toContain('<p class="more-link"><a href="/publications/marka/issues/">All 14 issues</a></p>');
    expect(shown).toContain(`<a href="${index.issues[0]!.url}">`);
    expect(shown).not.toContain(`<a href="${index.issues[13]!.url}">`);
    const all = renderIssueIndex({ archive: big, index });
    for (const issue of index.issues)
      expect(all).toContain(`<a href="${issue.url}">${issue.label}</a> <span class="group-count">1 article</span>`);
    expect(all).toContain("14 issues");
    expect(all).toMatch(/<a href="\/publications\/marka\/">Marka<\/a>/);
  });

  it("links the article's issue from its kicker", () => {
    const article = archive.byId.get(base[4]!.id)!;
    expect(renderArticle({ archive, article, citationsOf })).toContain(
      '<a class="issue" href="/publications/unidad/issues/n-412/">N° 412</a>',
    );
  });
});
