/**
 * The search index is reused when no search record changed, and written
 * again when one did: first with a stand-in indexer (fast, exact call
 * counts), then end to end with Eleventy and Pagefind.
 */
import { createHash } from "node:crypto";
import { cp, readdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildArchive, type Archive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { timingsFromOutput } from "../../src/bench/run-build.ts";
import { generatedRecords } from "../support/generated-records.ts";
import { recordDigest } from "../../src/records/record-digest.ts";
import { archiveToBundles } from "../../src/site/search-bundles.ts";
import { writeSearchIndexCached } from "../../src/site/search-index-cache.ts";
import { buildSite, projectRoot } from "../support/build-site.ts";
import { fileHashes } from "../support/site-tree.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const folders = temporaryFolders();
const tempDir = () => folders("search-cache");

describe("search index reuse, with a stand-in indexer", () => {
  const site = siteConfigFromEnv({});
  let calls = 0;
  const write = async (archive: Archive, outputPath: string) => {
    calls++;
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(outputPath, "fragment"), { recursive: true });
    await writeFile(path.join(outputPath, "pagefind-entry.json"), JSON.stringify({ pages: archive.articles.length, call: calls }));
    await writeFile(path.join(outputPath, "fragment", "a.pf_fragment"), archive.articles.map((a) => archive.bodyOf(a).text).join("\n"));
    return { pages: archive.articles.length };
  };

  it("indexes once, restores the kept index while nothing indexed changes, and indexes again after an edit", async () => {
    const cacheDir = path.join(await tempDir(), "pagefind");
    const base = generatedRecords(8);

    const first = path.join(await tempDir(), "pagefind");
    const one = await writeSearchIndexCached(buildArchive(base, site), first, { cacheDir, write });
    expect(one).toMatchObject({ reused: false, pages: 8 });
    expect(calls).toBe(1);

    const second = path.join(await tempDir(), "pagefind");
    const two = await writeSearchIndexCached(buildArchive(base, site), second, { cacheDir, write });
    expect(two).toMatchObject({ reused: true, pages: 8, hash: one.hash });
    expect(calls).toBe(1);
    expect(await fileHashes(second)).toEqual(await fileHashes(first));

    // Fields the index does not hold (the body's HTML, the file's path) change nothing.
    const moved = base.map((r, i) => (i === 2 ? { ...r, file: "content/articles/moved.md", html: `${r.html}<p>x</p>` } : r));
    expect(await writeSearchIndexCached(buildArchive(moved, site), path.join(await tempDir(), "pagefind"), { cacheDir, write })).toMatchObject({ reused: true });
    expect(calls).toBe(1);

    const edited = base.map((r, i) => (i === 2 ? { ...r, text: `${r.text} An edit.` } : r));
    const third = path.join(await tempDir(), "pagefind");
    const three = await writeSearchIndexCached(buildArchive(edited, site), third, { cacheDir, write });
    expect(three.reused).toBe(false);
    expect(three.hash).not.toBe(one.hash);
    expect(calls).toBe(2);
    expect(await readFile(path.join(third, "fragment", "a.pf_fragment"), "utf8")).toContain("An edit.");
  });

  it("puts a kept bundle back by its records' digests, without making its search records, once a build has noted them", async () => {
    const cacheDir = path.join(await tempDir(), "pagefind");
    const archive = buildArchive(generatedRecords(8), site);
    const digests = archive.articles.map(recordDigest);
    const before = calls;
    const out = async () => path.join(await tempDir(), "pagefind");
    // Made by a build that gave no digests: the kept bundle is known by its hash alone.
    const one = await writeSearchIndexCached(archive, await out(), { cacheDir, write });
    // With digests, it is found by its hash, and the digests are noted with it.
    expect(await writeSearchIndexCached(archive, await out(), { cacheDir, write, digests })).toMatchObject({ reused: true, hash: one.hash });
    // Records that come with the same digests are taken for the same: their search records are not made, so text
    // the kept index does not hold goes unseen (a digest names its whole record, so in a build this cannot happen).
    const unseen = buildArchive(archive.articles.map((article) => ({ ...article, ...archive.bodyOf(article), text: `${archive.bodyOf(article).text} Unseen.` })), site);
    const three = await writeSearchIndexCached(unseen, await out(), { cacheDir, write, digests });
    expect(three).toMatchObject({ reused: true, hash: one.hash });
    expect(calls).toBe(before + 1);
    // Their own digests differ: the search records are hashed, and the index is made again.
    const four = path.join(await tempDir(), "pagefind");
    expect(await writeSearchIndexCached(unseen, four, { cacheDir, write, digests: unseen.articles.map(recordDigest) })).toMatchObject({ reused: false });
    expect(calls).toBe(before + 2);
    expect(await readFile(path.join(four, "fragment", "a.pf_fragment"), "utf8")).toContain("Unseen.");
    // A record changed outside the index (its HTML) has another digest, but the same search record: kept, and noted.
    const restyled = buildArchive(unseen.articles.map((article, i) => ({ ...article, ...unseen.bodyOf(article), ...(i === 3 ? { html: `${unseen.bodyOf(article).html}<p>x</p>` } : {}) })), site);
    const restyledDigests = restyled.articles.map(recordDigest);
    expect(restyledDigests).not.toEqual(unseen.articles.map(recordDigest));
    expect(await writeSearchIndexCached(restyled, await out(), { cacheDir, write, digests: restyledDigests })).toMatchObject({ reused: true });
    expect(calls).toBe(before + 2);
  });

  it("indexes again when a kept file is missing or damaged", async () => {
    const cacheDir = path.join(await tempDir(), "pagefind");
    const archive = buildArchive(generatedRecords(3), site);
    const before = calls;
    const { hash } = await writeSearchIndexCached(archive, path.join(await tempDir(), "out"), { cacheDir, write });
    const kept = path.join(cacheDir, "all", hash);
    await writeFile(path.join(kept, "pagefind-entry.json"), "{}");
    expect(await writeSearchIndexCached(archive, path.join(await tempDir(), "out"), { cacheDir, write })).toMatchObject({ reused: false });
    await unlink(path.join(kept, "fragment", "a.pf_fragment"));
    expect(await writeSearchIndexCached(archive, path.join(await tempDir(), "out"), { cacheDir, write })).toMatchObject({ reused: false });
    expect(calls).toBe(before + 3);
    expect(await writeSearchIndexCached(archive, path.join(await tempDir(), "out"), { cacheDir, write })).toMatchObject({ reused: true });
  });
});

