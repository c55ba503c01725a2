/**
 * Nothing outside the project is read: a symbolic link under `content/`, to a
 * folder or to a file, inside the project or out of it, or in a loop, is an
 * error naming the link, from `npm run check` and from the build's loader
 * alike, and nothing behind it is listed, read or quoted.
 */
import { mkdir, symlink } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { runCheck } from "../../src/check/index.ts";
import { ContentError, type Problem } from "../../src/records/problems.ts";
import { putFile, temporaryFolders } from "../support/temp-dirs.ts";

const article = (title: string) => `---\ntitle: ${title}\npublication: Outside Press\nlanguage: en\n---\n\nText of ${title}.\n`;

/** Each link under the project, and where it points. */
const LINKS: Record<string, (outside: string) => string> = {
  "content/articles/etc-link": () => "/etc",
  "content/articles/outside-folder": (outside) => outside,
  "content/articles/press/outside-file.md": (outside) => path.join(outside, "secret.md"),
  "content/articles/press/loop": () => "..",
  "content/articles/press/self": () => "self",
  "content/sources/outside-sources": (outside) => outside,
};

const folders = temporaryFolders();
let root: string;
let outside: string;

beforeAll(async () => {
  root = await folders("links");
  outside = await folders("outside");
  await putFile(outside, "secret.md", article("A secret outside the project"));
  await putFile(outside, "nested/another.md", article("Another file outside"));
  await putFile(root, "content/articles/press/inside.md", article("The one article"));
  await mkdir(path.join(root, "content/sources"), { recursive: true });
  for (const [link, target] of Object.entries(LINKS)) await symlink(target(outside), path.join(root, link));
});

function expectOnlyLinks(problems: ReadonlyArray<Omit<Problem, "severity"> & { severity: string }>, links: readonly string[]) {
  const errors = problems.filter((p) => p.severity === "error");
  expect(errors.map((p) => p.file).sort()).toEqual([...links].sort());
  for (const problem of errors)
    expect(problem).toMatchObject({
      line: 1,
      field: "",
      message: expect.stringMatching(/is a symbolic link, so it was not followed/),
      hint: expect.any(String),
    });
  const text = JSON.stringify(problems);
  expect(text).not.toMatch(/passwd|hosts|secret|another/);
}

describe("a symbolic link under content/", () => {
  it("is an error of `npm run check` naming the link, and nothing behind it is read", async () => {
    const report = await runCheck({ root });
    expectOnlyLinks(report.problems, Object.keys(LINKS));
    expect(report.articles).toBe(1);
    expect(report.sources).toBe(1); // the refused link
  });

  it("stops the build's loader with the same errors, before any record is made of what is behind it", async () => {
    const error = await loadArchive({ root, site: siteConfigFromEnv({}) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    // The build reads a source only when an article names it, through a path with no link in it (source-pages.ts).
    const articleLinks = Object.keys(LINKS).filter((name) => name.startsWith("content/articles/"));
    expectOnlyLinks((error as ContentError).problems, articleLinks);
    for (const link of articleLinks) expect((error as ContentError).message).toContain(`${link} 1:1 is a symbolic link`);
  });

  it("is refused when the articles folder itself is a link", async () => {
    const linked = await folders("linked-folder");
    await mkdir(path.join(linked, "content"), { recursive: true });
    await symlink(path.join(root, "content/articles/press"), path.join(linked, "content/articles"));
    const report = await runCheck({ root: linked });
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({ file: "content/articles", message: expect.stringMatching(/symbolic link/) }),
    ]);
    await expect(loadArchive({ root: linked, site: siteConfigFromEnv({}) })).rejects.toThrow(/content\/articles 1:1 is a symbolic link/);
  });
});
