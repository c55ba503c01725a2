/**
 * Each kept source is a page: every line of the file, numbered and anchored,
 * in runs that belong to the importer's header, to one article, or to none.
 * An article's "Source" links to its first line there. A source that is
 * missing or changed since import gets no page, and its articles no link.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../../src/archive/site-config.ts";
import { readSourcePages, sourceFileToUrl, sourceToSegments, type ReadSourcePages } from "../../../src/archive/source-pages.ts";
import type { ArticleCitations } from "../../../src/exports/citation-cache.ts";
import type { ArticleRecord } from "../../../src/records/article-record.ts";
import { render as renderArticle } from "../../../templates/article.11ty.ts";
import { render as renderSource } from "../../../templates/source.11ty.ts";
import { generatedRecords } from "../../support/generated-records.ts";

const citationsOf = (): ArticleCitations => ({ reference: "", "cite.bib": "", "cite.ris": "", "cite.json": "" });
const GOOD = "content/sources/unidad/issue-412.md";
const EDITED = "content/sources/unidad/edited.md";
const MISSING = "content/sources/unidad/missing.md";
const LINKED = "content/sources/unidad/linked.md";
const IN_LINKED_FOLDER = "content/sources/elsewhere/page.md";

const shaOf = (lines: string[]) =>
  createHash("sha256")
    .update(`${lines.join("\n")}\n`)
    .digest("hex");

function sourceText(lines: string[], edit = false): string {
  const text = `${lines.join("\n")}\n`;
  const sha = shaOf(lines);
  return `---\npublication: Unidad\nkind: listing\nsha256: ${sha}\n---\n${edit ? text.replace("Paro", "Pare") : text}`;
}

// Header lines 1-5; the page's text from line 6.
const PAGE = [
  "Unidad",
  "",
  "Paro nacional en el sur",
  "<script>window.pwned = 1</script> & más",
  "",
  "Menú · Suscríbase",
  "Marcha en Lima  ",
  "Miles marcharon.",
];

function from(record: ArticleRecord, file: string, lines: [number, number]): ArticleRecord {
  return { ...record, publication: "Unidad", publicationSlug: "unidad", source: { file, sha256: "0".repeat(64), lines } };
}

describe("source pages", () => {
  let root: string;
  let outside: string;
  let read: ReadSourcePages;
  const [paro, marcha, edited, missing, plain, linked, inLinkedFolder] = generatedRecords(7);
  const records = [
    from(paro!, GOOD, [8, 9]),
    from(marcha!, GOOD, [12, 13]),
    from(edited!, EDITED, [6, 6]),
    from(missing!, MISSING, [6, 6]),
    { ...plain!, source: undefined },
    from(linked!, LINKED, [6, 6]),
    from(inLinkedFolder!, IN_LINKED_FOLDER, [6, 6]),
  ];

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "hemeroteca-sources-"));
    await mkdir(path.join(root, "content/sources/unidad"), { recursive: true });
    await writeFile(path.join(root, GOOD), sourceText(PAGE));
    await writeFile(path.join(root, EDITED), sourceText(PAGE, true));
    // What the importer left out, and why, as it records beside the source.
    const dropped = [
      { line: 11, reason: "sign-up box <b>" },
      { line: 6, reason: "site name" },
      { line: 9, reason: "read-more link", partial: true },
    ];
    await writeFile(
      path.join(root, "content/sources/unidad/.issue-412.import.json"),
      JSON.stringify({ importer: 1, source: GOOD, sha256: shaOf(PAGE), articles: [], dropped }),
    );
    // A source that is a link, or in a folder that is one, could be any file of the machine.
    outside = await mkdtemp(path.join(tmpdir(), "hemeroteca-outside-"));
    await writeFile(path.join(outside, "page.md"), sourceText(PAGE));
    await symlink(path.join(outside, "page.md"), path.join(root, LINKED));
    await symlink(outside, path.join(root, "content/sources/elsewhere"));
    read = await readSourcePages(root, records);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it("names a page for each file under content/sources/<publication>/, and none for other paths", () => {
    expect(sourceFileToUrl(GOOD)).toBe("/sources/unidad/issue-412/");
    expect(sourceFileToUrl("content/sources/unidad/../../secret.md")).toBeUndefined();
    expect(sourceFileToUrl("content/articles/unidad/a.md")).toBeUndefined();
  });

  it("makes a page of a source as imported, and none of one missing, linked or changed since, saying why", () => {
    expect(read.pages.map((page) => page.file)).toEqual([GOOD]);
    expect(read.skipped).toEqual([
      { file: IN_LINKED_FOLDER, reason: "content/sources/elsewhere is a symbolic link" },
      { file: EDITED, reason: expect.stringContaining("has changed since import") },
      { file: LINKED, reason: `${LINKED} is a symbolic link` },
      { file: MISSING, reason: expect.stringContaining("cannot be read (ENOENT)") },
    ]);
  });

  it("puts every line in one run: header, each article's lines, and what is in none", () => {
    const [page] = read.pages;
    expect(page!.segments.map((s) => [s.kind, s.article?.id, s.firstLine, s.lines.length])).toEqual([
      ["header", undefined, 1, 5],
      ["left-out", undefined, 6, 2],
      ["article", paro!.id, 8, 2],
      ["left-out", undefined, 10, 2],
      ["article", marcha!.id, 12, 2],
    ]);
    expect(page!.segments.flatMap((s) => s.lines)).toEqual(sourceText(PAGE).split("\n").slice(0, -1));
  });

  it("notes, in the run that holds it, each line the importer's manifest says it left out", () => {
    const [page] = read.pages;
    expect(page!.segments.map((s) => s.leftOut.map((note) => note.line))).toEqual([[], [6], [9], [11], []]);
  });

  it("takes no reason from a manifest written for other text", async () => {
    const manifest = path.join(root, "content/sources/unidad/.issue-412.import.json");
    const kept = await readFile(manifest, "utf8");
    try {
      await writeFile(manifest, kept.replace(shaOf(PAGE), "0".repeat(64)));
      const again = await readSourcePages(root, records);
      expect(again.pages[0]!.segments.flatMap((segment) => segment.leftOut)).toEqual([]);
    } finally {
      await writeFile(manifest, kept);
    }
  });

  it("gives a line where ranges nest to the article that begins last, and ignores lines past the end", () => {
    const outer = from(paro!, GOOD, [2, 5]);
    const inner = from(marcha!, GOOD, [3, 3]);
    const segments = sourceToSegments(["a", "b", "c", "d", "e"], 1, [inner, outer]);
    expect(segments.map((s) => [s.kind, s.article?.id, s.firstLine, s.lines.length])).toEqual([
      ["left-out", undefined, 1, 1],
      ["article", paro!.id, 2, 1],
      ["article", marcha!.id, 3, 1],
      ["article", paro!.id, 4, 2],
    ]);
  });

  it("shows every line numbered and anchored, as text, with each run's article linked", () => {
    const archive = buildArchive(records, siteConfigFromEnv({}), read.pages);
    const html = renderSource({ archive, source: archive.sources[0]! });
    const lines = sourceText(PAGE).split("\n").length - 1;
    for (let line = 1; line <= lines; line++) expect(html).toContain(`id="L${line}"`);
    expect(html).not.toContain(`id="L${lines + 1}"`);
    expect(html).not.toContain("<script>window.pwned");
    expect(html).toContain("&lt;script&gt;window.pwned = 1&lt;/script&gt; &amp; más");
    expect(html).toContain(`<a href="${archive.byId.get(paro!.id)!.permalink}">`);
    expect(html).toMatch(/Lines 1–5: the importer(?:'|&#39;|&#x27;)s header/);
    expect(html).toContain("Lines 6–7: in no article");
    expect(html).toContain('<li><a href="#L6">Line 6</a> left out: site name</li>');
    expect(html).toContain('<li><a href="#L9">The end of line 9</a> left out: read-more link</li>');
    expect(html).toContain("left out: sign-up box &lt;b&gt;</li>");
    // A Markdown line break (two spaces) is kept, as references: no trailing blanks in the HTML.
    expect(html).toContain("Marcha en Lima&#32;&#32;\n</span>");
  });

  it("links an article's Source to its first line on the page, and leaves it as text without a page", () => {
    const archive = buildArchive(records, siteConfigFromEnv({}), read.pages);
    const article = (record: ArticleRecord) => renderArticle({ archive, article: archive.byId.get(record.id)!, citationsOf });
    expect(article(paro!)).toContain(`<a href="/sources/unidad/issue-412/#L8"><code>${GOOD}</code></a>, lines 8–9`);
    expect(article(edited!)).toContain(`<dd><code>${EDITED}</code>, lines 6–6</dd>`);
  });
});
