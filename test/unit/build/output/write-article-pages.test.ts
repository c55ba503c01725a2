/**
 * The build writes article pages itself, outside Eleventy's pagination
 * (src/build/output/write-article-pages.ts): each page is the article
 * template's page of that article, at its permalink's file; a dry run renders
 * them and writes none; each written page is told, for the output ledger.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../../src/archive/load-archive.ts";
import { siteConfigFromEnv } from "../../../../src/archive/site-config.ts";
import { CitationCache } from "../../../../src/exports/citation-cache.ts";
import { permalinkToFile } from "../../../../src/build/output/pages-to-write.ts";
import { writeArticlePages } from "../../../../src/build/output/write-article-pages.ts";
import { articlePageContext, render, renderArticlePage } from "../../../../templates/article.11ty.ts";
import { projectRoot } from "../../../support/build-site.ts";
import { temporaryFolders } from "../../../support/temp-dirs.ts";

const tempDir = temporaryFolders();
const renderers = { articleContext: articlePageContext, articlePage: renderArticlePage };

describe("article pages written by the build", () => {
  const load = async () => {
    const archive = (await loadArchive({ root: path.join(projectRoot, "test/fixtures/basic"), site: siteConfigFromEnv({}) })).archive;
    const citations = await CitationCache.open(undefined);
    return { archive, citationsOf: citations.citationsFor(archive) };
  };

  it("writes each article's template page at its permalink's file, and tells each one written", async () => {
    const { archive, citationsOf } = await load();
    const output = await tempDir("article-pages");
    const told = new Map<string, string>();
    const files = await writeArticlePages({
      archive,
      articles: archive.articles,
      citationsOf,
      render: renderers,
      output,
      dryRun: false,
      written: (file, page) => told.set(file, page),
    });
    expect(archive.articles.length).toBeGreaterThan(1);
    expect(files).toEqual(archive.articles.map((article) => permalinkToFile(article.permalink)));
    for (const [index, article] of archive.articles.entries()) {
      const page = await readFile(path.join(output, files[index]!), "utf8");
      expect(page).toBe(render({ archive, article, citationsOf }));
      expect(told.get(files[index]!)).toBe(page);
    }
  });

  it("renders every page in a dry run and writes none", async () => {
    const { archive, citationsOf } = await load();
    const output = await tempDir("article-pages-dry");
    let rendered = 0;
    const counting = {
      ...renderers,
      articlePage: (...args: Parameters<typeof renderArticlePage>) => (rendered++, renderArticlePage(...args)),
    };
    const files = await writeArticlePages({ archive, articles: archive.articles, citationsOf, render: counting, output, dryRun: true });
    expect(rendered).toBe(archive.articles.length);
    for (const file of files) expect(existsSync(path.join(output, file))).toBe(false);
  });
});
