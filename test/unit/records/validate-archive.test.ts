import { describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/records/parse-article.ts";
import type { ArticleRecord } from "../../../src/records/article-record.ts";
import { validateArchive } from "../../../src/records/validate-archive.ts";

function record(file: string, fields: string): ArticleRecord {
  const result = parseArticle(file, new TextEncoder().encode(`---\npublication: P\n${fields}\n---\nbody\n`));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.record;
}
const nowhere = () => ({ line: 1, column: 1 });

describe("rules across files", () => {
  it("reports a duplicate id in both files", () => {
    const problems = validateArchive([record("a.md", "title: Same\nlanguage: en"), record("b.md", "title: Same\nlanguage: es")], nowhere);
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ["a.md", "id"],
      ["b.md", "id"],
    ]);
    expect(problems[0]!.message).toContain("b.md");
  });

  it("reports a translation that points nowhere or to the same language", () => {
    const problems = validateArchive(
      [record("a.md", "title: A\nlanguage: en\ntranslations: [missing, b]"), record("b.md", "title: B\nlanguage: en")],
      nowhere,
    );
    expect(problems.map((p) => p.field)).toEqual(["translations.0", "translations.1"]);
    expect(problems[0]!.message).toContain("`missing`");
    expect(problems[1]!.message).toContain("same language");
  });

  it("reports an alias that would overwrite another article's page", () => {
    const problems = validateArchive(
      [record("a.md", "title: A\nlanguage: en\ndate: 2023-01-09"), record("b.md", "title: B\nlanguage: en\naliases: [/2023/01/09/a/]")],
      nowhere,
    );
    expect(problems).toEqual([expect.objectContaining({ file: "b.md", field: "aliases.0", severity: "error" })]);
  });

  it("warns about tags that differ only in case or accents", () => {
    const problems = validateArchive(
      [record("a.md", "title: A\nlanguage: en\ntags: [Perú]"), record("b.md", "title: B\nlanguage: en\ntags: [peru]")],
      nowhere,
    );
    expect(problems).toEqual([expect.objectContaining({ file: "b.md", field: "tags.0", severity: "warning" })]);
  });

  it("accepts a consistent archive", () => {
    expect(
      validateArchive([record("a.md", "title: A\nlanguage: en\ntranslations: [b]"), record("b.md", "title: B\nlanguage: es")], nowhere),
    ).toEqual([]);
  });
});
