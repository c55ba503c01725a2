/**
 * `npm run compare-builds` compares two builds' folders: every file byte for
 * byte, each difference listed (only in one, or differing, with the first
 * line that differs), and the files of a Pagefind index that Pagefind writes
 * in a different order at every build by their decoded content.
 */
import { symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { encode } from "cbor2";
import { describe, expect, it } from "vitest";
import { compareFolders } from "../../src/bench/compare-folders.ts";
import { putFile, temporaryFolders } from "../support/temp-dirs.ts";

const folder = temporaryFolders();

/** A Pagefind data file as Pagefind writes it: gzip of a signature and CBOR. */
const pagefindData = (value: unknown) => gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), Buffer.from(encode(value))]));

async function pagefindIndex(
  dir: string,
  filterHash: string,
  years: [string, number[]][],
  sorts: [string, number[]][] = [
    ["date", [0, 1, 2]],
    ["oldest", [2, 1, 0]],
  ],
): Promise<void> {
  await writeFile(path.join(dir, "pagefind", "filter", `en_${filterHash}.pf_filter`), pagefindData(["year", years]));
  await writeFile(
    path.join(dir, "pagefind", `pagefind.en_${filterHash}ff.pf_meta`),
    pagefindData(["1.5.2", [["en_1", 10]], [], [["year", `en_${filterHash}`]], sorts, ["title"]]),
  );
  await writeFile(
    path.join(dir, "pagefind", "pagefind-entry.json"),
    JSON.stringify({ version: "1.5.2", languages: { en: { hash: `en_${filterHash}ff`, page_count: 1 } } }),
  );
}

describe("compareFolders", () => {
  it("lists each file only one side has and each file that differs, with its first differing line", async () => {
    const [base, head] = [await folder("base"), await folder("head")];
    for (const dir of [base, head]) await putFile(dir, "same/index.html", "<p>same</p>\n");
    await putFile(base, "gone.txt", "x");
    await putFile(head, "new.txt", "y");
    await putFile(base, "page.html", "one\ntwo\nthree\n");
    await putFile(head, "page.html", "one\nTWO\nthree\n");
    await putFile(base, "data.bin", "\0\x01");
    await putFile(head, "data.bin", "\0\x02");
    await symlink("same", path.join(base, "link"));
    await symlink("elsewhere", path.join(head, "link"));
    const result = compareFolders(base, head);
    expect(result.differences).toEqual([
      { file: "data.bin", kind: "differs", detail: "2 bytes, now 2" },
      { file: "gone.txt", kind: "only in base" },
      { file: "link", kind: "differs", detail: expect.stringContaining(`now "a symbolic link to elsewhere"`) },
      { file: "new.txt", kind: "only in head" },
      { file: "page.html", kind: "differs", detail: '14 bytes, now 14; line 2 was "two", now "TWO"' },
    ]);
    expect(result.compared).toBe(4);
  });

  it("finds two identical folders the same", async () => {
    const [base, head] = [await folder("base"), await folder("head")];
    for (const dir of [base, head]) await putFile(dir, "a/b/c.txt", "text\n");
    expect(compareFolders(base, head)).toEqual({ compared: 1, differences: [] });
  });

  it("compares a Pagefind index by its content, not the order Pagefind wrote a filter's values in", async () => {
    const [base, head] = [await folder("base"), await folder("head")];
    for (const dir of [base, head]) await putFile(dir, "pagefind/filter/.keep", "");
    await pagefindIndex(base, "aaaaaaa", [
      ["2022", [1]],
      ["2023", [0, 2]],
    ]);
    await pagefindIndex(
      head,
      "bbbbbbb",
      [
        ["2023", [0, 2]],
        ["2022", [1]],
      ],
      [
        ["oldest", [2, 1, 0]],
        ["date", [0, 1, 2]],
      ],
    );
    expect(compareFolders(base, head).differences).toEqual([]);
  });

  it("still finds a Pagefind filter whose pages changed, and the metadata naming it", async () => {
    const [base, head] = [await folder("base"), await folder("head")];
    for (const dir of [base, head]) await putFile(dir, "pagefind/filter/.keep", "");
    await pagefindIndex(base, "aaaaaaa", [
      ["2022", [1]],
      ["2023", [0, 2]],
    ]);
    await pagefindIndex(head, "bbbbbbb", [
      ["2023", [0]],
      ["2022", [1, 2]],
    ]);
    expect(compareFolders(base, head).differences.map((difference) => difference.file)).toEqual([
      "pagefind/filter/en-year (decoded, values sorted)",
      "pagefind/pagefind.en.pf_meta (decoded, filters by content)",
    ]);
  });
});
