/**
 * What the archive already holds is recognised, not copied: the same page
 * saved under another file name is a re-import of its kept copy, and an item
 * already kept from another page is dropped to the report naming the article
 * that holds it. Placeholder words stand for an article's text.
 */
import { copyFile, mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { importFiles } from "../../src/import/index.ts";
import { expectEveryLineAccounted, rawPage, SHARED, tempRoot, writePage, placeholderParagraph } from "./support.ts";

let root: string;
let dir: string;

beforeEach(async () => {
  root = await tempRoot();
  dir = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-raw-"));
});

async function articleFiles(): Promise<string[]> {
  const entries = await readdir(path.join(root, "content/articles"), { recursive: true }).catch(() => [] as string[]);
  return entries.filter((entry) => entry.endsWith(".md")).sort();
}

const paragraph = (shift: number) => placeholderParagraph(shift, { stride: 5 });
const ARTICLE = ["Harbour lights over the quiet valley", "", paragraph(0), "", paragraph(1), "", paragraph(2), ""].join("\n");

describe("the same page saved under another name", () => {
  it("is imported again as its kept copy: no second copy, no suffixed articles", async () => {
    const { file, publication } = SHARED["001"];
    const first = await importFiles([await rawPage(file, dir)], { root, publication });
    const before = await articleFiles();
    const renamed = path.join(dir, "saved-again.txt");
    await copyFile(await rawPage(file, dir), renamed);

    const again = await importFiles([renamed], { root, publication });
    expect(again.warnings.join("\n")).toContain(`the same page (same text) is already kept as ${file}`);
    expect(again.files.map((planned) => planned.status)).toEqual(first.files.map(() => "unchanged"));
    expect(again.records.map((record) => record.id)).toEqual(first.records.map((record) => record.id));
    expect(again.records.some((record) => /-2$/.test(record.id!))).toBe(false);
    expect(await articleFiles()).toEqual(before);
  });

  it("under another publication is a page of its own", async () => {
    const { file, publication } = SHARED["001"];
    await importFiles([await rawPage(file, dir)], { root, publication });
    const renamed = path.join(dir, "saved-again.txt");
    await copyFile(await rawPage(file, dir), renamed);
    const other = await importFiles([renamed], { root, publication: "Another Outlet", dryRun: true });
    expect(other.files.find((planned) => planned.role === "source")!.file).toBe("content/sources/another-outlet/saved-again.md");
  });
});

describe("an item already kept from another page", () => {
  it("is dropped to the report naming the article that holds it, and its lines stay accounted for", async () => {
    const url = "https://example.org/placeholder-article";
    const first = await importFiles([await writePage(dir, "article.txt", ARTICLE)], {
      root,
      publication: "Example Outlet",
      url,
      kind: "article",
    });
    expect(first.records).toHaveLength(1);
    const held = first.files.find((planned) => planned.role === "article")!.file;

    // The same article saved again with the site's chrome around it: a different page.
    const again = await writePage(dir, "article-again.txt", `Menu\n\n${ARTICLE}\nShare this\n`);
    const second = await importFiles([again], { root, publication: "Example Outlet", url, kind: "article" });
    expect(second.records).toHaveLength(0);
    const dropped = second.reports[0]!.dropped.filter((entry) => entry.reason.includes(`already in the archive as ${held}`));
    expect(dropped.map((entry) => entry.text)).toEqual(expect.arrayContaining(["Harbour lights over the quiet valley", paragraph(0)]));
    expect(second.warnings.join("\n")).toContain(`already in the archive as ${held} (same address, title and text)`);
    expect(second.files.filter((planned) => planned.role === "article")).toEqual([]);
    await expectEveryLineAccounted(second, root);
    expect(await articleFiles()).toHaveLength(1);
  });

  it("is written when its text differs", async () => {
    const url = "https://example.org/placeholder-article";
    await importFiles([await writePage(dir, "article.txt", ARTICLE)], { root, publication: "Example Outlet", url, kind: "article" });
    const changed = ARTICLE.replace(paragraph(2), paragraph(3));
    const second = await importFiles([await writePage(dir, "article-changed.txt", changed)], {
      root,
      publication: "Example Outlet",
      url,
      kind: "article",
    });
    expect(second.records).toHaveLength(1);
    expect(second.records[0]!.id).toMatch(/-2$/);
  });

  it("is written when another publication prints it (each outlet's record)", async () => {
    const url = "https://example.org/placeholder-article";
    await importFiles([await writePage(dir, "article.txt", ARTICLE)], { root, publication: "Example Outlet", url, kind: "article" });
    const other = await importFiles([await writePage(dir, "syndicated.txt", `Menu\n\n${ARTICLE}`)], {
      root,
      publication: "Another Outlet",
      url,
      kind: "article",
    });
    expect(other.records).toHaveLength(1);
    expect(other.reports[0]!.dropped.some((entry) => entry.reason.includes("already in the archive"))).toBe(false);
  });
});
