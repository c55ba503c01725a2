/** Stylesheets and scripts reach the site minified, unchanged in meaning, and a broken one stops the build with its place. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { minifiedAssetsIn, minifyAsset } from "../../../src/site/public-assets.ts";

const dir = mkdtempSync(path.join(tmpdir(), "hemeroteca-assets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

describe("public assets", () => {
  it("lists the stylesheets and scripts of public/, not the other files", () => {
    expect(minifiedAssetsIn("public")).toEqual([
      "lists.css",
      "not-found.js",
      "search-date-order.js",
      "search-highlight.js",
      "search-timeline.js",
      "search.css",
      "search.js",
      "styles.css",
    ]);
  });

  it("minifies the real stylesheet and keeps its alternative texts and non-ASCII characters", () => {
    const source = readFileSync("public/styles.css", "utf8");
    const minified = minifyAsset("public/styles.css");
    expect(minified.length).toBeLessThan(source.length * 0.95);
    expect(minified).not.toContain("/*");
    expect(minified).toContain('content:"← "/""');
    expect(minified).toContain("@media print");
  });

  it("minifies a module script and keeps its top-level await", () => {
    const minified = minifyAsset(
      file(
        "a.js",
        "// a comment\nconst words = ['x'];\nif (words.length) {\n  const { default: Thing } = await import('/x.js');\n  new Thing();\n}\n",
      ),
    );
    expect(minified).not.toContain("a comment");
    expect(minified).toContain('await import("/x.js")');
  });

  it("names the file, line and column of a stylesheet that does not parse", () => {
    const broken = file("broken.css", "a { color: red }\nb { color: blue\n");
    expect(() => minifyAsset(broken)).toThrow(new RegExp(`broken\\.css:\\d+:\\d+.*Expected "}"`));
  });

  it("names the file, line and column of a script that does not parse", () => {
    const broken = file("broken.js", "const a = 1;\nconst b = ;\n");
    expect(() => minifyAsset(broken)).toThrow(/broken\.js:2:11/);
  });
});
