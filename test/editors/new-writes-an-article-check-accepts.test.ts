/**
 * Issue 5: `npm run new` scaffolds a valid article at the right place with a
 * unique id, never replaces a file, asks for the fields in a terminal, and
 * `npm run check` accepts what it writes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/index.ts";
import { askForFields, ArticleExistsError, BODY_PLACEHOLDER, newCli, writeNewArticle, type NewIo } from "../../src/new/index.ts";
import { projectRoot } from "../support/build-site.ts";
import { article, tempProject, type TempProject } from "./support/temp-project.ts";

let project: TempProject;
afterEach(() => project?.remove());

/** Runs `new` in-process; `answers` are typed one line at a time, as in a terminal. */
async function runNew(argv: string[], options: { answers?: string[]; interactive?: boolean } = {}) {
  let stdout = "";
  let stderr = "";
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = "";
  output.on("data", (chunk: Buffer) => (shown += chunk.toString()));
  for (const answer of options.answers ?? []) input.write(`${answer}\n`);
  input.end();
  const io: NewIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: project.root,
    defaultRoot: project.root,
    input,
    output,
    interactive: options.interactive ?? false,
  };
  const code = await newCli(argv, io);
  return { code, stdout, stderr, shown };
}

const filesUnder = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : []);

describe("npm run new", () => {
  it("writes a valid article at content/articles/<publication>/<id>.md that check accepts", async () => {
    project = tempProject();
    const { code, stdout } = await runNew([
      "--title",
      "Police massacre in Juliaca",
      "--publication",
      "Fight Back! News",
      "--language",
      "en",
      "--date",
      "2023-01-09",
      "--url",
      "https://example.org/juliaca",
      "--tags",
      "repression, Juliaca",
      "--authors",
      "staff,Jim Byrne",
      "--summary",
      'Seventeen killed: a "massacre", say unions',
      "--place",
      "Juliaca",
    ]);
    expect(code).toBe(0);
    const file = "content/articles/fight-back-news/police-massacre-in-juliaca.md";
    expect(stdout).toContain(`Wrote ${file}`);
    const text = readFileSync(path.join(project.root, file), "utf8");
    expect(text).toMatch(/^---\ntitle: Police massacre in Juliaca\npublication: Fight Back! News\nlanguage: en\ndate: 2023-01-09\n/);
    expect(text).toContain("id: police-massacre-in-juliaca\n");
    // Everything but the body's placeholder, which is the editor's to replace.
    const report = await runCheck({ root: project.root });
    expect(report.problems).toEqual([
      expect.objectContaining({
        file,
        origin: "placeholder-body",
        severity: "error",
        line: text.split("\n").indexOf(BODY_PLACEHOLDER) + 1,
      }),
    ]);
    expect(report.articles).toBe(1);
    writeFileSync(path.join(project.root, file), text.replace(BODY_PLACEHOLDER, "Body text."));
    expect((await runCheck({ root: project.root })).problems).toEqual([]);
  });

  it("writes a publication and tags as the archive spells them, where check would refuse the spellings given, and says why", async () => {
    const vocabulary = "strike:\n  en: [strike]\n  es: [huelga*, paro]\n  labels: { es: huelga }\n";
    const existing = (title: string, tags: string) =>
      `---\ntitle: ${title}\npublication: Fight Back! News\nlanguage: en\ntags: [${tags}]\n---\n\nBody text.\n`;
    project = tempProject({
      "content/tags.yml": vocabulary,
      "content/articles/fight-back-news/a.md": existing("A", "strike, Perú"),
      "content/articles/fight-back-news/b.md": existing("B", "Perú"),
    });
    const { code, stdout, stderr } = await runNew([
      "--title",
      "Nota de prueba",
      "--publication",
      "fight back news",
      "--language",
      "es",
      "--tags",
      // The `es` label of `strike`, `strike` with a capital, a tag of other articles without its accent, and a new one.
      "huelga, Strike, peru, Lima",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const file = "content/articles/fight-back-news/nota-de-prueba.md";
    const text = readFileSync(path.join(project.root, file), "utf8");
    expect(text).toContain("publication: Fight Back! News\n");
    expect(text).toContain("tags:\n  - strike\n  - Perú\n  - Lima\n");
    // Each change, in check's words.
    expect(stdout).toContain(
      "publication: `Fight Back! News`, not `fight back news`: publication `fight back news` differs from `Fight Back! News` (2 articles) only in case, accents or punctuation",
    );
    expect(stdout).toContain("tags: `strike`, not `huelga`: tag `huelga` is the `es` label of the vocabulary's tag `strike`");
    expect(stdout).toContain("tags: `strike`, not `Strike`: tag `Strike` is the vocabulary's tag `strike` written differently");
    expect(stdout).toContain("tags: `Perú`, not `peru`: tag `peru` differs from `Perú` only in case or accents");
    // Check has nothing to say of the new file once its text is written.
    writeFileSync(path.join(project.root, file), text.replace(BODY_PLACEHOLDER, "Texto."));
    expect((await runCheck({ root: project.root })).problems).toEqual([]);
  });

  it("keeps one of a vocabulary tag's words as given, with check's warning, which check then gives", async () => {
    project = tempProject({ "content/tags.yml": "strike:\n  es: [huelga*, paro]\n" });
    const { code, stdout } = await runNew(["--title", "Paro", "--publication", "Test Press", "--language", "es", "--tags", "Lima, paro"]);
    expect(code).toBe(0);
    const file = "content/articles/test-press/paro.md";
    const text = readFileSync(path.join(project.root, file), "utf8");
    expect(text).toContain("tags:\n  - Lima\n  - paro\n");
    expect(stdout).toContain(
      "`npm run check` will warn:\n  tags.1: tag `paro` is one of the words of the vocabulary's tag `strike`\n      hint: write `strike`",
    );
    writeFileSync(path.join(project.root, file), text.replace(BODY_PLACEHOLDER, "Texto."));
    expect((await runCheck({ root: project.root })).problems).toEqual([
      expect.objectContaining({ file, field: "tags.1", origin: "tag-word", severity: "warning" }),
    ]);
  });

  it("gives a unique id across the whole archive, and never replaces a file", async () => {
    project = tempProject({
      // Same title in another publication: the id is taken archive-wide.
      "content/articles/other/x.md": article("Same headline"),
      // Same id written explicitly under another title.
      "content/articles/other/y.md": article("Something else", "id: same-headline-2"),
      // A broken file sitting where the next id would go: still never replaced.
      "content/articles/test-press/same-headline-3.md": "not an article",
    });
    const first = await runNew(["--title", "Same headline", "--publication", "Test Press", "--language", "en"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("content/articles/test-press/same-headline-4.md");
    expect(readFileSync(path.join(project.root, "content/articles/test-press/same-headline-3.md"), "utf8")).toBe("not an article");
    const second = await runNew(["--title", "Same headline", "--publication", "Test Press", "--language", "en"]);
    expect(second.stdout).toContain("content/articles/test-press/same-headline-5.md");
    const report = await runCheck({ root: project.root });
    expect(report.problems.filter((p) => !p.file.endsWith("same-headline-3.md") && p.origin !== "placeholder-body")).toEqual([]);
    await expect(writeNewArticle(project.root, "content/articles/other/x.md", "replaced")).rejects.toBeInstanceOf(ArticleExistsError);
    expect(readFileSync(path.join(project.root, "content/articles/other/x.md"), "utf8")).toBe(article("Same headline"));
    expect(filesUnder(path.join(project.root, "content/articles/other")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("is not hung by a link to /dev/zero among the articles", async () => {
    const { symlinkSync } = await import("node:fs");
    project = tempProject({ "content/articles/test-press/ok.md": article("Fine") });
    symlinkSync("/dev/zero", path.join(project.root, "content/articles/test-press/zero.md"));
    const { code } = await runNew(["--title", "Fine", "--publication", "Test Press", "--language", "en"]);
    expect(code).toBe(0);
    expect(existsSync(path.join(project.root, "content/articles/test-press/fine-2.md"))).toBe(true);
  });

  it("prints the file and writes nothing with --dry-run", async () => {
    project = tempProject();
    const { code, stdout } = await runNew([
      "--title",
      "Un título",
      "--publication",
      "Periódico",
      "--language",
      "es",
      "--date",
      "2022-12-07?",
      "--dry-run",
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Would write content\/articles\/periodico\/un-titulo\.md/);
    expect(stdout).toContain("date: 2022-12-07?\n");
    expect(filesUnder(path.join(project.root, "content"))).toEqual([]);
  });

  it("refuses bad values, naming each flag, and writes nothing", async () => {
    project = tempProject();
    const { code, stderr } = await runNew([
      "--title",
      "T",
      "--publication",
      "P",
      "--language",
      "English",
      "--date",
      "2023-02-30",
      "--url",
      "javascript:alert(1)",
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("nothing was written");
    expect(stderr).toMatch(/--language: must be a BCP 47 language code/);
    expect(stderr).toMatch(/--date: `2023-02-30`: there is no 30 February in 2023/);
    expect(stderr).toMatch(/--url: must be an http\(s\) address/);
    expect(filesUnder(path.join(project.root, "content"))).toEqual([]);
  });

  it("says which fields are required when not in a terminal", async () => {
    project = tempProject();
    const { code, stderr } = await runNew([]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--title is required/);
    expect(stderr).toMatch(/--publication is required/);
    expect(stderr).toMatch(/--language is required/);
  });

  it("asks for each field in a terminal, and asks again after a bad answer", async () => {
    project = tempProject({ "content/articles/fight-back-news/x.md": article("Existing").replace("Test Press", "Fight Back! News") });
    const { code, stdout, shown } = await runNew([], {
      interactive: true,
      answers: [
        "",
        "Asked in a terminal",
        "Fight Back! News",
        "english",
        "en",
        "2023-13-01",
        "2023-01~",
        "ftp://x",
        "",
        "a, b",
        "",
        "",
        "",
      ],
    });
    expect(code).toBe(0);
    expect(shown).toContain("title is required");
    expect(shown).toContain("in the archive: Fight Back! News");
    expect(shown).toMatch(/language must be a BCP 47 language code.*Try again/);
    expect(shown).toMatch(/date `2023-13-01` is not a valid EDTF date.*Try again/);
    expect(shown).toMatch(/url must be an http\(s\) address.*Try again/);
    expect(stdout).toContain("Wrote content/articles/fight-back-news/asked-in-a-terminal.md");
    const text = readFileSync(path.join(project.root, "content/articles/fight-back-news/asked-in-a-terminal.md"), "utf8");
    expect(text).toContain("date: 2023-01~\n");
    expect(text).toContain("tags:\n  - a\n  - b\n");
    expect((await runCheck({ root: project.root })).problems.map((p) => p.origin)).toEqual(["placeholder-body"]);
  });

  it("asks only for the missing required fields when some flags are given", async () => {
    const values = await askForFields({
      input: lines(["es"]),
      output: new PassThrough(),
      given: { title: "T", publication: "P" },
      requiredOnly: true,
    });
    expect(values).toEqual({ title: "T", publication: "P", language: "es" });
  });

  it("cancels, writing nothing, when the answers run out", async () => {
    project = tempProject();
    const { code, stderr } = await runNew([], { interactive: true, answers: ["Only a title"] });
    expect(code).toBe(1);
    expect(stderr).toContain("Cancelled");
    expect(filesUnder(path.join(project.root, "content"))).toEqual([]);
  });

  it("answers --help and refuses unknown options", async () => {
    project = tempProject();
    const help = await runNew(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run new -- --title TITLE --publication NAME --language CODE/);
    const bad = await runNew(["--titel", "x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--titel'");
  });

  it("works end to end as commands: new writes, check accepts", () => {
    project = tempProject();
    // As package.json runs them: the compiled commands (scripts/run.mjs), made once for every test that runs one.
    const run = (command: string, args: string[]) =>
      spawnSync(process.execPath, ["scripts/run.mjs", command, "--root", project.root, ...args], { cwd: projectRoot, encoding: "utf8" });
    const made = run("new", [
      "--title",
      "Paro nacional",
      "--publication",
      "Peoples Dispatch",
      "--language",
      "es",
      "--date",
      "2022-12/2023-01",
      "--tags",
      "paro,Perú",
    ]);
    expect(made.status, made.stderr).toBe(0);
    expect(existsSync(path.join(project.root, "content/articles/peoples-dispatch/paro-nacional.md"))).toBe(true);
    const placeholder = run("check", []);
    expect(placeholder.status, placeholder.stdout).toBe(1);
    expect(placeholder.stdout).toMatch(
      /^content\/articles\/peoples-dispatch\/paro-nacional\.md \d+:1 the body still holds the line `npm run new` wrote/m,
    );
    const file = path.join(project.root, "content/articles/peoples-dispatch/paro-nacional.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(BODY_PLACEHOLDER, "Body text."));
    const checked = run("check", []);
    expect(checked.status, checked.stdout).toBe(0);
    expect(checked.stdout).toMatch(/^OK: checked 1 article and 0 sources: 0 errors, 0 warnings, 0 notes for editors$/m);
  });
});

function lines(answers: string[]): PassThrough {
  const input = new PassThrough();
  input.end(answers.map((a) => `${a}\n`).join(""));
  return input;
}
