/**
 * A build removes every file of its output folder that it did not make, so
 * an output folder that is or holds the project, the articles or the caches
 * (`HEMEROTECA_OUTPUT=.`, an empty one, `--output=..`) stops the build before
 * it writes or removes anything.
 */
import { cp, mkdir, readdir, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputFolderProblem } from "../../src/site/output-folder.ts";
import { buildSite, projectRoot } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

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
