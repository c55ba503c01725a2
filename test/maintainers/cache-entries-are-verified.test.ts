/**
 * Nothing in the build caches is trusted by its size: an entry of every kind
 * (parsed records, citations, feed documents, data exports, search bundles,
 * the output ledger) edited in place without changing its size, or replaced
 * by a folder, is dropped with a note on stderr and made again, and the site
 * is byte for byte the one built without it.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();
const ARTICLES = "test/fixtures/basic/content/articles";

/** Every file under `dir` (relative, `/`) with the sha256 of its bytes. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join("/"), createHash("sha256").update(readFileSync(full)).digest("hex"));
  }
  return files;
}

/** The first file under `dir` whose relative path `matches`. */
function fileIn(dir: string, matches: (file: string) => boolean): string {
  const file = [...tree(dir).keys()].sort().find(matches);
  if (!file) throw new Error(`no file under ${dir} matches`);
  return path.join(dir, file);
}

/** Changes one byte of a file's text (a letter to another), keeping its size and modification time. */
function alterInPlace(file: string, at = (text: string) => text.search(/[a-z]{4}/)): Buffer {
  const { atime, mtime } = statSync(file);
  const bytes = readFileSync(file);
  const position = at(bytes.toString("latin1"));
  if (position < 0) throw new Error(`nothing to alter in ${file}`);
  bytes[position] = bytes[position] === 0x78 ? 0x79 : 0x78;
  writeFileSync(file, bytes);
  utimesSync(file, atime, mtime);
  return bytes;
}

/** Replaces a file with a folder of the same name. */
function folderInPlaceOf(file: string): void {
  rmSync(file);
  mkdirSync(path.join(file, "inside"), { recursive: true });
}

function mustBuild(result: BuildResult): BuildResult {
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stderr}`);
  return result;
}

/** Pagefind's files hold hashes made afresh by each indexing: a bundle made again is compared by its tampered bytes instead. */
const isIndex = (file: string) => file.startsWith("pagefind/");
const withoutIndex = (files: Map<string, string>) => new Map([...files].filter(([file]) => !isIndex(file)));

describe("a build with damaged cache entries", () => {
  let cache: string;
  let first: string;
  let firstTree: Map<string, string>;
  beforeAll(async () => {
    cache = await tempDir("verified-cache");
    first = path.join(await tempDir("verified-site"), "site");
    mustBuild(buildSite(ARTICLES, { output: first, cacheDir: cache }));
    firstTree = tree(first);
  }, 180_000);

  it("drops each entry edited without changing its size, says so, and publishes the site as made afresh", async () => {
    const record = fileIn(path.join(cache, "records"), (file) => file.endsWith(".json"));
    const feed = fileIn(path.join(cache, "feeds"), (file) => file.endsWith(".xml"));
    const exportCsv = fileIn(path.join(cache, "exports"), (file) => file.endsWith("data/archive.csv"));
    const fragment = fileIn(path.join(cache, "pagefind"), (file) => file.includes("/fragment/"));
    alterInPlace(record, (text) => text.indexOf('"title":"') + 10);
    alterInPlace(path.join(cache, "citations.json"), (text) => text.indexOf("@article{") + 10);
    alterInPlace(feed, (text) => text.indexOf("<title>") + 8);
    alterInPlace(exportCsv, (text) => text.indexOf("\r\n") + 5);
    const tamperedFragment = createHash("sha256")
      .update(alterInPlace(fragment, () => 20))
      .digest("hex");

    const second = path.join(await tempDir("verified-site"), "site");
    const result = mustBuild(buildSite(ARTICLES, { output: second, cacheDir: cache }));
    for (const entry of [record, path.join(cache, "citations.json"), feed]) {
      expect(result.stderr, entry).toContain(
        `the cache entry \`${entry}\` does not match its checksum (cut short or altered): dropped, and made again`,
      );
    }
    expect(result.stderr).toMatch(/the cache entry `[^`]*exports[^`]*` holds a file that is not as it was kept/);
    expect(result.stderr).toMatch(/the cache entry `[^`]*pagefind[^`]*` holds a file that is not as it was kept/);
    const secondTree = tree(second);
    expect(withoutIndex(secondTree)).toEqual(withoutIndex(firstTree));
    expect([...secondTree.values()]).not.toContain(tamperedFragment);
    expect([...secondTree.keys()].filter(isIndex).length).toBeGreaterThan(0);
  }, 180_000);

  it("drops each entry replaced by a folder, says so, and builds", async () => {
    const record = fileIn(path.join(cache, "records"), (file) => file.endsWith(".json"));
    const feed = fileIn(path.join(cache, "feeds"), (file) => file.endsWith(".json"));
    const manifest = fileIn(path.join(cache, "exports"), (file) => file === "manifest.json");
    const exportFile = fileIn(path.join(cache, "exports"), (file) => file.endsWith("data/archive.jsonl"));
    for (const file of [record, path.join(cache, "citations.json"), feed, manifest]) folderInPlaceOf(file);
    const third = path.join(await tempDir("verified-site"), "site");
    const result = mustBuild(buildSite(ARTICLES, { output: third, cacheDir: cache }));
    for (const entry of [record, path.join(cache, "citations.json"), feed, manifest]) {
      expect(result.stderr, entry).toContain(`the cache entry \`${entry}\` is a folder, not a file: dropped, and made again`);
    }
    expect(result.stderr).not.toContain("EISDIR");
    expect(withoutIndex(tree(third))).toEqual(withoutIndex(firstTree));
    // The export entry was made again, and a kept file replaced by a folder is a bad entry too.
    folderInPlaceOf(fileIn(path.join(cache, "exports"), (file) => file.endsWith("data/archive.jsonl")));
    const fourth = path.join(await tempDir("verified-site"), "site");
    const again = mustBuild(buildSite(ARTICLES, { output: fourth, cacheDir: cache }));
    expect(again.stderr).toMatch(/the cache entry `[^`]*exports[^`]*` holds a file that is not as it was kept/);
    expect(withoutIndex(tree(fourth))).toEqual(withoutIndex(firstTree));
    expect(exportFile).toBeTruthy();
  }, 240_000);

  it("writes again a site file edited in place with its size and time kept, which the ledger vouched for", async () => {
    const page = fileIn(first, (file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file));
    const citation = fileIn(first, (file) => file.endsWith("/cite.bib"));
    alterInPlace(page, (text) => text.indexOf("<h1") + 2);
    alterInPlace(citation, (text) => text.indexOf("title") + 1);
    mustBuild(buildSite(ARTICLES, { output: first, cacheDir: cache }));
    expect(withoutIndex(tree(first))).toEqual(withoutIndex(firstTree));
  }, 180_000);

  it("goes on without a cache folder it cannot write, with a warning", async () => {
    const blocked = path.join(await tempDir("verified-cache"), "cache");
    writeFileSync(blocked, "a file where the cache folder should be\n");
    const output = path.join(await tempDir("verified-site"), "site");
    const result = mustBuild(buildSite(ARTICLES, { output, cacheDir: blocked }));
    expect(result.stderr).toMatch(/warning: cannot write/);
    expect(withoutIndex(tree(output))).toEqual(withoutIndex(firstTree));
  }, 180_000);
});
