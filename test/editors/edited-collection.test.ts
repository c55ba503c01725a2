/**
 * Editors' changes that pass `npm run check` never fail the tests of the
 * collection's site. A copy of the default collection is changed the ways
 * editors change it — an article written by hand with `npm run new` (Spanish,
 * dated only by its year, with no source), a page of a new publication
 * imported (dated January 2023, the month the collection's articles crowd),
 * an article deleted, a date corrected with the old address kept as an alias
 * — then `npm run check` must pass and the same checks as the default
 * collection's run on its site.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect } from "vitest";
import { BODY_PLACEHOLDER } from "../../src/new/index.ts";
import { splitSource } from "../../src/records/read-sources.ts";
import { parseArticle } from "../../src/records/parse-article.ts";
import { projectRoot } from "../support/build-site.ts";
import { describeCollectionSite } from "../readers/support/collection-site-checks.ts";

const copy = mkdtempSync(path.join(tmpdir(), "hemeroteca-edited-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** An `npm run` command on the copy, as an editor runs it. */
function run(script: string, args: string[]): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, "--root", copy, ...args], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  expect(result.status, `npm run ${script}: ${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

const articlesDir = path.join(copy, "content/articles");
const articleFiles = () =>
  readdirSync(articlesDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(articlesDir, f))
    .sort();
const recordOf = (file: string) => {
  const parsed = parseArticle(path.relative(copy, file), readFileSync(file));
  if (!parsed.ok) throw new Error(`${file} is not an article`);
  return parsed.record;
};

async function editTheCopy(): Promise<string> {
  cpSync(path.join(projectRoot, "content"), path.join(copy, "content"), { recursive: true });
  const records = articleFiles().map((file) => ({ file, record: recordOf(file) }));

  // Written by hand: `npm run new`, then the text below the front matter (a real article's, from the collection).
  const made = /Wrote (.+\.md)/.exec(
    run("new", ["--title", "Nota de prueba escrita a mano", "--publication", "Fight Back! News", "--language", "es", "--date", "2021"]),
  )![1]!;
  const written = path.resolve(projectRoot, made);
  const spanish = records.find(({ record }) => record.language === "es")!;
  const body = readFileSync(spanish.file, "utf8").split(/^---$/m).slice(2).join("---").trim();
  writeFileSync(written, readFileSync(written, "utf8").replace(BODY_PLACEHOLDER, body));

  // Imported: a kept page of the collection, as a new publication's, its articles dated January 2023.
  const kept = readdirSync(path.join(copy, "content/sources"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(copy, "content/sources", f));
  const dated = kept.find((file) =>
    records.some(({ record }) => record.source && path.join(copy, record.source.file) === file && record.date?.startsWith("2023-01")),
  )!;
  const page = path.join(copy, "page.txt");
  writeFileSync(page, splitSource(readFileSync(dated, "utf8"))!.verbatim);
  run("import", ["--publication", "Periódico de Prueba", page]);
  expect(readdirSync(path.join(articlesDir, "periodico-de-prueba")).length).toBeGreaterThan(0);

  // Deleted: an article no other translates.
  const targets = new Set(records.flatMap(({ record }) => record.translations ?? []));
  const deleted = records.find(({ record }) => !targets.has(record.id) && !record.aliases)!;
  unlinkSync(deleted.file);

  // A date corrected: the article moves, and its old address is kept as an alias.
  const moved = records.find((entry) => entry !== deleted && entry.record.date && !entry.record.aliases)!;
  const text = readFileSync(moved.file, "utf8");
  writeFileSync(moved.file, text.replace(/^date: .*$/m, `date: "2019-05-01"\naliases: ["${moved.record.permalink}"]`));
  expect(recordOf(moved.file).permalink).toBe(`/2019/05/01/${moved.record.id}/`);

  const checked = run("check", []);
  expect(checked).toMatch(/^OK: /m);
  return articlesDir;
}

describeCollectionSite("a copy of the default collection changed as editors change it", editTheCopy);
