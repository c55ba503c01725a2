/**
 * The search index is reused when no search record changed, and written
 * again when one did: first with a stand-in indexer (fast, exact call
 * counts), then end to end with Eleventy and Pagefind.
 */
import { cp, readdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { timingsFromOutput } from "../../src/bench/run-build.ts";
import { generatedRecords } from "../support/generated-records.ts";
import { recordDigest } from "../../src/records/record-digest.ts";
import { archiveToBundles } from "../../src/search-index/search-bundles.ts";
import { writeSearchIndexCached, type SearchBundles } from "../../src/search-index/search-index-cache.ts";
import { articleToSearchRecord } from "../../src/search-index/pagefind-index.ts";
import { buildSite, projectRoot } from "../support/build-site.ts";
import { fileHashes } from "../support/site-tree.ts";
import { standInIndexer } from "../support/stand-in-indexer.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const folders = temporaryFolders();
const tempDir = () => folders("search-cache");

const manifestOf = async (folder: string) => JSON.parse(await readFile(path.join(folder, "bundles.json"), "utf8")) as SearchBundles;

describe("search index reuse, with a stand-in indexer", () => {
  const site = siteConfigFromEnv({});
  const out = async () => path.join(await tempDir(), "pagefind");

  it("indexes once, puts the kept index back while nothing indexed changes, and indexes only an edited article again", async () => {
    const cacheDir = path.join(await tempDir(), "pagefind");
    const write = standInIndexer();
    const base = generatedRecords(8);

    const first = await out();
    const one = await writeSearchIndexCached(buildArchive(base, site), first, { cacheDir, write });
    expect(one).toMatchObject({ reused: false, pages: 8, mainMade: true, recent: 0, hidden: 0 });
    expect(write.calls).toHaveLength(1);

    const second = await out();
    const two = await writeSearchIndexCached(buildArchive(base, site), second, { cacheDir, write });
    expect(two).toMatchObject({ reused: true, pages: 8, hash: one.hash, mainMade: false, recent: 0 });
    expect(write.calls).toHaveLength(1);
    expect(await fileHashes(second)).toEqual(await fileHashes(first));

    // Fields the index does not hold (the body's HTML, the file's path) change nothing.
    const moved = base.map((r, i) => (i === 2 ? { ...r, file: "content/articles/moved.md", html: `${r.html}<p>x</p>` } : r));
    expect(await writeSearchIndexCached(buildArchive(moved, site), await out(), { cacheDir, write })).toMatchObject({ reused: true });
    expect(write.calls).toHaveLength(1);

    const edited = base.map((r, i) => (i === 2 ? { ...r, text: `${r.text} An edit.` } : r));
    const third = await out();
    const three = await writeSearchIndexCached(buildArchive(edited, site), third, { cacheDir, write });
    expect(three).toMatchObject({ reused: false, mainMade: false, recent: 1, hidden: 1, hash: one.hash });
    expect(write.calls.at(-1)).toEqual([base[2]!.id]);
    const recentFragments = await readdir(path.join(third, "recent", "fragment"));
    expect(recentFragments).toHaveLength(1);
    // The main index is put back; its page of the edited article is hidden, with the filter values it counts under,
    // and that page's fragment (the article's old text) is not published.
    const { parts, recent } = await manifestOf(third);
    expect(Object.keys(parts[0]!.hidden)).toHaveLength(1);
    const [hiddenPage] = Object.keys(parts[0]!.hidden);
    const mainFragments = await readdir(path.join(third, "fragment"));
    expect(mainFragments).not.toContain(`${hiddenPage}.pf_fragment`);
    expect(mainFragments).toHaveLength(base.length - 1);
    expect(Object.values(parts[0]!.hidden)[0]).toEqual(articleToSearchRecord(base[2]!).filters);
    expect(recent?.path).toBe("/pagefind/recent/");

    // The same edit again: nothing to make.
    expect(await writeSearchIndexCached(buildArchive(edited, site), await out(), { cacheDir, write })).toMatchObject({
      reused: true,
      recent: 1,
    });
    expect(write.calls).toHaveLength(2);
    // Edited back: nothing is recent, nothing hidden.
    const back = await out();
    expect(await writeSearchIndexCached(buildArchive(base, site), back, { cacheDir, write })).toMatchObject({
      reused: true,
      recent: 0,
      hidden: 0,
    });
    expect((await manifestOf(back)).recent).toBeUndefined();
  });

  it("hides a removed article's page without making a recent index, and makes the main index again past the limit", async () => {
    const cacheDir = path.join(await tempDir(), "pagefind");
    const write = standInIndexer();
    const base = generatedRecords(10);
    await writeSearchIndexCached(buildArchive(base, site), await out(), { cacheDir, write, recentLimit: 2 });
    const removed = await out();
    expect(await writeSearchIndexCached(buildArchive(base.slice(1), site), removed, { cacheDir, write, recentLimit: 2 })).toMatchObject({
      recent: 0,
      hidden: 1,
      mainMade: false,
    });
    expect(write.calls).toHaveLength(1);
    expect((await manifestOf(removed)).recent).toBeUndefined();
    // One removed and one edited: two changes, within the limit.
    const edit = (records: typeof base, count: number) => records.map((r, i) => (i < count ? { ...r, text: `${r.text} An edit.` } : r));
    expect(
      await writeSearchIndexCached(buildArchive(edit(base.slice(1), 1), site), await out(), { cacheDir, write, recentLimit: 2 }),
    ).toMatchObject({ recent: 1, hidden: 2 });
    // Three: the main index is made again, of every article, and nothing is recent.
    const remade = await out();
    expect(
      await writeSearchIndexCached(buildArchive(edit(base.slice(1), 2), site), remade, { cacheDir, write, recentLimit: 2 }),
    ).toMatchObject({ mainMade: true, recent: 0, hidden: 0 });
    expect(write.calls.at(-1)).toHaveLength(9);
    expect(await manifestOf(remade)).toEqual({ parts: [{ path: "/pagefind/", offset: 0, hidden: {} }], undated: 0 });
    expect((await readdir(cacheDir)).sort()).toEqual(["main", "main.json"]);
  });

  it("knows articles by their records' digests when the build sends them", async () => {
    const cacheDir = path.join(await tempDir(), "pagefind");
    const write = standInIndexer();
    const archive = buildArchive(generatedRecords(8), site);
    const digests = archive.articles.map(recordDigest);
    await writeSearchIndexCached(archive, await out(), { cacheDir, write, digests });
    // Records that come with the same digests are taken for the same: their search records are not made, so text
    // the kept index does not hold goes unseen (a digest names its whole record, so in a build this cannot happen).
    const unseen = buildArchive(
      archive.articles.map((article) => ({ ...article, ...archive.bodyOf(article), text: `${archive.bodyOf(article).text} Unseen.` })),
      site,
    );
    expect(await writeSearchIndexCached(unseen, await out(), { cacheDir, write, digests })).toMatchObject({ reused: true, recent: 0 });
    // Their own digests differ: every article is recent, past the limit, so the main index is made again.
    expect(
      await writeSearchIndexCached(unseen, await out(), { cacheDir, write, digests: unseen.articles.map(recordDigest), recentLimit: 4 }),
    ).toMatchObject({ mainMade: true });
    expect(write.calls).toHaveLength(2);
  });

  it("makes the main index again when a kept file is missing or damaged", async () => {
    const cacheDir = path.join(await tempDir(), "pagefind");
    const write = standInIndexer();
    const archive = buildArchive(generatedRecords(3), site);
    const { hash } = await writeSearchIndexCached(archive, await out(), { cacheDir, write });
    const kept = path.join(cacheDir, "main", "all", hash);
    await writeFile(path.join(kept, "pagefind-entry.json"), "{}");
    expect(await writeSearchIndexCached(archive, await out(), { cacheDir, write })).toMatchObject({ reused: false, mainMade: true });
    const [fragment] = await readdir(path.join(kept, "fragment"));
    await unlink(path.join(kept, "fragment", fragment!));
    expect(await writeSearchIndexCached(archive, await out(), { cacheDir, write })).toMatchObject({ reused: false, mainMade: true });
    expect(write.calls).toHaveLength(3);
    expect(await writeSearchIndexCached(archive, await out(), { cacheDir, write })).toMatchObject({ reused: true });
  });
});

describe("search index written over the last one", () => {
  it("answers this index's files only, so the build's prune removes those of the last", async () => {
    const site = siteConfigFromEnv({});
    const cacheDir = path.join(await tempDir(), "pagefind");
    const output = path.join(await tempDir(), "pagefind");
    const write = standInIndexer();
    const base = generatedRecords(4);
    const one = await writeSearchIndexCached(buildArchive(base, site), output, { cacheDir, write, recentLimit: 0 });
    const edited = base.map((r, i) => (i === 0 ? { ...r, text: `${r.text} An edit.` } : r));
    const two = await writeSearchIndexCached(buildArchive(edited, site), output, { cacheDir, write, recentLimit: 0 });
    expect(one.files).toHaveLength(6);
    expect(two.files).toHaveLength(6);
    // Pagefind names its files by their content: only the edited article's fragment and the entry file are new.
    expect(two.files.filter((file) => !one.files.includes(file))).toHaveLength(1);
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
    expect(await fileHashes(path.join(builds[2]!.output, "pagefind"))).not.toEqual(
      await fileHashes(path.join(builds[0]!.output, "pagefind")),
    );
  });
});

describe("search index parts", () => {
  const site = siteConfigFromEnv({});

  it("indexes each date range of a large archive as a part listed in bundles.json, and an edit in a recent index beside them", async () => {
    const cacheDir = path.join(await tempDir(), "pagefind");
    const write = standInIndexer();
    const base = generatedRecords(40);
    const expected = archiveToBundles(buildArchive(base, site).articles, 8);
    expect(expected.length).toBeGreaterThan(3);
    const first = path.join(await tempDir(), "pagefind");
    const one = await writeSearchIndexCached(buildArchive(base, site), first, { cacheDir, write, shardSize: 8 });
    expect(one).toMatchObject({ shards: expected.length, reusedShards: 0, reused: false, pages: 40 });
    expect(write.calls).toEqual(expected.map((bundle) => bundle.articles.map((a) => a.id)));
    const folders = expected.map((bundle, index) => (index ? `/pagefind/${bundle.name}/` : "/pagefind/"));
    const manifest = await manifestOf(first);
    expect(manifest.parts.map((part) => part.path)).toEqual(folders);
    // Offsets: the pages of the parts before in ascending date order, undated parts first.
    const dated = expected.filter((bundle) => bundle.dated).reduce((sum, bundle) => sum + bundle.articles.length, 0);
    expect(manifest.parts[0]!.offset).toBe(40 - dated);
    expect(manifest.parts.at(-1)!.offset).toBe(0);
    expect(manifest.undated).toBe(40 - dated);
    expect((await readdir(path.join(cacheDir, "main"))).sort()).toEqual(expected.map((bundle) => bundle.name).sort());

    const editedId = expected.at(-2)!.articles[0]!.id;
    const edited = base.map((r) => (r.id === editedId ? { ...r, text: `${r.text} An edit.` } : r));
    const two = await writeSearchIndexCached(buildArchive(edited, site), path.join(await tempDir(), "pagefind"), {
      cacheDir,
      write,
      shardSize: 8,
    });
    expect(two).toMatchObject({ shards: expected.length + 1, reusedShards: expected.length, reused: false, recent: 1, hidden: 1 });
    expect(write.calls.slice(expected.length)).toEqual([[editedId]]);

    // Cut otherwise, the main index is made again, whole, not kept with the other cut.
    const recut = await writeSearchIndexCached(buildArchive(edited, site), path.join(await tempDir(), "pagefind"), {
      cacheDir,
      write,
      shardSize: 16,
    });
    expect(recut).toMatchObject({ mainMade: true, recent: 0, shards: archiveToBundles(buildArchive(edited, site).articles, 16).length });
  });
});
