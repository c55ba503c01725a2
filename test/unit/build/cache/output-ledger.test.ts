/** The ledger of what the last build wrote (output-ledger.ts) vouches for a file only while it is exactly as that build left it. */
import { readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OutputLedger } from "../../../../src/build/cache/output-ledger.ts";
import { putFile, temporaryFolders } from "../../../support/temp-dirs.ts";

const tempDir = temporaryFolders();

/** A ledger of `output` that has seen `files` written, saved and opened again as the next build would. */
async function ledgerAfterWriting(cacheDir: string, output: string, files: Record<string, string>): Promise<OutputLedger> {
  const ledger = await OutputLedger.open(cacheDir, output);
  for (const [file, text] of Object.entries(files)) {
    await putFile(output, file, text);
    ledger.noteWritten(file, text);
  }
  await ledger.save();
  return OutputLedger.open(cacheDir, output);
}

describe("OutputLedger", () => {
  it("vouches for a file written last time with the same bytes, and for nothing else", async () => {
    const [cacheDir, output] = [await tempDir("ledger"), await tempDir("site")];
    const ledger = await ledgerAfterWriting(cacheDir, output, { "a/index.html": "<p>a</p>", "b/index.html": "<p>b</p>" });
    expect(ledger.isUnchanged("a/index.html", () => "<p>a</p>")).toBe(true);
    expect(ledger.isUnchanged("b/index.html", () => "<p>B</p>")).toBe(false);
    expect(ledger.isUnchanged("c/index.html", () => "<p>c</p>")).toBe(false);
    expect(ledger.unchanged).toEqual(["a/index.html"]);
  });

  it("does not vouch for a file changed, touched or removed since, and then does not render it to compare", async () => {
    const [cacheDir, output] = [await tempDir("ledger"), await tempDir("site")];
    const files = { "same-size.html": "<p>1</p>", "touched.html": "<p>2</p>", "removed.html": "<p>3</p>" };
    const ledger = await ledgerAfterWriting(cacheDir, output, files);
    await writeFile(path.join(output, "same-size.html"), "<p>9</p>");
    const touched = path.join(output, "touched.html");
    const { atime, mtime } = await stat(touched);
    await utimes(touched, atime, new Date(mtime.getTime() + 5_000));
    await rm(path.join(output, "removed.html"));
    const asked: string[] = [];
    for (const [file, text] of Object.entries(files)) {
      expect(
        ledger.isUnchanged(file, () => (asked.push(file), text)),
        file,
      ).toBe(false);
    }
    // A file with another time is not read or rendered; one with the same size and time is compared by its bytes.
    expect(asked.filter((file) => file !== "same-size.html")).toEqual([]);
  });

  it("does not note a file that was not modified since the build began (a dry run's)", async () => {
    const [cacheDir, output] = [await tempDir("ledger"), await tempDir("site")];
    await putFile(output, "old.html", "<p>old</p>");
    const ledger = await OutputLedger.open(cacheDir, output);
    ledger.noteWritten("old.html", "<p>new</p>", Date.now() + 60_000);
    await ledger.save();
    expect((await OutputLedger.open(cacheDir, output)).isUnchanged("old.html", () => "<p>new</p>")).toBe(false);
  });

  it("keeps only this build's files, one ledger per output folder, and none without a cache", async () => {
    const [cacheDir, output, other] = [await tempDir("ledger"), await tempDir("site"), await tempDir("other")];
    const first = await ledgerAfterWriting(cacheDir, output, { "kept.html": "k", "dropped.html": "d" });
    expect(first.isUnchanged("kept.html", () => "k")).toBe(true);
    await first.save();
    const second = await OutputLedger.open(cacheDir, output);
    expect(second.isUnchanged("dropped.html", () => "d")).toBe(false);
    expect(second.isUnchanged("kept.html", () => "k")).toBe(true);
    expect((await OutputLedger.open(cacheDir, other)).isUnchanged("kept.html", () => "k")).toBe(false);

    const uncached = await OutputLedger.open(undefined, output);
    uncached.noteWritten("kept.html", "k");
    await uncached.save();
    expect(uncached.isUnchanged("kept.html", () => "k")).toBe(false);
  });

  it("vouches for a file by what it was made from, without its bytes, while it is as the build left it", async () => {
    const [cacheDir, output] = [await tempDir("ledger"), await tempDir("site")];
    const first = await OutputLedger.open(cacheDir, output);
    for (const [file, text, source] of [
      ["a.xml", "<a/>", "key-a"],
      ["b.xml", "<b/>", "key-b"],
      ["c.xml", "<c/>", undefined],
    ] as const) {
      await putFile(output, file, text);
      first.noteWritten(file, text, 0, source);
    }
    await first.save();
    const touched = path.join(output, "b.xml");
    const { atime, mtime } = await stat(touched);
    await utimes(touched, atime, new Date(mtime.getTime() + 5_000));

    const second = await OutputLedger.open(cacheDir, output);
    expect(second.isUnchangedFrom("a.xml", "key-a")).toBe(true);
    expect(second.isUnchangedFrom("b.xml", "key-b")).toBe(false);
    expect(second.isUnchangedFrom("c.xml", "key-c")).toBe(false);
    expect(second.isUnchangedFrom("missing.xml", "key-a")).toBe(false);
    expect(second.unchanged).toEqual(["a.xml"]);
    // Kept as it was, its source with it: the next build vouches for it again, and not for another source.
    await second.save();
    const third = await OutputLedger.open(cacheDir, output);
    expect(third.isUnchangedFrom("a.xml", "key-other")).toBe(false);
    expect(third.isUnchangedFrom("a.xml", "key-a")).toBe(true);
  });

  it("starts empty from a damaged ledger", async () => {
    const [cacheDir, output] = [await tempDir("ledger"), await tempDir("site")];
    await ledgerAfterWriting(cacheDir, output, { "a.html": "a" });
    const [file] = await readdir(cacheDir);
    await writeFile(path.join(cacheDir, file!), "{ not json");
    expect((await OutputLedger.open(cacheDir, output)).isUnchanged("a.html", () => "a")).toBe(false);
  });
});
