/**
 * `npm start` writes a saved article's page before the rebuild, from its new
 * record and the last build's Archive (src/site/quick-preview.ts): for an edit
 * that keeps the article's address, the page is byte for byte the one the
 * rebuild makes of the edited archive; an article that moves, a file with a
 * problem, and a file that is no article are left to the rebuild.
 */
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadArchive } from "../../../src/archive/load-archive.ts";
import { siteConfigFromEnv } from "../../../src/archive/site-config.ts";
import { CitationCache } from "../../../src/exports/citation-cache.ts";
import { permalinkToFile } from "../../../src/build/output/pages-to-write.ts";
import { writeArticlePreviews } from "../../../src/site/quick-preview.ts";
import { articlePageContext, render, renderArticlePage } from "../../../templates/article.11ty.ts";
import { projectRoot } from "../../support/build-site.ts";
import { temporaryFolders } from "../../support/temp-dirs.ts";

const tempDir = temporaryFolders();
const site = siteConfigFromEnv({});

describe("a saved article's page ahead of the rebuild", () => {
  let root: string;
  let output: string;
  const file = "content/articles/iwo/a.md";

  const load = async () => (await loadArchive({ root, site })).archive;
  const preview = async (changed: string[]) => {
    const archive = await load();
    const citations = await CitationCache.open(undefined);
    return async () =>
      writeArticlePreviews({
        root,
        archive,
        citationsOf: citations.citationsFor(archive),
        output,
        changed,
        render: { articleContext: articlePageContext, articlePage: renderArticlePage },
      });
  };
  const edit = async (change: (text: string) => string) =>
    writeFile(path.join(root, file), change(await readFile(path.join(root, file), "utf8")));

  beforeEach(async () => {
    root = await tempDir("preview-project");
    await cp(path.join(projectRoot, "test/fixtures/basic/content"), path.join(root, "content"), { recursive: true });
    output = await tempDir("preview-site");
    await mkdir(path.join(output, "2023/01/09/police-massacre-in-juliaca"), { recursive: true });
  });

  it("is the page the rebuild makes, for an edit that keeps the address", async () => {
    const write = await preview([file]);
    await edit((text) => `${text}\nA sentence added while the site is served.\n`);
    const written = await write();
    expect(written).toEqual(["2023/01/09/police-massacre-in-juliaca/index.html"]);
    const page = await readFile(path.join(output, written[0]!), "utf8");
    expect(page).toContain("A sentence added while the site is served.");

    const rebuilt = await load();
    const citations = await CitationCache.open(undefined);
    const article = rebuilt.articles.find((a) => a.file === file)!;
    expect(permalinkToFile(article.permalink)).toBe(written[0]);
    expect(page).toBe(render({ archive: rebuilt, article, citationsOf: citations.citationsFor(rebuilt) }));
  });

  it("is left to the rebuild for an article that moves, a file with a problem, or a file that is no article", async () => {
    const write = await preview([file, "content/articles/iwo/new.md", "templates/article.11ty.ts"]);
    await edit((text) => text.replace("date: 2023-01-09", "date: 2023-01-10"));
    expect(await write()).toEqual([]);
    await edit((text) => text.replace("date: 2023-01-10", "date: 2023-01-09").replace("title: Police", "title: [Police"));
    expect(await write()).toEqual([]);
  });
});
