/**
 * `npm run check` catches what builds but makes a wrong site: `npm run new`'s
 * placeholder left in, one publication spelt several ways, a tag that is a
 * vocabulary tag written otherwise or translated; it shows every problem in
 * one run, cross-file ones included, errors first; and checks given files
 * against the rest. Problems are matched by their rule (`origin`), not by
 * their wording.
 */
import { afterEach, describe, expect, it } from "vitest";
import { checkCli } from "../../src/check/cli.ts";
import { runCheck } from "../../src/check/index.ts";
import { BODY_PLACEHOLDER } from "../../src/new/index.ts";
import { assignTags, parseVocabulary } from "../../src/import/assign-tags.ts";
import { readdirSync } from "node:fs";
import { articleToFileText } from "../../src/records/article-file.ts";
import { cachedParallelParser, loadArticles } from "../../src/records/load-articles.ts";
import { article, capture, tempProject, type TempProject } from "./support/temp-project.ts";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const A = "content/articles/test-press";

async function checkFiles(files: Record<string, string>) {
  project = tempProject(files);
  return runCheck({ root: project.root });
}

const byRule = (problems: ReadonlyArray<{ file: string; field: string; origin: string; severity: string }>) =>
  problems.map(({ file, field, origin, severity }) => [file.replace(`${A}/`, ""), field, origin, severity]);

const VOCABULARY =
  "strike:\n  en: [strike, strikes, general strike]\n  es: [huelga*, paro]\n  labels: { es: huelga, pt: greve }\nPedro Castillo:\n  any: [Castillo]\n";

describe("check refuses what would make a wrong site", () => {
  it("the placeholder `npm run new` writes for the text, where it stands", async () => {
    const left = article("Left", "", `${BODY_PLACEHOLDER}\n\nThe text came below it.`);
    const { problems } = await checkFiles({
      [`${A}/left.md`]: left,
      [`${A}/empty.md`]: article("Empty", "", BODY_PLACEHOLDER),
      [`${A}/done.md`]: article("Done"),
    });
    expect(byRule(problems)).toEqual([
      ["empty.md", "", "placeholder-body", "error"],
      ["left.md", "", "placeholder-body", "error"],
    ]);
    expect(problems[0]!.line).toBe(7);
  });

  it("an article with neither text nor source, as a warning (an imported headline without text has its source)", async () => {
    const { problems } = await checkFiles({
      [`${A}/bare.md`]: article("Bare", "", ""),
      [`${A}/placeholder.md`]: article("Placeholder", "", BODY_PLACEHOLDER),
      [`${A}/done.md`]: article("Done"),
    });
    expect(byRule(problems)).toEqual([
      ["bare.md", "", "empty-body", "warning"],
      ["placeholder.md", "", "placeholder-body", "error"],
    ]);
    expect(problems[0]!.hint).toContain("url:");
  });

  it("a publication spelt otherwise than the collection does, only in case, accents or punctuation", async () => {
    const of = (publication: string, title: string) => article(title).replace("Test Press", publication);
    const { problems } = await checkFiles({
      [`${A}/a.md`]: of("Fight Back! News", "A"),
      [`${A}/b.md`]: of("Fight Back! News", "B"),
      [`${A}/c.md`]: of("Fight Back News", "C"),
      [`${A}/d.md`]: of("fight back! news", "D"),
      [`${A}/e.md`]: of("Fight Back Newsletter", "E"),
    });
    expect(byRule(problems)).toEqual([
      ["c.md", "publication", "publication-spelling", "error"],
      ["d.md", "publication", "publication-spelling", "error"],
    ]);
    for (const problem of problems) expect(problem.hint).toContain("`Fight Back! News`");
    expect(problems[0]!.line).toBe(3);
  });

  it("given files, the spelling of the others is the existing one, however many the new files are", async () => {
    const of = (publication: string, title: string) => article(title).replace("Test Press", publication);
    project = tempProject({
      [`${A}/old.md`]: of("Fight Back! News", "Old"),
      "content/articles/imported/a.md": of("Fight Back News", "A"),
      "content/articles/imported/b.md": of("Fight Back News", "B"),
    });
    const given = await runCheck({ root: project.root, files: ["content/articles/imported"] });
    expect(given.problems.map((p) => [p.file, p.origin])).toEqual([
      ["content/articles/imported/a.md", "publication-spelling"],
      ["content/articles/imported/b.md", "publication-spelling"],
    ]);
    expect(given.problems[0]!.hint).toContain("`Fight Back! News`");
  });

  it("a tag that is a vocabulary tag written otherwise or translated (errors), or one of its words (a warning)", async () => {
    const { problems } = await checkFiles({
      "content/tags.yml": VOCABULARY,
      [`${A}/a.md`]: article("A", "tags: [strike, huelga, Strike, paro, huelgas, Castillo, Lima, Greve]"),
    });
    expect(byRule(problems)).toEqual([
      ["a.md", "tags.1", "tag-label", "error"],
      ["a.md", "tags.2", "tag-variant", "error"],
      ["a.md", "tags.3", "tag-word", "warning"],
      ["a.md", "tags.4", "tag-word", "warning"],
      ["a.md", "tags.5", "tag-word", "warning"],
      ["a.md", "tags.7", "tag-label", "error"],
    ]);
    expect(problems.find((p) => p.field === "tags.1")!.hint).toContain("`strike`");
    expect(problems.find((p) => p.field === "tags.5")!.hint).toContain("`Pedro Castillo`");
  });

  it("reads labels as names, not as words the importer looks for, and names a label in a bad form", async () => {
    const vocabulary = parseVocabulary(VOCABULARY);
    expect(vocabulary.find((rule) => rule.tag === "strike")!.labels).toEqual({ es: "huelga", pt: "greve" });
    expect(assignTags("Una greve en Lima", "es", vocabulary)).toEqual([]);
    expect(assignTags("Huelgas en Lima", "es", vocabulary)).toEqual(["strike"]);
    const { problems } = await checkFiles({ "content/tags.yml": "strike:\n  en: [strike]\n  labels: { Spanish: huelga }\n" });
    expect(problems.map((p) => [p.file, p.field, p.origin])).toEqual([["content/tags.yml", "strike.labels.Spanish", "tag-vocabulary"]]);
  });
});

