/**
 * Bodies shaped to make the Markdown parser slow (work growing with the
 * square of a count) are refused before they are parsed, by `npm run check`
 * and by the build's loader alike, each with an error naming the file, the
 * line and the limit in words that say what is wrong. Before, each of these
 * ran for minutes. No test here is timed: a hang is caught by the test
 * timeout.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { runCheck } from "../../src/check/index.ts";
import { cachedParallelParser } from "../../src/records/load-articles.ts";
import { ContentError } from "../../src/records/problems.ts";
import { putFile, temporaryFolders } from "../support/temp-dirs.ts";
import { pathologicalBodies } from "../support/pathological-markdown.ts";

const FRONT_MATTER = "---\ntitle: A crafted body\npublication: Hostile Press\nlanguage: en\n---\n";
/** The body starts on this line of each file. */
const BODY_LINE = 6;

function indentedListLines(bytes: number, step: number, modulo: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `${" ".repeat((i * step) % modulo)}- item\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join("");
}

/** Each crafted body, the body line where it is refused, and the words of the refusal. */
const CASES: Record<string, { body: string; line: number; message: RegExp }> = {
  // 20 KB: ten thousand lists, each inside the one before, on one line.
  "list-markers-on-one-line": {
    body: `${"- ".repeat(10_000)}x\n`,
    line: 1,
    message: /10,000 list items begin on this line, each inside the one before .*at most 10\)/,
  },
  // 60 KB of emphasis openers and closers in one paragraph.
  "alternating-emphasis": {
    body: "*x _x".repeat(12_000),
    line: 1,
    message: /the paragraph holds more than 1,000 runs of `\*`, `_` or `~`/,
  },
  // The same in many paragraphs, each under the limit.
  "emphasis-in-every-paragraph": {
    body: `${"*x _x".repeat(499)}\n\n`.repeat(400),
    line: 41,
    message: /too many paragraphs hold hundreds of runs of `\*`, `_` or `~`/,
  },
  // 530 KB of list lines indented ever deeper.
  "indented-list-lines": {
    body: indentedListLines(530_000, 2, 400),
    line: 51,
    message: /lists and blockquotes are nested 51 deep here \(at most 50\)/,
  },
  // 530 KB of list lines indented a little: shallow, but on every line.
  "shallow-indented-list-lines": {
    body: indentedListLines(530_000, 1, 40),
    line: 2837,
    message: /their depths add up to more than 50,000/,
  },
  // 100,000 references to one footnote: a flood, not nesting.
  "footnote-flood": {
    body: `${"[^a] ".repeat(100_000)}\n\n[^a]: The note.\n`,
    line: 1,
    message: /footnote `\[\^a\]` is referenced more than 100 times/,
  },
  "many-footnote-references": {
    body: `${Array.from({ length: 2_001 }, (_, i) => `[^n${i % 25}]`).join(" ")}\n\n${Array.from({ length: 25 }, (_, i) => `[^n${i}]: Note ${i}.`).join("\n\n")}\n`,
    line: 1,
    message: /more than 2,000 footnote references/,
  },
  // 800 and 1,600 levels, by indentation and on one line.
  "800-levels": {
    body: Array.from({ length: 800 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n"),
    line: 51,
    message: /nested 51 deep here \(at most 50\)/,
  },
  "1600-levels": { body: `${"- ".repeat(1_600)}x`, line: 1, message: /1,600 list items begin on this line/ },
  "1600-blockquotes": { body: `${"> ".repeat(1_600)}x`, line: 1, message: /blockquotes are nested 1,600 deep \(at most 100\)/ },
  "huge-flat-list": { body: "- item\n".repeat(6_000), line: 5_001, message: /more than 5,000 list items/ },
};

/** Shapes real articles have, near the limits: all read. */
const ORDINARY: Record<string, string> = {
  "dashes-as-a-rule": "Before.\n\n- - - - - - - - - - - - - - - -\n\nAfter.\n",
  "code-with-markers": `Example:\n\n\`\`\`\n${"- ".repeat(30)}x\n${`${"  ".repeat(60)}- deep\n`.repeat(3)}\`\`\`\n`,
  "nested-list": Array.from({ length: 8 }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n"),
  "lazy-continuation": "- one\n  - two\n    - three\nlazy line\n- four\n",
  notes: `${Array.from({ length: 100 }, () => "See[^a].").join(" ")}\n\n[^a]: The note.\n`,
  emphasis: `${"Some *emphasis* and _more_. ".repeat(200)}\n`,
};

const folders = temporaryFolders();
let root: string;

beforeAll(async () => {
  root = await folders("bounded");
  for (const [name, { body }] of Object.entries(CASES))
    await putFile(root, `content/articles/crafted/${name}.md`, FRONT_MATTER.replace("A crafted body", `A crafted body, ${name}`) + body);
  for (const [name, body] of Object.entries(ORDINARY))
    await putFile(root, `content/articles/ordinary/${name}.md`, FRONT_MATTER.replace("A crafted body", name) + body);
});

const fileOf = (name: string) => `content/articles/crafted/${name}.md`;

describe("a body crafted to stall the parser", () => {
  it("is refused by `npm run check`, naming the file, the line and the limit", async () => {
    const report = await runCheck({ root });
    for (const [name, { line, message }] of Object.entries(CASES)) {
      const problems = report.problems.filter((p) => p.file === fileOf(name) && p.severity === "error");
      expect(problems, name).toEqual([
        expect.objectContaining({
          line: BODY_LINE + line - 1,
          field: "",
          message: expect.stringMatching(message),
          hint: expect.any(String),
        }),
      ]);
      expect(problems[0]!.message, name).not.toMatch(/nests too deeply/);
    }
    expect(report.problems.filter((p) => p.file.includes("/ordinary/") && p.severity === "error")).toEqual([]);
  });

  it("is refused by the build's loader, on the shared parse pool and on one of its own, with the same problems", async () => {
    const site = siteConfigFromEnv({});
    const inProcess = await loadArchive({ root, site }).catch((error: unknown) => error);
    const onWorkers = await loadArchive({ root, site, parseFiles: cachedParallelParser({ threads: 1 }) }).catch((error: unknown) => error);
    for (const error of [inProcess, onWorkers]) {
      expect(error).toBeInstanceOf(ContentError);
      const problems = (error as ContentError).problems.filter((p) => p.severity === "error");
      expect(new Set(problems.map((p) => p.file))).toEqual(new Set(Object.keys(CASES).map(fileOf)));
      for (const [name, { line, message }] of Object.entries(CASES)) {
        expect(
          problems.find((p) => p.file === fileOf(name)),
          name,
        ).toMatchObject({ line: BODY_LINE + line - 1, message: expect.stringMatching(message) });
      }
      expect((error as ContentError).message).toContain(`${fileOf("footnote-flood")} ${BODY_LINE}:1 the body is not read: footnote`);
    }
    expect((onWorkers as ContentError).problems).toEqual((inProcess as ContentError).problems);
  });
});

/** Bytes of each body of CommonMark's pathological list: over most limits, small enough for the suite. */
const SWEEP_BYTES = 40_000;
const EMPHASIS = /the paragraph holds more than 1,000 runs of `\*`, `_` or `~` \(at most 1,000 in one paragraph\)/;
const LINK_ENDS = /the paragraph holds more than 500 closing brackets `\]`/;
const OPEN_BRACKETS = /brackets `\[` are open at once, nested or never closed \(at most 100\)/;
/** Each case at `SWEEP_BYTES`: the body line where it is refused and the words that say why, or "read". */
const SWEEP: Record<string, { line: number; message: RegExp } | "read"> = {
  "nested-emphasis-and-strong": { line: 1, message: EMPHASIS },
  "emphasis-closers-without-openers": { line: 1, message: EMPHASIS },
  "emphasis-openers-without-closers": { line: 1, message: EMPHASIS },
  "mismatched-emphasis": { line: 1, message: EMPHASIS },
  "emphasis-closers-multiple-of-3": { line: 1, message: EMPHASIS },
  "strikethrough-runs": { line: 1, message: EMPHASIS },
  "autolink-literals": { line: 1, message: EMPHASIS },
  "link-closers-without-openers": { line: 1, message: LINK_ENDS },
  "mismatched-link-destinations": { line: 1, message: LINK_ENDS },
  "unclosed-inline-links": { line: 1, message: LINK_ENDS },
  "unclosed-inline-links-angle": { line: 1, message: LINK_ENDS },
  "many-uses-of-a-reference": { line: 3, message: LINK_ENDS },
  "link-openers-without-closers": { line: 1, message: OPEN_BRACKETS },
  "link-openers-and-emphasis-closers": { line: 1, message: OPEN_BRACKETS },
  "nested-brackets": { line: 1, message: OPEN_BRACKETS },
  "nested-block-quotes": { line: 1, message: /blockquotes are nested 19,999 deep \(at most 100\)/ },
  "deeply-nested-lists": { line: 51, message: /lists and blockquotes are nested 51 deep here \(at most 50\)/ },
  backticks: { line: 1, message: /101 marker characters .* in a row \(at most 100\)/ },
  "unclosed-html-comments": { line: 1, message: /the paragraph holds more than 1,000 `<` characters/ },
  "many-footnotes": { line: 2_003, message: /the body defines more than 1,000 footnotes/ },
  "footnote-flood": { line: 1, message: /footnote `\[\^a\]` is referenced more than 100 times/ },
  "huge-table-rows": { line: 2_001, message: /the body's tables have more than 2,000 rows/ },
  "huge-table-columns": { line: 2, message: /the body's tables have more than 10,000 cells/ },
  "table-of-pipes": { line: 3, message: /the body's tables have more than 10,000 cells/ },
  "many-html-blocks": { line: 401, message: /HTML elements are nested more than 200 deep/ },
  "nested-html-elements": { line: 1, message: /HTML elements are nested more than 200 deep/ },
  // Refused before the Markdown parser sees it: an article's bytes hold no control character.
  "nul-characters": { line: 1, message: /the file holds [\d,]+ control characters \(the first, U\+0000, here\)/ },
  "many-references": "read",
  "long-line": "read",
  "long-word": "read",
  "entity-flood": "read",
  "unknown-entities": "read",
};

describe("CommonMark's pathological inputs", () => {
  let sweepRoot: string;
  const sweepFile = (name: string) => `content/articles/pathological/${name}.md`;
  beforeAll(async () => {
    sweepRoot = await folders("pathological");
    const bodies = pathologicalBodies(SWEEP_BYTES);
    expect(Object.keys(bodies).sort()).toEqual(Object.keys(SWEEP).sort());
    for (const [name, body] of Object.entries(bodies))
      await putFile(sweepRoot, sweepFile(name), FRONT_MATTER.replace("A crafted body", `A crafted body, ${name}`) + body);
  });

  it("are each refused by `npm run check` with what is wrong and where, or read within the parse budget", async () => {
    const report = await runCheck({ root: sweepRoot });
    for (const [name, expected] of Object.entries(SWEEP)) {
      const errors = report.problems.filter((p) => p.file === sweepFile(name) && p.severity === "error");
      if (expected === "read") expect(errors, name).toEqual([]);
      else
        expect(errors, name).toEqual([
          expect.objectContaining({
            line: BODY_LINE + expected.line - 1,
            message: expect.stringMatching(expected.message),
            hint: expect.any(String),
          }),
        ]);
    }
  });

  it("get the same problems from the build's loader", async () => {
    const error = await loadArchive({ root: sweepRoot, site: siteConfigFromEnv({}) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    const report = await runCheck({ root: sweepRoot });
    const errors = (list: readonly { severity: string; file: string; line: number; message: string }[]) =>
      list
        .filter((p) => p.severity === "error")
        .map(({ file, line, message }) => ({ file, line, message }))
        .sort((a, b) => a.file.localeCompare(b.file));
    expect(errors((error as ContentError).problems)).toEqual(errors(report.problems));
    expect(errors(report.problems).map((p) => p.file)).toEqual(
      Object.keys(SWEEP)
        .filter((name) => SWEEP[name] !== "read")
        .map(sweepFile)
        .sort(),
    );
  });
});
