/**
 * A build removes every file of its output folder that it did not make, so
 * an output folder that is or holds the project, the articles or the caches
 * (`HEMEROTECA_OUTPUT=.`, an empty one, `--output=..`), or that holds files
 * no build of the site made, stops the build before it writes or removes
 * anything; and a version-control folder at its top is never removed.
 */
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { foreignOutputProblem, outputFolderProblem, SITE_MARKER } from "../../src/build/output/output-folder.ts";
import { buildSite, projectRoot, type BuildResult } from "../support/build-site.ts";
import { putFile, temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();
const FIXTURE = path.join(projectRoot, "test/fixtures/basic/content/articles");

describe("the output folder", () => {
  it("may not be, nor hold, a folder the build reads from or keeps", async () => {
    const root = await tempDir("project");
    const guarded = [
      { name: "the project's folder", folder: root },
      { name: "the articles folder", folder: path.join(root, "content/articles") },
    ];
    expect(outputFolderProblem(root, guarded)).toContain("is the project's folder");
    expect(outputFolderProblem(path.resolve(root, ""), guarded)).toContain("is the project's folder");
    expect(outputFolderProblem(path.dirname(root), guarded)).toContain(`holds the project's folder (\`${root}\`)`);
    expect(outputFolderProblem(path.join(root, "content/articles"), guarded.slice(1))).toContain("is the articles folder");
    expect(outputFolderProblem(path.join(root, "_site"), guarded)).toBeUndefined();
    // A sibling whose name begins with the project's is not inside it.
    expect(outputFolderProblem(`${root}-site`, guarded)).toBeUndefined();
    const link = path.join(await tempDir("link"), "site");
    await symlink(root, link);
    expect(outputFolderProblem(link, guarded)).toContain("is the project's folder");
  });

  it("stops a build that would write into the folder holding its articles, with every file left as it was", async () => {
    const folder = await tempDir("holds-articles");
    await cp(FIXTURE, path.join(folder, "articles"), { recursive: true });
    const before = (await readdir(folder, { recursive: true })).sort();
    const build = buildSite(path.join(folder, "articles"), { output: folder, cacheDir: await tempDir("cache") });
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain(`The output folder \`${folder}\` holds the articles folder`);
    expect(build.stderr).toContain("HEMEROTECA_OUTPUT");
    expect((await readdir(folder, { recursive: true })).sort()).toEqual(before);
  }, 120_000);

  it("stops a build that would write into the folder holding its caches", async () => {
    const folder = await tempDir("holds-cache");
    const cacheDir = path.join(folder, "cache");
    await mkdir(path.join(cacheDir, "records"), { recursive: true });
    const build = buildSite(FIXTURE, { output: folder, cacheDir });
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain("holds the build caches' folder");
    expect(await readdir(folder, { recursive: true })).toEqual(["cache", path.join("cache", "records")]);
  }, 120_000);
});

/** Every file and folder under `folder`, sorted, relative to it. */
const treeOf = async (folder: string) => (await readdir(folder, { recursive: true })).sort();

function mustBuild(build: BuildResult): BuildResult {
  if (build.status !== 0) throw new Error(`build failed (${build.status}):\n${build.stderr}`);
  return build;
}

describe("an output folder that holds somebody else's files", () => {
  it("is told from an empty folder, a missing one, a marked one and one with a ledger", async () => {
    const root = await tempDir("foreign");
    expect(foreignOutputProblem(path.join(root, "missing"), false)).toBeUndefined();
    expect(foreignOutputProblem(root, false)).toBeUndefined();
    // A version-control folder alone does not make a folder somebody else's.
    await putFile(root, ".git/HEAD", "ref: refs/heads/gh-pages\n");
    expect(foreignOutputProblem(root, false)).toBeUndefined();
    for (const name of ["b.txt", "a.txt", "photos/cat.jpg", "d.txt", "e.txt"]) await putFile(root, name, "mine");
    const problem = foreignOutputProblem(root, false);
    expect(problem).toContain(
      `The output folder \`${root}\` holds files no Hemeroteca build made (\`a.txt\`, \`b.txt\`, \`d.txt\` and 2 more)`,
    );
    expect(problem).toContain("HEMEROTECA_OUTPUT");
    // An earlier build's ledger vouches for a site built before the marker was.
    expect(foreignOutputProblem(root, true)).toBeUndefined();
    await writeFile(path.join(root, SITE_MARKER), "");
    expect(foreignOutputProblem(root, false)).toBeUndefined();
    expect(foreignOutputProblem(path.join(root, "a.txt"), false)).toContain("is a file");
  });

  it("stops the build, with every file left as it was", async () => {
    const folder = await tempDir("documents");
    await putFile(folder, "letter.txt", "Dear editor");
    await putFile(folder, "photos/2021/march.jpg", "not a page");
    const before = await treeOf(folder);
    const build = buildSite(FIXTURE, { output: folder, cacheDir: await tempDir("cache") });
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain(`The output folder \`${folder}\` holds files no Hemeroteca build made (\`letter.txt\`, \`photos\`)`);
    expect(await treeOf(folder)).toEqual(before);
    expect(await readFile(path.join(folder, "letter.txt"), "utf8")).toBe("Dear editor");
  }, 120_000);

  it("is built into once emptied, then marked as the site's: a later build prunes what it did not make and keeps `.git`", async () => {
    const folder = await tempDir("gh-pages");
    await putFile(folder, ".git/HEAD", "ref: refs/heads/gh-pages\n");
    await putFile(folder, ".git/objects/ab/cdef", "an object");
    const cacheDir = await tempDir("cache");
    mustBuild(buildSite(FIXTURE, { output: folder, cacheDir }));
    expect(await treeOf(folder)).toContain(SITE_MARKER);
    await putFile(folder, "stale/index.html", "an old page");
    mustBuild(buildSite(FIXTURE, { output: folder, cacheDir }));
    const tree = await treeOf(folder);
    expect(tree).not.toContain(path.join("stale", "index.html"));
    expect(tree).toEqual(expect.arrayContaining([SITE_MARKER, path.join(".git", "HEAD"), path.join(".git", "objects", "ab", "cdef")]));
  }, 180_000);

  it("is still the site's when an earlier build left a ledger but no marker (a site of a version before the marker)", async () => {
    const folder = await tempDir("old-site");
    const cacheDir = await tempDir("cache");
    mustBuild(buildSite(FIXTURE, { output: folder, cacheDir }));
    await rm(path.join(folder, SITE_MARKER));
    mustBuild(buildSite(FIXTURE, { output: folder, cacheDir }));
    expect(await treeOf(folder)).toContain(SITE_MARKER);
  }, 180_000);
});
