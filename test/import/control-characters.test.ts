/**
 * A raw page holding control characters (a NUL, a form feed of a PDF's page
 * break, C1 characters of a mis-decoded page) is imported into articles that
 * `npm run check` accepts: the kept copy keeps every byte, the articles none
 * of those characters. Placeholder words stand for an article's text.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/index.ts";
import { importFiles } from "../../src/import/index.ts";
import { expectEveryLineAccounted, tempRoot, writePage, placeholderParagraph } from "./support.ts";

const paragraph = (shift: number) => placeholderParagraph(shift);
// eslint-disable-next-line no-control-regex -- these characters are what it looks for
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

describe("a raw page with control characters", () => {
  it("becomes articles without them that check accepts, its kept copy unchanged", async () => {
    const root = await tempRoot();
    const dir = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-raw-"));
    const text = [
      "\fHarbour lights over\u0000 the quiet valley",
      "",
      `${paragraph(0)}\u0085`,
      "",
      `\u0007${paragraph(1)}`,
      "",
      paragraph(2),
      "",
    ].join("\n");
    const result = await importFiles([await writePage(dir, "page.txt", text)], { root, publication: "Voz del Valle", kind: "article" });
    await expectEveryLineAccounted(result, root);
    const articles = result.files.filter((planned) => planned.role === "article");
    expect(articles).toHaveLength(1);
    const written = await readFile(path.join(root, articles[0]!.file), "utf8");
    expect(written).not.toMatch(CONTROLS);
    expect(written).toContain("Harbour lights over the quiet valley");
    const source = result.files.find((planned) => planned.role === "source")!;
    expect(await readFile(path.join(root, source.file), "utf8")).toContain(text);
    const report = await runCheck({ root });
    expect(report.problems.filter((problem) => problem.severity === "error")).toEqual([]);
  });
});