describe("check shows every problem in one run", () => {
  it("the rules across files see the articles with problems of their own", async () => {
    const { problems } = await checkFiles({
      // A bad date, and the id and spelling of another file: all three at once.
      [`${A}/a.md`]: article("Same", "date: 2023-13-01").replace("Test Press", "test press"),
      [`${A}/b.md`]: article("Same", "date: 2023-01-09"),
      // Its translation's target is a file with an error: the target exists.
      [`${A}/c.md`]: article("C", "language: es\ntranslations: [d]").replace("language: en\n", ""),
      [`${A}/d.md`]: article("D", "url: nope"),
    });
    expect(byRule(problems)).toEqual([
      ["a.md", "id", "duplicate-id", "error"],
      ["a.md", "publication", "publication-spelling", "error"],
      ["a.md", "date", "article-field", "error"],
      ["b.md", "id", "duplicate-id", "error"],
      ["d.md", "url", "article-field", "error"],
    ]);
  });
});

describe("the check command", () => {
  it("prints errors first, then warnings, and counts the notes unless --notes lists them", async () => {
    project = tempProject({
      [`${A}/a.md`]: article("A", "tags: [Perú]\nreview: [headline derived from teaser]"),
      [`${A}/b.md`]: article("B", "tags: [peru]"),
      [`${A}/z.md`]: article("Z", "url: nope"),
    });
    const { code, stdout } = await capture((io) => checkCli([], io), project.root);
    expect(code).toBe(1);
    const firsts = stdout.split("\n").filter((line) => line.startsWith("content/"));
    expect(firsts).toEqual([
      expect.stringMatching(/^content\/articles\/test-press\/z\.md 5:1 url:/),
      expect.stringMatching(/b\.md 5:8 warning tags\.0/),
    ]);
    expect(stdout).toMatch(/1 note for editors \(`npm run check -- --notes` lists them\)\n$/);
    const listed = await capture((io) => checkCli(["--notes"], io), project.root);
    expect(
      listed.stdout
        .split("\n")
        .filter((line) => line.startsWith("content/"))
        .at(-1),
    ).toMatch(/a\.md 6:10 note review\.0: headline derived from teaser/);
  });

  it("checks the files given, against every other file", async () => {
    project = tempProject({
      [`${A}/a.md`]: article("Same", "url: nope"),
      [`${A}/b.md`]: article("Same").replace("Test Press", "Test press"),
      [`${A}/c.md`]: article("C"),
      [`${A}/d.md`]: article("D"),
    });
    const { code, stdout } = await capture((io) => checkCli(["--json", `${A}/b.md`, `${A}/c.md`], io), project.root);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      articles: number;
      problems: Array<{ file: string; field: string; origin: string; severity: string }>;
    };
    expect(report.articles).toBe(2);
    // a.md's own error is not b.md's; the id it shares with b.md and the spelling b.md differs in are.
    expect(byRule(report.problems)).toEqual([
      ["b.md", "id", "duplicate-id", "error"],
      ["b.md", "publication", "publication-spelling", "error"],
    ]);
    const here = await capture((io) => checkCli(["c.md", "d.md"], { ...io, cwd: `${project!.root}/${A}` }), project.root);
    expect(here.code).toBe(0);
    expect(here.stdout).toBe("OK: checked 2 articles and 0 sources: 0 errors, 0 warnings, 0 notes for editors\n");
    const folder = await capture((io) => checkCli(["--json", "content/articles/"], io), project.root);
    expect((JSON.parse(folder.stdout) as { articles: number }).articles).toBe(4);
    const missing = await capture((io) => checkCli([`${A}/nowhere.md`], io), project.root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nowhere.md");
  });
});

