/**
 * Content cannot drive the terminal: control characters in what check, new,
 * import and search print (messages, quoted values, review notes, titles,
 * snippets, authors) are shown escaped, `\u001b` for ESC, never sent raw.
 * An article file's bytes hold none (records/text-file.ts), but YAML escapes
 * and character references put them in its values and text.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { checkCli } from "../../src/check/cli.ts";
import { writeArchiveDatabase } from "../../src/exports/sqlite.ts";
import { newCli } from "../../src/new/index.ts";
import { parseArticle } from "../../src/records/parse-article.ts";
import { inertLine, inertLines } from "../../src/lib/terminal-text.ts";
import { runSearchCli } from "../../src/search/cli.ts";
import { projectRoot } from "../support/build-site.ts";
import { article, capture, tempProject, type TempProject } from "./support/temp-project.ts";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const A = "content/articles/test-press";
/** Erase the line, back to its start, and print a verdict of one's own. */
const FORGED_OK = "\u001b[2K\rOK: checked 0 articles and 0 sources: 0 errors, 0 warnings, 0 notes for editors";
/** Any control character but the line feed and tab, which the output's own layout uses. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the test
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe("the helper", () => {
  it("escapes C0, ESC sequences, C1 and bidi overrides, and line breaks in a one-line value", () => {
    expect(inertLine("a\u001b[2Jb\rc\u0007d\u009be\u202ef\ng\th")).toBe("a\\u001b[2Jb\\u000dc\\u0007d\\u009be\\u202ef\\ng\th");
    expect(inertLines("one\ntwo\u001b]0;title\u0007")).toBe("one\ntwo\\u001b]0;title\\u0007");
    expect(inertLine("Perú “quoted” — fine")).toBe("Perú “quoted” — fine");
  });
});

describe("npm run check", () => {
  it("shows a review note that forges an OK line, and a quoted value with escape codes, escaped", async () => {
    project = tempProject({
      [`${A}/a.md`]: article("A", `review: [${JSON.stringify(FORGED_OK)}]`),
      [`${A}/b.md`]: article("B", 'date: "\\e]8;;https://evil.example\\e\\\\2023\\e]8;;\\e\\\\"\ntags: ["\\e[31mred"]'),
      [`${A}/c.md`]: article("C", 'tags: ["\\e[31mRed"]'),
    });
    const { code, stdout } = await capture((io) => checkCli(["--notes"], io), project.root);
    expect(code).toBe(1);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toContain("note review.0: \\u001b[2K\\u000dOK: checked 0 articles");
    expect(stdout).toContain("\\u001b]8;;https://evil.example");
    expect(stdout).toMatch(/tag `\\u001b\[31m(?:red|Red)` differs from `\\u001b\[31m(?:Red|red)`/);
    // The real verdict is the last line, and the only one that starts a line with a verdict.
    expect(stdout.split("\n").filter((line) => /^(OK|FAILED):/.test(line))).toEqual([expect.stringMatching(/^FAILED: checked 3 articles/)]);
    // For tools, JSON keeps the value (escaped as JSON escapes it).
    const json = await capture((io) => checkCli(["--json"], io), project.root);
    expect((JSON.parse(json.stdout) as { problems: Array<{ message: string }> }).problems.map((p) => p.message)).toContain(FORGED_OK);
  });
});

describe("npm run new", () => {
  it("shows a refused value escaped", async () => {
    project = tempProject();
    let stderr = "";
    const input = new PassThrough();
    input.end();
    const code = await newCli(["--title", "T", "--publication", "P", "--language", "en", "--url", "\u001b[2Jjavascript:x"], {
      stdout: () => {},
      stderr: (text) => (stderr += text),
      cwd: project.root,
      defaultRoot: project.root,
      input,
      output: new PassThrough(),
      interactive: false,
    });
    expect(code).toBe(1);
    expect(stderr).toContain("\\u001b[2Jjavascript:x");
    expect(stderr).not.toMatch(RAW_CONTROL);
  });
});

describe("npm run search", () => {
  it("shows escape codes in titles, authors and snippets escaped, and bolds matches with its own", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "hemeroteca-inert-search-"));
    try {
      const text = `---\ntitle: "\\e]0;pwned\\a Strike \\e[2J"\npublication: "Test\\e[8m\\u202e Press"\nlanguage: en\nauthors: ["\\e]8;;https://evil.example\\e\\\\Jim\\e]8;;\\e\\\\"]\n---\n\nThe strike &#27;[2K&#13; went on.\n`;
      const parsed = parseArticle(`${A}/strike.md`, new TextEncoder().encode(text));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const db = path.join(folder, "archive.sqlite");
      writeArchiveDatabase([parsed.record], db);
      for (const isTTY of [false, true]) {
        let stdout = "";
        const code = runSearchCli(["strike", "--db", db], { stdout: (t) => (stdout += t), stderr: () => {}, isTTY, cwd: folder, env: {} });
        expect(code).toBe(0);
        expect(stdout).toContain("\\u001b]0;pwned\\u0007");
        expect(stdout).toContain("\\u001b]8;;https://evil.example");
        expect(stdout).toContain("Test\\u001b[8m\\u202e Press");
        // Only the bold the command itself puts around matched words.
        expect(stdout.replaceAll("\u001b[1m", "").replaceAll("\u001b[22m", "")).not.toMatch(RAW_CONTROL);
        expect(stdout.includes("\u001b[1m")).toBe(isTTY);
      }
      // Counts, as a table, as CSV and as JSON; and the matches as JSON, which reads back to the very values.
      for (const args of [
        ["--count-by", "publication"],
        ["--count-by", "publication", "--csv"],
        ["--count-by", "publication", "--json"],
        ["--json"],
      ]) {
        let stdout = "";
        expect(
          runSearchCli(["strike", ...args, "--db", db], {
            stdout: (t) => (stdout += t),
            stderr: () => {},
            isTTY: false,
            cwd: folder,
            env: {},
          }),
          args.join(" "),
        ).toBe(0);
        expect(stdout, args.join(" ")).toContain("Test\\u001b[8m\\u202e Press");
        // CSV rows end in CR LF, as RFC 4180 has them: only a CR inside a row counts.
        expect(stdout.replaceAll("\r\n", "\n"), args.join(" ")).not.toMatch(RAW_CONTROL);
        if (args.includes("--json") && !args.includes("--count-by"))
          expect((JSON.parse(stdout) as Array<{ publication: string }>)[0]!.publication).toBe("Test\u001b[8m\u202e Press");
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("npm run import", () => {
  it("shows the lines of a page with escape codes escaped in its report", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "hemeroteca-inert-import-"));
    try {
      const page = path.join(folder, "page.txt");
      writeFileSync(page, `# Lorem ipsum \u001b[2J dolor\n\nSit amet\u001b]0;pwned\u0007, consectetur adipiscing elit.\n`);
      const run = spawnSync(
        process.execPath,
        // As `npm run import` runs it: compiled (scripts/run.mjs).
        ["scripts/run.mjs", "import", "--publication", "Test\u001b[8m Press", "--root", folder, "--dry-run", "--report", page],
        { cwd: projectRoot, encoding: "utf8" },
      );
      expect(run.status, run.stderr).toBe(0);
      // Left out of the lines an article may take (an article may hold no control character).
      expect(run.stdout).toContain("Lorem ipsum [2J dolor");
      expect(`${run.stdout}${run.stderr}`).not.toMatch(RAW_CONTROL);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
