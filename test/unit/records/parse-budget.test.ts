/**
 * The parse pool's backstop: a file that takes longer than the deadline, or
 * more memory than the cap, ends as an error naming the file, the line where
 * its body begins and the limit; its worker is replaced and every other file
 * is parsed as before. The misbehaviour is on cue (a test worker hangs or
 * fills its heap on files so named), so nothing here depends on how fast the
 * machine is but the deadline being longer than an ordinary parse.
 */
import { afterEach, describe, expect, it } from "vitest";
import { generateArticle } from "../../../src/bench/generate-corpus.ts";
import { readlinkSync } from "node:fs";
import { parseInProcess, ParsePool, parseBudget, threadCpuMs, type ParseJob } from "../../../src/records/parse-pool.ts";

const MISBEHAVING = new URL("./support/misbehaving-parse-worker.ts", import.meta.url);
const encode = (text: string) => new TextEncoder().encode(text);
/** Front matter of five lines: the body starts on line 6. */
const article = (title: string) => encode(`---\ntitle: ${title}\npublication: Press\nlanguage: en\n---\nA body.\n`);

function ordinary(count: number): ParseJob[] {
  return Array.from({ length: count }, (_, i) => {
    const generated = generateArticle(i);
    return { file: `content/articles/${generated.path}`, bytes: encode(generated.text) };
  });
}

let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("a file over the parse budget", () => {
  it("is an error naming the file, its body's line and the deadline; its worker is replaced and the others are parsed", async () => {
    const jobs = ordinary(14);
    // In the middle of batches, so that files before and after them in their batches must be parsed again, on both workers.
    const hanging = [2, 9];
    for (const index of hanging)
      jobs.splice(index, 0, { file: `content/articles/crafted/hang-${index}.md`, bytes: article(`Hangs ${index}`) });
    pool = new ParsePool({ entry: MISBEHAVING, threads: 2, batchSize: 4, deadlineSeconds: 0.5 });
    const results = await pool.parse(jobs);
    expect(pool.replaced).toBe(2);
    for (const index of hanging) {
      expect(results[index]).toEqual({
        ok: false,
        problems: [
          expect.objectContaining({
            file: `content/articles/crafted/hang-${index}.md`,
            line: 6,
            severity: "error",
            origin: "parse-budget",
            message: "the body is not read: reading it took longer than 0.5 s, the time one file may take",
          }),
        ],
      });
    }
    const others = jobs.filter((_, index) => !hanging.includes(index));
    expect(results.filter((_, index) => !hanging.includes(index))).toEqual(parseInProcess(others));
    // And later work is still parsed.
    expect(await pool.parse(ordinary(2))).toEqual(parseInProcess(ordinary(2)));
  });

  it("is an error naming the memory cap when the file fills the worker's heap", async () => {
    const jobs = [...ordinary(3), { file: "content/articles/crafted/balloon.md", bytes: article("Fills the heap") }, ...ordinary(3)];
    pool = new ParsePool({ entry: MISBEHAVING, threads: 1, batchSize: 2, memoryMb: 256, deadlineSeconds: 60 });
    const results = await pool.parse(jobs);
    expect(pool.replaced).toBe(1);
    expect(results[3]).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          file: "content/articles/crafted/balloon.md",
          line: 6,
          message: "the body is not read: reading it needed more than 256 MB of memory, what one file may use",
        }),
      ],
    });
    expect(results.filter((_, index) => index !== 3)).toEqual(parseInProcess(jobs.filter((_, index) => index !== 3)));
  });
});

describe("the budget's settings", () => {
  it("come from HEMEROTECA_PARSE_SECONDS and HEMEROTECA_PARSE_MEMORY_MB, and refuse what is not a positive number", () => {
    expect(parseBudget({})).toEqual({ seconds: 10, memoryMb: 1024 });
    expect(parseBudget({ HEMEROTECA_PARSE_SECONDS: "2.5", HEMEROTECA_PARSE_MEMORY_MB: "300" })).toEqual({ seconds: 2.5, memoryMb: 300 });
    expect(() => parseBudget({ HEMEROTECA_PARSE_SECONDS: "0" })).toThrow(/HEMEROTECA_PARSE_SECONDS="0": it must be a positive number/);
    expect(() => parseBudget({ HEMEROTECA_PARSE_MEMORY_MB: "lots" })).toThrow(/HEMEROTECA_PARSE_MEMORY_MB="lots"/);
  });
});

describe.runIf(process.platform === "linux")("a thread's processor time", () => {
  it("is read from /proc, and grows as the thread works", () => {
    const thread = Number(/task\/(\d+)$/.exec(readlinkSync("/proc/thread-self"))![1]);
    const before = threadCpuMs(thread)!;
    expect(before).toBeGreaterThan(0);
    // Reading /proc is work: read until the counter (in ticks of 10 ms) moves on.
    let after = before;
    while (after === before) after = threadCpuMs(thread)!;
    expect(after).toBeGreaterThan(before);
    expect(threadCpuMs(2 ** 30)).toBeUndefined();
  });
});
