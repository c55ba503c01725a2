/**
 * The build writes list and redirect pages itself, outside Eleventy's
 * pagination (src/build/output/write-list-pages.ts): each page is its
 * template's page, at its address's file; a dry run renders them and writes
 * none; each written page is told, for the output ledger.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArchive } from "../../../../src/archive/load-archive.ts";
import { siteConfigFromEnv } from "../../../../src/archive/site-config.ts";
import { permalinkToFile } from "../../../../src/build/output/pages-to-write.ts";
import { writeListPages } from "../../../../src/build/output/write-list-pages.ts";
import { render as list } from "../../../../templates/list.11ty.ts";
import { render as redirect } from "../../../../templates/redirects.11ty.ts";
import { projectRoot } from "../../../support/build-site.ts";
import { temporaryFolders } from "../../../support/temp-dirs.ts";

const tempDir = temporaryFolders();

describe("list and redirect pages written by the build", () => {
  const load = async () =>
    (await loadArchive({ root: path.join(projectRoot, "test/fixtures/basic"), site: siteConfigFromEnv({}) })).archive;

  it("writes each list and redirect page as its template renders it, at its address's file, and tells each one written", async () => {
    const archive = await load();
    const output = await tempDir("list-pages");
    const told = new Map<string, string>();
    const files = await writeListPages({
      archive,
      listPages: archive.listPages,
      redirects: archive.redirects,
      render: { list, redirect },
      output,
      dryRun: false,
      written: (file, page) => told.set(file, page),
    });
    expect(archive.listPages.length).toBeGreaterThan(1);
    expect(archive.redirects.length).toBeGreaterThan(1);
    expect(files).toEqual([
      ...archive.listPages.map((listPage) => permalinkToFile(listPage.url)),
      ...archive.redirects.map((page) => permalinkToFile(page.from)),
    ]);
    expect(new Set(files).size).toBe(files.length);
    for (const listPage of archive.listPages) {
      const file = permalinkToFile(listPage.url);
      expect(await readFile(path.join(output, file), "utf8")).toBe(list({ archive, listPage }));
      expect(told.get(file)).toBe(list({ archive, listPage }));
    }
    for (const page of archive.redirects) {
      const file = permalinkToFile(page.from);
      expect(await readFile(path.join(output, file), "utf8")).toBe(redirect({ archive, redirect: page }));
      expect(told.get(file)).toBe(redirect({ archive, redirect: page }));
    }
  });

  it("renders every page in a dry run and writes none", async () => {
    const archive = await load();
    const output = await tempDir("list-pages-dry");
    let rendered = 0;
    const counting = {
      list: (...args: Parameters<typeof list>) => (rendered++, list(...args)),
      redirect: (...args: Parameters<typeof redirect>) => (rendered++, redirect(...args)),
    };
    const files = await writeListPages({
      archive,
      listPages: archive.listPages,
      redirects: archive.redirects,
      render: counting,
      output,
      dryRun: true,
    });
    expect(rendered).toBe(archive.listPages.length + archive.redirects.length);
    for (const file of files) expect(existsSync(path.join(output, file))).toBe(false);
  });
});