describe("a date is written as the guide says, and as new and the importer write it", () => {
  it("an unquoted year is read as that year; quoted or not, the date is the same", async () => {
    const { problems } = await checkFiles({
      [`${A}/a.md`]: article("A", "date: 2021"),
      [`${A}/b.md`]: article("B", 'date: "2021"'),
      [`${A}/c.md`]: article("C", "date: 2023-01-09"),
    });
    expect(problems).toEqual([]);
    const { records } = await loadArticles({ root: project!.root });
    expect(records.map((r) => [r.date, r.permalink])).toEqual([
      ["2021", "/2021/a/"],
      ["2021", "/2021/b/"],
      ["2023-01-09", "/2023/01/09/c/"],
    ]);
  });

  it("new and the importer (one writer, article-file.ts) write a day unquoted and a bare year quoted, as the guide shows", () => {
    const write = (date: string) => articleToFileText({ title: "T", publication: "P", language: "en", date }, "Text.");
    expect(write("2023-01-09")).toContain("\ndate: 2023-01-09\n");
    expect(write("2022-12-07?")).toContain("\ndate: 2022-12-07?\n");
    expect(write("2021")).toContain('\ndate: "2021"\n');
  });
});

describe("check reuses the build's record cache", () => {
  it("gives the same report with the cache as without it, and writes nothing to it", async () => {
    project = tempProject({
      [`${A}/a.md`]: article("A", "date: 2023-01-09"),
      [`${A}/b.md`]: article("B", "url: nope"),
      [`${A}/c.md`]: article("A"),
    });
    const cache = `${project.root}/.cache/records`;
    await loadArticles({ root: project.root, parseFiles: cachedParallelParser({ cacheDir: cache }) });
    const entries = readdirSync(cache, { recursive: true }).sort();
    expect(entries.length).toBeGreaterThan(0);
    const withCache = await runCheck({ root: project.root });
    expect(withCache.problems.map((p) => p.origin)).toEqual(["duplicate-id", "article-field", "duplicate-id"]);
    expect(await runCheck({ root: project.root, recordCache: false })).toEqual(withCache);
    project.write(`${A}/d.md`, article("D"));
    await runCheck({ root: project.root });
    expect(readdirSync(cache, { recursive: true }).sort()).toEqual(entries);
  });
});
