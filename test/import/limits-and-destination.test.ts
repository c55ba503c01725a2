/**
 * The importer writes only what `npm run check` accepts, and writes nothing
 * when it refuses: a page over a source's limit is refused unread, a line
 * longer than an article may be before splitting, an article over its limit
 * before writing, a runaway split by its item count; a destination it cannot
 * write in is named, with no stack trace. `npm run new` likewise.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportError, importFiles } from "../../src/import/index.ts";
import { MAX_ITEMS_PER_PAGE } from "../../src/import/import-pages.ts";
import { REPO, tempRoot } from "./support.ts";

let pages: string;
beforeAll(async () => {
  pages = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-limit-pages-"));
});

/** Every file under `root`, relative to it. */
const filesUnder = (root: string) => readdirSync(root, { recursive: true, encoding: "utf8" }).sort();

async function refusal(page: string, text: string | Buffer, options: { kind?: "article" } = {}): Promise<ImportError> {
  const file = path.join(pages, page);
  writeFileSync(file, text);
  const root = await tempRoot();
  const before = filesUnder(root);
  const error = await importFiles([file], { root, publication: "Limit Press", ...options }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportError);
  expect(filesUnder(root)).toEqual(before);
  return error as ImportError;
}

describe("the importer obeys the limits check enforces", () => {
  it("refuses a page over a source's limit before reading it", async () => {
    const error = await refusal("twenty-megabytes.txt", Buffer.alloc(20 * 1024 * 1024, "word "));
    expect(error.message).toMatch(/twenty-megabytes\.txt: the page is 20971520 bytes, more than the limit of 16777216 for a source/);
  });

  it("refuses a line longer than an article may be, before splitting the page", async () => {
    const error = await refusal("one-line.txt", `${"word ".repeat(1_000_000)}\n`);
    expect(error.message).toMatch(
      /one-line\.txt: line 1 is 5000000 bytes, more than the limit of 1048576 for a whole article; nothing was written/,
    );
  });

  it("refuses an article over its limit before writing anything", async () => {
    // Paragraphs that differ, since a line printed twice on a page is kept once.
    const paragraphs = Array.from(
      { length: 1_200 },
      (_, i) => `Paragraph ${i + 1}. ${"A sentence of the long article, with words in it. ".repeat(20)}\n\n`,
    );
    const error = await refusal("long-article.txt", `# A very long article\n\n${paragraphs.join("")}`, { kind: "article" });
    expect(error.message).toMatch(/1 file would be refused by `npm run check`; nothing was written/);
    expect(error.details).toEqual([
      expect.stringMatching(
        /^content\/articles\/limit-press\/a-very-long-article\.md:1: the file is \d+ bytes, more than the limit of 1048576$/,
      ),
    ]);
  });

  it("refuses a page that splits into more items than a page holds", async () => {
    const items = Array.from(
      { length: MAX_ITEMS_PER_PAGE + 1 },
      (_, i) =>
        `## Headline number ${i} about the strike\n\nA paragraph for item ${i}, long enough to be an article of its own, with several words.\n`,
    );
    const error = await refusal("runaway.txt", items.join("\n"));
    expect(error.message).toMatch(
      new RegExp(
        `runaway\\.txt: the page splits into ${MAX_ITEMS_PER_PAGE + 1} items, more than the limit of ${MAX_ITEMS_PER_PAGE} a page; nothing was written`,
      ),
    );
  });
});

/**
 * A folder this process cannot write in: as root, which writes anywhere, the
 * command runs as `nobody`, so its files are put where `nobody` can reach
 * them (the test run's own temporary folder is root's alone); otherwise the
 * folder is made read-only.
 */
const asRoot = process.getuid?.() === 0;
const shared: string[] = [];
afterAll(() => shared.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function reachableFolder(): string {
  const dir = mkdtempSync(path.join(asRoot ? "/tmp" : os.tmpdir(), "hemeroteca-unprivileged-"));
  chmodSync(dir, 0o755);
  shared.push(dir);
  return dir;
}

function runUnprivileged(args: string[], readOnly: string) {
  if (!asRoot) chmodSync(readOnly, 0o555);
  // tsx keeps its cache in the temporary folder: one the other user can write in.
  const tmp = reachableFolder();
  chmodSync(tmp, 0o777);
  const command = asRoot
    ? (["setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, ...args]] as const)
    : ([process.execPath, args] as const);
  const result = spawnSync(command[0], [...command[1]], { cwd: REPO, encoding: "utf8", env: { ...process.env, TMPDIR: tmp } });
  if (!asRoot) chmodSync(readOnly, 0o755);
  return result;
}

describe("a destination that cannot be written", () => {
  it("stops `npm run import` with the folder named, no stack trace, nothing written", () => {
    const root = reachableFolder();
    mkdirSync(path.join(root, "content"), { mode: 0o755 });
    const page = path.join(reachableFolder(), "page.txt");
    writeFileSync(page, "# A short page\n\nSome text of the page.\n", { mode: 0o644 });
    const result = runUnprivileged(
      ["--import", "tsx", "scripts/import.ts", "--root", root, "--publication", "Limit Press", page],
      path.join(root, "content"),
    );
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^import: cannot write in `content`: .*; nothing was written$/m);
    expect(result.stderr).not.toMatch(/ENOENT|mkdir|\n\s+at /);
    expect(filesUnder(root)).toEqual(["content"]);
  });

  it("stops `npm run new` the same way", () => {
    const root = reachableFolder();
    mkdirSync(path.join(root, "content/articles"), { recursive: true, mode: 0o755 });
    const result = runUnprivileged(
      ["--import", "tsx", "scripts/new.ts", "--root", root, "--title", "A new article", "--publication", "Limit Press", "--language", "en"],
      path.join(root, "content/articles"),
    );
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^new: cannot write in `content\/articles`: .*; nothing was written$/m);
    expect(result.stderr).not.toMatch(/ENOENT|mkdir|\n\s+at /);
    expect(filesUnder(root)).toEqual(["content", "content/articles"]);
  });
});
