/**
 * The slips a new editor makes in front matter each get a hint that says
 * what to write, not only where to read about it: a tab before a field, an
 * unclosed quote, a value holding `: `, a list written as a line of text, a
 * misspelt field with two letters swapped.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/run-check.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();

const SLIPS: Record<string, { front: string; line: number; field: string; hint: RegExp }> = {
  "tab.md": {
    front: "title: Tab\npublication: Press\n\tlanguage: es",
    line: 4,
    field: "",
    hint: /replace the tab at the start of the line with spaces/,
  },
  "unclosed-quote.md": {
    front: 'title: "Unclosed\npublication: Press\nlanguage: en',
    line: 4,
    field: "",
    hint: /close the quote on the same line/,
  },
  "colon-in-value.md": {
    front: "title: Peru: a year\npublication: Press\nlanguage: en",
    line: 2,
    field: "",
    hint: /a value that holds `: ` must be in quotes/,
  },
  "tags-as-text.md": {
    front: "title: Tags\npublication: Press\nlanguage: en\ntags: strike, Juliaca",
    line: 5,
    field: "tags",
    hint: /^write a list, e\.g\. `tags: \[/,
  },
  "swapped-letters.md": {
    front: "tilte: Swapped\npublication: Press\nlanguage: en",
    line: 2,
    field: "tilte",
    hint: /^did you mean `title:`\?/,
  },
};

describe("check's hints for front-matter slips", () => {
  it("say what to write for each, at its file and line", async () => {
    const root = await tempDir("slips");
    await mkdir(path.join(root, "content/articles/press"), { recursive: true });
    for (const [name, { front }] of Object.entries(SLIPS))
      await writeFile(path.join(root, "content/articles/press", name), `---\n${front}\n---\nText.\n`);
    const { problems } = await runCheck({ root, recordCache: false });
    for (const [name, slip] of Object.entries(SLIPS)) {
      const mine = problems.filter((problem) => problem.file === `content/articles/press/${name}` && problem.severity === "error");
      expect(mine, name).toContainEqual(
        expect.objectContaining({ line: slip.line, field: slip.field, hint: expect.stringMatching(slip.hint) }),
      );
    }
  });
});