describe("search index written over the last one", () => {
  it("answers this index's files only, so the build's prune removes those of the last", async () => {
    const site = siteConfigFromEnv({});
    const cacheDir = path.join(await tempDir(), "pagefind");
    const output = path.join(await tempDir(), "pagefind");
    const write = async (archive: Archive, outputPath: string) => {
      const { mkdir } = await import("node:fs/promises");
      await mkdir(path.join(outputPath, "fragment"), { recursive: true });
      // Pagefind names its files by their content.
      const text = archive.articles.map((a) => archive.bodyOf(a).text).join("\n");
      await writeFile(path.join(outputPath, "fragment", `${createHash("sha256").update(text).digest("hex").slice(0, 8)}.pf_fragment`), text);
      return { pages: archive.articles.length };
    };
    const base = generatedRecords(4);
    const one = await writeSearchIndexCached(buildArchive(base, site), output, { cacheDir, write });
    const edited = base.map((r, i) => (i === 0 ? { ...r, text: `${r.text} An edit.` } : r));
    const two = await writeSearchIndexCached(buildArchive(edited, site), output, { cacheDir, write });
    expect(one.files).toHaveLength(2);
    expect(two.files).toHaveLength(2);
    expect(two.files).toContain("bundles.json");
    expect(two.files.filter((file) => one.files.includes(file))).toEqual(["bundles.json"]);
    expect(Object.keys(await fileHashes(output)).sort()).toEqual([...new Set([...one.files, ...two.files])].sort());
  });
});

