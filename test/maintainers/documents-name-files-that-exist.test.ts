import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A reader of the README or a fixture's README follows the paths it names; a
 * file moved without its mention leaves them a dead end. Paths with a
 * placeholder (`<id>`) or a glob (`**`) name a kind of file, not one file.
 * Paths in `content/` are left out: the collection is the editors' to change,
 * and the documents' examples of it may name files an import would write.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const TOP_FOLDERS = ["src", "test", "scripts", "templates", "public", ".github", ".ci"];

function namedPaths(markdown: string): string[] {
  const paths = new Set<string>();
  for (const [, code] of markdown.matchAll(/`([^`\n]+)`/g)) {
    const path = code!.replace(/[:#].*$/, "").replace(/[.,;)]+$/, "");
    if (!TOP_FOLDERS.some((folder) => path.startsWith(`${folder}/`))) continue;
    if (/[<>*{}\s$~]/.test(path)) continue;
    paths.add(path);
  }
  return [...paths];
}

function documents(): string[] {
  const top = readdirSync(ROOT).filter((name) => name.endsWith(".md"));
  const fixtures = readdirSync(join(ROOT, "test", "fixtures"))
    .map((name) => join("test", "fixtures", name, "README.md"))
    .filter((file) => existsSync(join(ROOT, file)));
  return [...top, ...fixtures];
}

describe("the documentation", () => {
  it("finds the paths a document names, and none that are placeholders", () => {
    expect(namedPaths("see `src/records/ids.ts`, `test/unit/x.test.ts:12` and `content/articles/<slug>/<id>.md`")).toEqual([
      "src/records/ids.ts",
      "test/unit/x.test.ts",
    ]);
  });

  for (const document of documents()) {
    it(`${document} names only files and folders that exist`, () => {
      const text = readFileSync(join(ROOT, document), "utf8");
      const missing = namedPaths(text).filter((path) => !existsSync(join(ROOT, path)));
      expect(missing, `${document} names paths that do not exist`).toEqual([]);
    });
  }
});
