/**
 * `--publication` spelt otherwise than the archive spells the same outlet
 * (case, accents, punctuation) is imported under the archive's spelling, as
 * `npm run new` does, so that `npm run check` accepts what the import wrote.
 * Placeholder words stand for an article's text.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { importFiles } from "../../src/import/index.ts";
import { tempRoot, writePage, placeholderParagraph } from "./support.ts";

let root: string;
let dir: string;

beforeEach(async () => {
  root = await tempRoot();
  dir = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-raw-"));
});

const paragraph = (shift: number) => placeholderParagraph(shift);
const article = (title: string, shift: number) =>
  [title, "", paragraph(shift), "", paragraph(shift + 1), "", paragraph(shift + 2), ""].join("\n");

async function publicationOf(file: string): Promise<string | undefined> {
  return /^publication: (.*)$/m.exec(await readFile(path.join(root, file), "utf8"))?.[1];
}

describe("--publication spelt otherwise than the archive spells it", () => {
  it("is imported as the archive's spelling, and the import says so", async () => {
    await importFiles([await writePage(dir, "first.txt", article("Harbour lights over the quiet valley", 0))], {
      root,
      publication: "Voz del Río!",
      kind: "article",
    });
    const second = await importFiles([await writePage(dir, "second.txt", article("Lanterns along the old canal road", 3))], {
      root,
      publication: "voz del rio",
      kind: "article",
    });
    expect(second.warnings.join("\n")).toContain("publication `voz del rio` differs from `Voz del Río!`");
    expect(second.warnings.join("\n")).toContain("imported as `Voz del Río!`");
    const written = second.files.filter((planned) => planned.role === "article");
    expect(written).toHaveLength(1);
    expect(await publicationOf(written[0]!.file)).toMatch(/^["']?Voz del Río!["']?$/);
    expect(second.files.find((planned) => planned.role === "source")!.file).toMatch(/^content\/sources\/voz-del-rio\//);
  });

  it("is kept as given when the archive spells it so, or holds no outlet of that name", async () => {
    await importFiles([await writePage(dir, "first.txt", article("Harbour lights over the quiet valley", 0))], {
      root,
      publication: "Voz del Río!",
      kind: "article",
    });
    const same = await importFiles([await writePage(dir, "second.txt", article("Lanterns along the old canal road", 3))], {
      root,
      publication: "Voz del Río!",
      kind: "article",
      dryRun: true,
    });
    const other = await importFiles([await writePage(dir, "third.txt", article("Bells ringing past the granary", 6))], {
      root,
      publication: "Voz del Valle",
      kind: "article",
      dryRun: true,
    });
    expect([...same.warnings, ...other.warnings].join("\n")).not.toContain("differs from");
  });
});