describe("search index reuse, end to end", () => {
  const fixture = path.join(projectRoot, "test/fixtures/basic/content/articles");
  let cacheDir: string;
  let articles: string;
  let builds: Array<ReturnType<typeof buildSite>>;

  beforeAll(async () => {
    cacheDir = path.join(await tempDir(), "cache");
    articles = path.join(await tempDir(), "articles");
    await cp(fixture, articles, { recursive: true });
    const env = { HEMEROTECA_TIMINGS: "1" };
    builds = [buildSite(articles, { cacheDir, env }), buildSite(articles, { cacheDir, env })];
    const [first] = (await readdir(articles, { recursive: true })).filter((name) => name.endsWith(".md")).sort();
    const file = path.join(articles, first!);
    await writeFile(file, `${await readFile(file, "utf8")}\nA sentence added by an editor.\n`);
    builds.push(buildSite(articles, { cacheDir, env }));
  });

  it("builds three times", () => {
    for (const build of builds) expect(build.status, build.stderr).toBe(0);
  });

  it("indexes on the first build and restores the same index on the second", async () => {
    const [first, second] = builds.map((build) => timingsFromOutput(build.stderr));
    expect(first).toMatchObject({ indexReused: false });
    expect(second).toMatchObject({ indexReused: true, parsed: 0 });
    const [a, b] = [await fileHashes(path.join(builds[0]!.output, "pagefind")), await fileHashes(path.join(builds[1]!.output, "pagefind"))];
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(b).toEqual(a);
  });

  it("indexes again after one article is edited", async () => {
    expect(timingsFromOutput(builds[2]!.stderr)).toMatchObject({ indexReused: false, parsed: 1 });
    expect(await fileHashes(path.join(builds[2]!.output, "pagefind"))).not.toEqual(await fileHashes(path.join(builds[0]!.output, "pagefind")));
  });
});

describe("search index bundles", () => {
  const site = siteConfigFromEnv({});

  it("indexes each date range as a bundle listed in bundles.json, and re-indexes only the edited article's bundle", async () => {
    const cacheDir = path.join(await tempDir(), "pagefind");
    const written: string[][] = [];
    const write = async (archive: Archive, outputPath: string) => {
      written.push(archive.articles.map((a) => a.id));
      await writeFile(path.join(outputPath, "pagefind-entry.json"), JSON.stringify(archive.articles.map((a) => archive.bodyOf(a).text)));
      return { pages: archive.articles.length };
    };
    const base = generatedRecords(40);
    const expected = archiveToBundles(buildArchive(base, site).articles, 8);
    expect(expected.length).toBeGreaterThan(3);
    const first = path.join(await tempDir(), "pagefind");
    const one = await writeSearchIndexCached(buildArchive(base, site), first, { cacheDir, write, shardSize: 8 });
    expect(one).toMatchObject({ shards: expected.length, reusedShards: 0, reused: false, pages: 40 });
    expect(written).toEqual(expected.map((bundle) => bundle.articles.map((a) => a.id)));
    const folders = expected.map((bundle, index) => (index ? `/pagefind/${bundle.name}/` : "/pagefind/"));
    expect(JSON.parse(await readFile(path.join(first, "bundles.json"), "utf8"))).toEqual({
      bundles: expected.map((bundle, index) => ({ path: folders[index], dated: bundle.dated })),
    });
    expect(Object.keys(await fileHashes(first)).sort()).toEqual(["bundles.json", ...folders.map((folder) => `${folder.slice("/pagefind/".length)}pagefind-entry.json`)].sort());
    expect((await readdir(cacheDir)).sort()).toEqual(expected.map((bundle) => bundle.name).sort());

    const target = expected.at(-2)!;
    const editedId = target.articles[0]!.id;
    const edited = base.map((r) => (r.id === editedId ? { ...r, text: `${r.text} An edit.` } : r));
    const two = await writeSearchIndexCached(buildArchive(edited, site), path.join(await tempDir(), "pagefind"), { cacheDir, write, shardSize: 8 });
    expect(two).toMatchObject({ shards: expected.length, reusedShards: expected.length - 1, reused: false });
    expect(written.slice(expected.length)).toEqual([target.articles.map((a) => a.id)]);

    // One bundle when the archive fits: the site is what it was without bundles, and the kept ranges go.
    const whole = path.join(await tempDir(), "pagefind");
    expect(await writeSearchIndexCached(buildArchive(base, site), whole, { cacheDir, write })).toMatchObject({ shards: 1 });
    expect(JSON.parse(await readFile(path.join(whole, "bundles.json"), "utf8"))).toEqual({ bundles: [{ path: "/pagefind/", dated: true }] });
    expect(await readdir(cacheDir)).toEqual(["all"]);
  });
});
