/**
 * Issue 5: `npm run check` reports each kind of mistake an editor makes with
 * its file, line, field and a hint, all at once, and passes a clean archive.
 */
import { afterEach, describe, expect, it } from "vitest";
import { checkCli } from "../../src/check/cli.ts";
import { runCheck } from "../../src/check/index.ts";
import { article, capture, source, tempProject, type TempProject } from "./support/temp-project.ts";

let project: TempProject | undefined;
afterEach(() => project?.remove());

async function checkFiles(files: Record<string, string | Uint8Array>) {
  project = tempProject(files);
  return runCheck({ root: project.root });
}

const A = "content/articles/test-press";

describe("check finds each kind of mistake, with its file and field", () => {
  it.each([
    ["a missing field", article("x").replace("language: en\n", ""), "language", /required but missing/, 1],
    ["an unknown key", article("A typo", "langauge: es"), "langauge", /unknown field `langauge`/, 5],
    ["a bad date", article("A date", "date: 2023-13-01"), "date", /not a valid EDTF date/, 5],
    ["an open interval", article("A date", "date: 2023-01/.."), "date", /open interval/, 5],
    ["a bad URL", article("A link", "url: ftp://example.org/x"), "url", /http\(s\) address/, 5],
    ["a script URL", article("A link", "url: javascript:alert(1)"), "url", /http\(s\) address/, 5],
    ["an id with a slash", article("An id", "id: a/b"), "id", /path-safe/, 5],
    ["an id that climbs out", article("An id", "id: ../x"), "id", /path-safe/, 5],
    ["a reserved id", article("An id", "id: search"), "id", /reserved name/, 5],
    ["a list given as text", article("Tags", "tags: peru"), "tags", /must be a list/, 5],
    ["an alias onto a site page", article("Alias", "aliases: [/tags/peru/]"), "aliases.0", /address the site makes/, 5],
  ])("%s", async (_label, text, field, message, line) => {
    const report = await checkFiles({ [`${A}/a.md`]: text });
    expect(report.counts.error).toBe(report.problems.filter((p) => p.severity === "error").length);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ file: `${A}/a.md`, field, severity: "error", message: expect.stringMatching(message) }),
    );
    const problem = report.problems.find((p) => p.field === field)!;
    if (line > 1) expect(problem.line).toBe(line);
    expect(problem.hint).toBeTruthy();
  });

  it("a duplicate id, in both files", async () => {
    const report = await checkFiles({ [`${A}/a.md`]: article("Same"), "content/articles/other/b.md": article("Same") });
    expect(report.problems.filter((p) => p.field === "id").map((p) => p.file)).toEqual(["content/articles/other/b.md", `${A}/a.md`]);
  });

  it("a broken translation link, and one to the same language", async () => {
    const report = await checkFiles({
      [`${A}/a.md`]: article("A", "translations: [nowhere, b]"),
      [`${A}/b.md`]: article("B"),
    });
    expect(report.problems.map((p) => [p.field, p.message])).toEqual([
      ["translations.0", expect.stringContaining("no article has the id `nowhere`")],
      ["translations.1", expect.stringContaining("same language")],
    ]);
    expect(report.problems[0]!.line).toBe(5);
  });

  it("an alias that collides with another article's address", async () => {
    const report = await checkFiles({
      [`${A}/a.md`]: article("A", "date: 2023-01-09"),
      [`${A}/b.md`]: article("B", "aliases: [/2023/01/09/a/]"),
    });
    expect(report.problems).toEqual([
      expect.objectContaining({ file: `${A}/b.md`, field: "aliases.0", message: expect.stringContaining("already the address of") }),
    ]);
  });

  it("an alias inside another article's folder", async () => {
    const report = await checkFiles({
      [`${A}/a.md`]: article("A", "date: 2023-01-09"),
      [`${A}/b.md`]: article("B", "aliases: [/2023/01/09/a/cite.bib/]"),
    });
    expect(report.problems).toEqual([
      expect.objectContaining({ file: `${A}/b.md`, field: "aliases.0", message: expect.stringContaining("lies inside the folder of") }),
    ]);
  });

  it("`---js` front matter is an error, and its code never runs", async () => {
    const marker = `hemeroteca-js-marker-${process.pid}`;
    const payload = `---js\n{ title: (process.getBuiltinModule ? process.getBuiltinModule("fs") : require("fs")).writeFileSync(require("path").join(require("os").tmpdir(), "${marker}"), "ran") }\n---\nbody\n`;
    const report = await checkFiles({ [`${A}/a.md`]: payload, [`${A}/b.md`]: payload.replace("---js", "---javascript") });
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("`js` is not allowed"),
      expect.stringContaining("`javascript` is not allowed"),
    ]);
    const { existsSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    expect(existsSync(`${tmpdir()}/${marker}`)).toBe(false);
    expect(existsSync(`${project!.root}/${marker}`)).toBe(false);
  });

  it("files that are not UTF-8, empty, unclosed, oversize or an alias bomb", async () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(10).fill(`*${"abcdefgh"[i]}`).join(", ")}]`),
    ].join("\n");
    const report = await checkFiles({
      [`${A}/latin1.md`]: Buffer.from("---\ntitle: T\xedtulo\npublication: P\nlanguage: es\n---\n", "latin1"),
      [`${A}/empty.md`]: "",
      [`${A}/unclosed.md`]: "---\ntitle: T\npublication: P\nlanguage: en\n",
      [`${A}/oversize.md`]: article("Big", "", "word ".repeat(220_000)),
      [`${A}/bomb.md`]: `---\n${bomb}\ntitle: Bomb\npublication: P\nlanguage: en\n---\n`,
    });
    const byFile = Object.fromEntries(report.problems.map((p) => [p.file.split("/").pop(), p.message]));
    expect(byFile).toEqual({
      "latin1.md": expect.stringContaining("not valid UTF-8"),
      "empty.md": expect.stringContaining("empty"),
      "unclosed.md": expect.stringContaining("never closed"),
      "oversize.md": expect.stringContaining("more than the limit"),
      "bomb.md": expect.stringMatching(/alias count|resource exhaustion/i),
    });
  });

  it("never follows a link or reads a device or pipe, which could hang it (a link to /dev/zero)", async () => {
    const { execFileSync } = await import("node:child_process");
    const { symlinkSync } = await import("node:fs");
    project = tempProject({ [`${A}/ok.md`]: article("Fine"), "content/sources/.keep": "" });
    symlinkSync("/dev/zero", `${project.root}/${A}/zero.md`);
    symlinkSync("/dev/zero", `${project.root}/content/sources/zero.md`);
    execFileSync("mkfifo", [`${project.root}/${A}/pipe.md`]);
    symlinkSync("/etc/hostname", `${project.root}/content/tags.yml`);
    const report = await runCheck({ root: project.root });
    expect(report.problems.map((p) => [p.file, p.message])).toEqual([
      [`${A}/pipe.md`, expect.stringContaining("not a plain file")],
      [`${A}/zero.md`, expect.stringContaining("is a symbolic link, so it was not followed")],
      ["content/sources/zero.md", expect.stringContaining("is a symbolic link, so it was not followed")],
      ["content/tags.yml", expect.stringContaining("not a plain file")],
    ]);
  });

  it("accepts a byte-order mark and CRLF line endings", async () => {
    const report = await checkFiles({
      [`${A}/a.md`]: `\uFEFF${article("Windows", "date: 2023-01-09\ntags: [a, b]").replace(/\n/g, "\r\n")}`,
    });
    expect(report.problems).toEqual([]);
    expect(report.articles).toBe(1);
  });

  it("warns about tags that differ only in case or accents, and lists review notes", async () => {
    const report = await checkFiles({
      [`${A}/a.md`]: article("A", "tags: [Perú]\nreview: [headline derived from teaser]"),
      [`${A}/b.md`]: article("B", "tags: [peru]"),
    });
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 1 });
    expect(report.problems).toContainEqual(expect.objectContaining({ file: `${A}/b.md`, field: "tags.0", severity: "warning" }));
    expect(report.problems).toContainEqual(
      expect.objectContaining({ file: `${A}/a.md`, field: "review.0", severity: "info", message: "headline derived from teaser", line: 6 }),
    );
  });

  it("warns about files in content/ that are never read", async () => {
    const report = await checkFiles({ [`${A}/a.txt`]: "title: forgot the extension", "content/sources/test-press/page.txt": "raw" });
    expect(report.problems.map((p) => [p.file, p.severity])).toEqual([
      [`${A}/a.txt`, "warning"],
      ["content/sources/test-press/page.txt", "warning"],
    ]);
  });
});

describe("check reads the tag vocabulary as the importer does", () => {
  it("accepts the vocabulary's form and reports YAML and form mistakes", async () => {
    expect((await checkFiles({ "content/tags.yml": "strike:\n  en: [strike, strikes]\n  es: [huelga*]\n" })).problems).toEqual([]);
    project?.remove();
    const bad = await checkFiles({ "content/tags.yml": "strike:\n  en: [strike\n" });
    expect(bad.problems).toEqual([
      expect.objectContaining({ file: "content/tags.yml", message: expect.stringContaining("not valid YAML") }),
    ]);
    project?.remove();
    const shape = await checkFiles({ "content/tags.yml": "strike:\n  english: [strike]\n" });
    expect(shape.problems).toEqual([
      expect.objectContaining({
        file: "content/tags.yml",
        message: expect.stringContaining("not in the expected form"),
        hint: expect.any(String),
      }),
    ]);
  });

  it("names the line and field of every entry not in the vocabulary's form", async () => {
    const text = "strike:\n  en: [strike, '']\nprotest:\n  es: 3\ncoup:\n  english: [coup]\n";
    const { problems } = await checkFiles({ "content/tags.yml": text });
    expect(problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [2, 16, "strike.en.1"],
      [4, 3, "protest.es"],
      [6, 3, "coup.english"],
    ]);
    expect(problems[2]!.message).toContain("a language is a code such as `en` or `es`");
  });
});

describe("check verifies raw sources and the provenance that cites them", () => {
  const page = "Line one\nLine two\nLine three\n";
  const S = "content/sources/test-press/page.md";
  // The header is lines 1-5, so the page's text is lines 6-8 of the file.
  const cite = (sha: string, lines = "[6, 7]", file = S) => `source:\n  file: ${file}\n  sha256: ${sha}\n  lines: ${lines}`;

  it("accepts a source whose text and citations match", async () => {
    const { sha256 } = await import("./support/temp-project.ts");
    const report = await checkFiles({ [S]: source(page), [`${A}/a.md`]: article("A", cite(sha256(page))) });
    expect(report.problems).toEqual([]);
    expect(report.sources).toBe(1);
  });

  it("reports a source edited after import, at its sha256", async () => {
    const { sha256 } = await import("./support/temp-project.ts");
    const report = await checkFiles({ [S]: source(page).replace("Line two", "Line 2"), [`${A}/a.md`]: article("A", cite(sha256(page))) });
    expect(report.problems).toEqual([
      expect.objectContaining({ file: S, field: "sha256", line: 4, message: expect.stringContaining("changed since import") }),
    ]);
  });

  it("reads a source header as YAML only, and never runs it", async () => {
    const report = await checkFiles({
      [S]: `---js\n{ sha256: require("fs").writeFileSync("pwned-source.marker", "ran") }\n---\n${page}`,
      "content/sources/test-press/empty.md": "",
    });
    expect(report.problems.map((p) => [p.file, p.message])).toEqual([
      ["content/sources/test-press/empty.md", expect.stringContaining("empty")],
      [S, expect.stringContaining("`js` is not allowed")],
    ]);
    const { existsSync } = await import("node:fs");
    // Relative to where the code would run: the project being checked, or the folder check runs from.
    expect(existsSync(`${project!.root}/pwned-source.marker`) || existsSync("pwned-source.marker")).toBe(false);
  });

  it("reports a header that does not follow the schema", async () => {
    const report = await checkFiles({ [S]: source(page, { kind: "newspaper", retreived: "2023-01-01" }) });
    expect(report.problems.map((p) => p.field).sort()).toEqual(["kind", "retreived"]);
  });

  it("reports citations of a missing file, a changed page, lines past the end and paths outside the sources", async () => {
    const { sha256 } = await import("./support/temp-project.ts");
    const report = await checkFiles({
      [S]: source(page),
      [`${A}/missing.md`]: article("Missing", cite(sha256(page), "[6, 7]", "content/sources/test-press/gone.md")),
      [`${A}/changed.md`]: article("Changed", cite("a".repeat(64))),
      [`${A}/past.md`]: article("Past", cite(sha256(page), "[6, 40]")),
      [`${A}/header.md`]: article("Header", cite(sha256(page), "[1, 5]")),
      [`${A}/outside.md`]: article("Outside", cite(sha256(page), "[6, 7]", "content/sources/../../../etc/passwd")),
    });
    const byFile = Object.fromEntries(report.problems.map((p) => [p.file.split("/").pop(), `${p.field}: ${p.message}`]));
    expect(byFile).toEqual({
      "missing.md": expect.stringMatching(/^source\.file: there is no source file/),
      "changed.md": expect.stringMatching(/^source\.sha256: does not match/),
      "past.md": expect.stringMatching(/^source\.lines: lines 6–40 are not all in/),
      "header.md": expect.stringMatching(/^source\.lines: line 1 is in the header/),
      "outside.md": expect.stringMatching(/^source\.file: .* is not a path inside `content\/sources\/`/),
    });
  });
});

describe("the check command", () => {
  it("prints `path line:col field: message` with a hint, a summary, and exits 1 on an error", async () => {
    project = tempProject({
      [`${A}/a.md`]: article("A", "date: 2023-13-01"),
      [`${A}/b.md`]: article("B", "tags: [Perú]"),
      [`${A}/c.md`]: article("C", "tags: [peru]\nreview: [year inferred from listing order]"),
    });
    const { code, stdout } = await capture((io) => checkCli(["--notes"], io), project.root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^content\/articles\/test-press\/a\.md 5:1 date: `2023-13-01` is not a valid EDTF date.*\n {4}hint: /m);
    expect(stdout).toMatch(
      /^content\/articles\/test-press\/c\.md 5:8 warning tags\.0: tag `peru` differs from `Perú` only in case or accents\n {4}hint: write it as `Perú`/m,
    );
    expect(stdout).toMatch(/^content\/articles\/test-press\/c\.md 6:10 note review\.0: year inferred from listing order/m);
    expect(stdout.trimEnd().split("\n").pop()).toBe("FAILED: checked 3 articles and 0 sources: 1 error, 1 warning, 1 note for editors");
    // Without --notes the notes are a count; errors come before warnings whatever their files.
    const folded = await capture((io) => checkCli([], io), project.root);
    expect(folded.stdout).not.toContain(" note review.0");
    expect(folded.stdout.trimEnd().split("\n").pop()).toBe(
      "FAILED: checked 3 articles and 0 sources: 1 error, 1 warning, 1 note for editors (`npm run check -- --notes` lists them)",
    );
  });

  it("exits 0 with warnings only, and names paths from where it runs", async () => {
    project = tempProject({ [`${A}/a.md`]: article("A", "tags: [Perú]"), [`${A}/b.md`]: article("B", "tags: [peru]") });
    const { code, stdout } = await capture(
      (io) => checkCli(["--root", project!.root], { ...io, cwd: `${project!.root}/content` }),
      project.root,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^articles\/test-press\/b\.md 5:8 warning/m);
    expect(stdout).toMatch(/^OK: checked 2 articles/m);
  });

  it("answers in JSON for tools", async () => {
    project = tempProject({ [`${A}/a.md`]: article("A", "url: nope") });
    const { code, stdout } = await capture((io) => checkCli(["--json"], io), project.root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      articles: 1,
      sources: 0,
      errors: 1,
      warnings: 0,
      notes: 0,
      problems: [
        {
          file: `${A}/a.md`,
          line: 5,
          column: 1,
          field: "url",
          severity: "error",
          origin: "article-field",
          message: expect.any(String),
          hint: expect.any(String),
        },
      ],
    });
  });

  it("answers --help, and refuses an unknown option with exit 2", async () => {
    const help = await capture((io) => checkCli(["--help"], io), process.cwd());
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run check/);
    const bad = await capture((io) => checkCli(["--jsno"], io), process.cwd());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--jsno'/);
  });
});
