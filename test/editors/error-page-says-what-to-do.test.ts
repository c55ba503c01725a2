/**
 * The page `npm start` shows while a save has broken the build names each
 * error's file, line and field, and gives the hint `npm run check` gives for
 * it: both take their hints from one place (problem-hints.ts), and so does
 * the build's log.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/run-check.ts";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { loadSiteConfig } from "../../src/archive/site-config.ts";
import { ContentError } from "../../src/records/problems.ts";
import { buildErrorBlocks, buildErrorPage } from "../../src/site/dev-server.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();

/** Eleventy wraps a plugin's error in its own. */
function asEleventyWrapsIt(error: Error): Error {
  const wrapper = new Error("Error in the eleventy.before event handler", { cause: error }) as Error & { originalError?: unknown };
  wrapper.name = "EleventyBaseError";
  wrapper.originalError = error;
  return wrapper;
}

describe("the error page of npm start", () => {
  it("gives each error's file, line, field, message and check's hint, and leaves warnings to check", async () => {
    const root = await tempDir("error-page");
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    };
    // A typical mistake of each kind: an impossible date, a missing title, a misspelt field.
    await write("content/articles/press/bad-date.md", "---\ntitle: A\npublication: Press\nlanguage: en\ndate: 2023-02-29\n---\nText.\n");
    await write("content/articles/press/no-title.md", "---\npublication: Press\nlanguage: en\n---\nText.\n");
    await write("content/articles/press/typo.md", "---\ntitle: B\npublication: Press\nlanguage: en\ntilte: B\n---\nText.\n");
    // The error the build stops with, as it stops with it.
    const failure = await loadArchive({ root, site: loadSiteConfig(root).site }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ContentError);
    const blocks = buildErrorBlocks(asEleventyWrapsIt(failure as Error));
    // The build's log says it the same way.
    expect((failure as Error).message).toContain("\n    hint: write an EDTF date");

    const checked = await runCheck({ root, recordCache: false });
    const checkErrors = checked.problems.filter((problem) => problem.severity === "error");
    expect(checkErrors.length).toBeGreaterThanOrEqual(3);
    expect(blocks[0]).toBe(`${checkErrors.length} problems in content/ stop the build:`);
    for (const problem of checkErrors) {
      expect(problem.hint).toBeTruthy();
      const where = `${problem.file} ${problem.line}:${problem.column}${problem.field ? ` ${problem.field}:` : ""} ${problem.message}\n    hint: ${problem.hint}`;
      expect(blocks).toContain(where);
    }
    expect(blocks.join("\n")).toContain("content/articles/press/bad-date.md 5:1 date:");
    expect(blocks.join("\n")).toContain("did you mean `title:`?");
  });

  it("shows the text of any other failure, escaped", () => {
    const page = buildErrorPage(asEleventyWrapsIt(new Error("Cannot write _site/<x>: disk full")), "/reload.js");
    expect(page).toContain("Cannot write _site/&lt;x&gt;: disk full");
    expect(page).toContain("EleventyBaseError: Error in the eleventy.before event handler");
  });
});
