/**
 * The file-level rules every editor-written file is read under: plain files
 * only, a size limit, strict UTF-8; and the same answers sync and async.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTextFile, readTextFileSync, type ReadTextFile } from "../../../src/records/text-file.ts";

const HINTS = { notAFile: "not-a-file hint", tooLarge: "too-large hint", notUtf8: "utf8 hint" };
const dir = mkdtempSync(path.join(tmpdir(), "hemeroteca-text-file-"));
beforeAll(() => {
  writeFileSync(path.join(dir, "plain.yml"), "title: Año\n");
  writeFileSync(path.join(dir, "latin1.yml"), Buffer.from("title: A\u00f1o\n", "latin1"));
  writeFileSync(path.join(dir, "large.yml"), "x".repeat(101));
  symlinkSync(path.join(dir, "plain.yml"), path.join(dir, "link.yml"));
  mkdirSync(path.join(dir, "folder.yml"));
  execFileSync("mkfifo", [path.join(dir, "pipe.yml")]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function both(name: string): Promise<ReadTextFile> {
  const sync = readTextFileSync(path.join(dir, name), 100, HINTS);
  const async = await readTextFile(path.join(dir, name), 100, HINTS);
  expect(async).toEqual(sync);
  return sync;
}

describe("readTextFile", () => {
  it("reads a plain UTF-8 file within the limit", async () => {
    expect(await both("plain.yml")).toEqual({ text: "title: Año\n" });
  });

  it("calls a file that is not there missing, not a problem", async () => {
    expect(await both("absent.yml")).toEqual({ missing: true });
  });

  it.each(["link.yml", "folder.yml", "pipe.yml"])("does not read %s, which is not a plain file", async (name) => {
    expect(await both(name)).toEqual({ problem: { message: expect.stringContaining("is not a plain file"), hint: "not-a-file hint" } });
  });

  it("refuses a file over the limit, naming its size", async () => {
    expect(await both("large.yml")).toEqual({
      problem: { message: "the file is 101 bytes, more than the limit of 100", hint: "too-large hint" },
    });
  });

  it("refuses bytes that are not UTF-8", async () => {
    expect(await both("latin1.yml")).toEqual({ problem: { message: "the file is not valid UTF-8", hint: "utf8 hint" } });
  });
});
