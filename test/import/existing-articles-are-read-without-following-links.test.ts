/**
 * The importer reads the archive's article files to keep ids and spot edits:
 * as `npm run check` and the build do, it lists them without following a
 * symbolic link, so a link in content/articles/ never makes it read a file
 * outside the project.
 */
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readExistingArticles } from "../../src/import/existing-articles.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const folder = temporaryFolders();

describe("readExistingArticles", () => {
  it("reads every article file, sorted, and leaves a link alone", async () => {
    const [root, outside] = [await folder("existing"), await folder("outside")];
    await mkdir(path.join(root, "content/articles/b-paper"), { recursive: true });
    await mkdir(path.join(root, "content/articles/a-paper"), { recursive: true });
    await writeFile(path.join(root, "content/articles/b-paper/second.md"), "---\nid: second\n---\n");
    await writeFile(path.join(root, "content/articles/a-paper/first.md"), "---\ntitle: The First\n---\n");
    await writeFile(path.join(outside, "secret.md"), "---\nid: secret\n---\n");
    await symlink(path.join(outside, "secret.md"), path.join(root, "content/articles/a-paper/linked.md"));
    await symlink(outside, path.join(root, "content/articles/elsewhere"));
    const articles = await readExistingArticles(root);
    expect(articles.map((article) => [article.file, article.id])).toEqual([
      ["content/articles/a-paper/first.md", "the-first"],
      ["content/articles/b-paper/second.md", "second"],
    ]);
  });

  it("finds none when there is no articles folder", async () => {
    expect(await readExistingArticles(await folder("empty"))).toEqual([]);
  });
});
