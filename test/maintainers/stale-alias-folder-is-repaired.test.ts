/**
 * A site built before aliases were kept out of article folders may hold a
 * stale folder where an article's citation file goes (an alias
 * `/2023/03/01/alias-own/cite.json/` made `cite.json/index.html`). The next
 * build replaces it with the file, instead of failing with EISDIR every time
 * until the output is deleted by hand.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { SITE_MARKER } from "../../src/build/output/output-folder.ts";
import { buildSite } from "../support/build-site.ts";
import { putFile, temporaryFolders } from "../support/temp-dirs.ts";

const folders = temporaryFolders();

it("replaces a stale folder in the place of a citation file, and the build succeeds", async () => {
  const project = await folders("stale-alias");
  await putFile(
    project,
    "content/articles/press/alias-own.md",
    "---\ntitle: Its own alias, removed\nid: alias-own\npublication: Stale Press\nlanguage: en\ndate: 2023-03-01\n---\n\nThe alias inside this folder was removed.\n",
  );
  const output = path.join(project, "_site");
  // The site of an earlier build (its marker), with the redirect pages of the aliases it had then.
  await putFile(output, SITE_MARKER, "");
  for (const name of ["cite.json", "cite.bib"])
    await putFile(output, `2023/03/01/alias-own/${name}/index.html`, "<!DOCTYPE html><title>Moved</title>\n");

  const build = buildSite(path.join(project, "content/articles"), { output, cacheDir: false });
  expect(build.status, build.stderr).toBe(0);
  for (const name of ["cite.json", "cite.bib"]) expect(statSync(path.join(output, "2023/03/01/alias-own", name)).isFile(), name).toBe(true);
  expect(JSON.parse(readFileSync(path.join(output, "2023/03/01/alias-own/cite.json"), "utf8"))).toEqual([
    expect.objectContaining({ title: "Its own alias, removed" }),
  ]);
  expect(existsSync(path.join(output, "2023/03/01/alias-own/index.html"))).toBe(true);
});
