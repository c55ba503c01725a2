import { describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/records/parse-article.ts";
import { problemToString } from "../../../src/records/problems.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parseArticle("content/articles/x/a.md", encode(text));

function problemsOf(text: string) {
  const result = parse(text);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}

const valid = `---
title: Police massacre in Juliaca
publication: International Workers Organizer
language: en
date: 2023-01-09
tags:
  - repression
  - Juliaca
---

Body with **bold**.
`;

describe("an article file becomes a typed record", () => {
  it("derives id, permalink, html and text", () => {
    const result = parse(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record).toMatchObject({
      id: "police-massacre-in-juliaca",
      permalink: "/2023/01/09/police-massacre-in-juliaca/",
      publicationSlug: "international-workers-organizer",
      html: "<p>Body with <strong>bold</strong>.</p>",
      text: "Body with bold.",
    });
    expect(result.record.parsedDate?.start.precision).toBe("day");
  });

  it("accepts a BOM and CRLF line endings", () => {
    const result = parse(`\uFEFF${valid.replace(/\n/g, "\r\n")}`);
    expect(result.ok).toBe(true);
  });

  it("keeps an explicit id", () => {
    const result = parse(valid.replace("language: en", "language: en\nid: juliaca"));
    expect(result.ok && result.record.permalink).toBe("/2023/01/09/juliaca/");
  });
});

describe("problems name the file, line, column and field", () => {
  it("reports an unknown key on its own line", () => {
    const [problem] = problemsOf(valid.replace("language: en", "language: en\ntilte: typo"));
    expect(problemToString(problem!)).toMatch(/^content\/articles\/x\/a\.md 5:1 tilte: unknown field `tilte`\n {4}hint: /);
  });

  it("reports a missing required field", () => {
    const problems = problemsOf(valid.replace("publication: International Workers Organizer\n", ""));
    expect(problems).toEqual([expect.objectContaining({ field: "publication", message: "is required but missing" })]);
  });

  it("reports a bad date at the date's line with the bad value", () => {
    const [problem] = problemsOf(valid.replace("2023-01-09", "2023-02-30"));
    expect(problem).toMatchObject({ line: 5, field: "date" });
    expect(problem!.message).toContain("`2023-02-30`");
  });

  it("reports a list item by its index", () => {
    const [problem] = problemsOf(valid.replace("  - Juliaca", "  - 42"));
    expect(problem).toMatchObject({ field: "tags.1", line: 8, column: 5 });
  });

  it("refuses urls that are not http(s)", () => {
    const [problem] = problemsOf(valid.replace("language: en", "language: en\nurl: javascript:alert(1)"));
    expect(problem).toMatchObject({ field: "url" });
  });

  it("refuses ids that are not path-safe", () => {
    for (const id of ["../../etc/passwd", "a/b", "index"]) {
      const [problem] = problemsOf(valid.replace("language: en", `language: en\nid: "${id}"`));
      expect(problem).toMatchObject({ field: "id" });
    }
  });

  it.each([
    ["---js\n{ title: require('fs').writeFileSync('/tmp/pwned', '1') }\n---\nx", "`js` is not allowed"],
    ["---javascript\n{}\n---\nx", "`javascript` is not allowed"],
    ["---coffee\ntitle: 1\n---\nx", "`coffee` is not allowed"],
    ["---\ntitle: a\n", "never closed"],
    ["", "empty"],
    ["no front matter", "does not start with front matter"],
    ["---\n- a\n- b\n---\nx", "set of `field: value` lines"],
  ])("refuses %j", (text, message) => {
    const [problem] = problemsOf(text);
    expect(problem!.message).toContain(message);
  });

  it("refuses bytes that are not UTF-8", () => {
    const result = parseArticle("a.md", new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]));
    expect(!result.ok && result.problems[0]!.message).toContain("not valid UTF-8");
  });

  it("bounds YAML alias expansion", () => {
    const bomb = [
      "---",
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "---",
      "x",
    ].join("\n");
    const [problem] = problemsOf(bomb);
    expect(problem!.message).toMatch(/alias|front matter/i);
  });

  it("refuses a file over the size cap", () => {
    const [problem] = problemsOf(`${valid}${"x".repeat(1024 * 1024)}`);
    expect(problem!.message).toContain("more than the limit");
  });
});

describe("a wrong type is not called missing", () => {
  it("says what is wrong with a value of the wrong type", () => {
    const result = parseArticle("a.md", new TextEncoder().encode("---\ntitle: 42\npublication: P\nlanguage: en\n---\nx"));
    expect(!result.ok && result.problems[0]).toMatchObject({ field: "title", message: "must be text" });
  });
});

describe("an unquoted year", () => {
  it("is read as the year the editor meant", () => {
    const result = parseArticle("a.md", new TextEncoder().encode("---\ntitle: T\npublication: P\nlanguage: en\ndate: 2021\n---\nx"));
    expect(result.ok && [result.record.date, result.record.permalink]).toEqual(["2021", "/2021/t/"]);
  });
});

describe("bounds no real article reaches, so that one file cannot cost what thousands do", () => {
  const list = (count: number, prefix: string) => `[${Array.from({ length: count }, (_, i) => `${prefix}${i}`).join(", ")}]`;

  it("accepts 50 tags and 50 authors, and refuses the 51st, naming the line and field", () => {
    expect(parse(valid.replace(/tags:\n(?: {2}- .*\n)+/, `tags: ${list(50, "t")}\nauthors: ${list(50, "a")}\n`)).ok).toBe(true);
    const problems = problemsOf(valid.replace(/tags:\n(?: {2}- .*\n)+/, `tags: ${list(51, "t")}\nauthors: ${list(51, "a")}\n`));
    expect(problems.map(problemToString).map((text) => text.split("\n")[0])).toEqual([
      "content/articles/x/a.md 7:1 authors: must hold at most 50 authors: each makes a page of its own",
      "content/articles/x/a.md 6:1 tags: must hold at most 50 tags: each makes a page and two feeds of its own",
    ]);
  });

  it("refuses a headline of more than 1,000 characters and a name of more than 300", () => {
    const problems = problemsOf(
      valid.replace("Police massacre in Juliaca", "x".repeat(1001)).replace("  - Juliaca", `  - ${"y".repeat(301)}`),
    );
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([
      ["title", "must be at most 1,000 characters: a headline; the text goes below the front matter"],
      ["tags.1", "must be at most 300 characters: a name, not a paragraph"],
    ]);
  });
});
