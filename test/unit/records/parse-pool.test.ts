/**
 * Parsing on worker threads gives exactly what parsing in-process gives: the
 * same records, and for broken files the same problems, in the same order.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateArticle } from "../../../src/bench/generate-corpus.ts";
import { cachedParallelParser, loadArticles, type ParseStats } from "../../../src/records/load-articles.ts";
import { parseInProcess, parseInWorkers, type ParseJob } from "../../../src/records/parse-pool.ts";

const encode = (text: string) => new TextEncoder().encode(text);

const BROKEN: ParseJob[] = [
  {
    file: "content/articles/broken/unknown-field.md",
    bytes: encode("---\ntitle: A\npublication: B\nlanguage: en\ntilte: typo\n---\n\nBody.\n"),
  },
  { file: "content/articles/broken/bad-yaml.md", bytes: encode("---\ntitle: [unclosed\npublication: B\n---\n\nBody.\n") },
  { file: "content/articles/broken/missing.md", bytes: encode("---\npublication: B\n---\n\nBody.\n") },
  {
    file: "content/articles/broken/bad-date.md",
    bytes: encode("---\ntitle: A\npublication: B\nlanguage: en\ndate: 2023-13-45\n---\n\nBody.\n"),
  },
  { file: "content/articles/broken/not-utf8.md", bytes: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) },
  { file: "content/articles/broken/js.md", bytes: encode("---js\n{ title: 'x' }\n---\n\nBody.\n") },
];

function jobs(count: number): ParseJob[] {
  const good: ParseJob[] = Array.from({ length: count }, (_, i) => {
    const article = generateArticle(i);
    return { file: `content/articles/${article.path}`, bytes: encode(article.text) };
  });
  // Broken files spread through the batches, so their answers come from different workers.
  BROKEN.forEach((job, i) => good.splice(Math.min(good.length, i * 9 + 1), 0, job));
  return good;
}

describe("the parse pool", () => {
  it("gives the same records and the same problems as parsing in-process", async () => {
    const input = jobs(30);
    const inProcess = parseInProcess(input);
    const onWorkers = await parseInWorkers(input, { threads: 2, startThreads: 2, batchSize: 4 });
    expect(onWorkers).toHaveLength(input.length);
    expect(onWorkers).toEqual(inProcess);
    expect(onWorkers.filter((result) => !result.ok)).toHaveLength(BROKEN.length);
    expect(onWorkers.every((result) => result.ok) || onWorkers.some((result) => !result.ok && result.problems.length > 0)).toBe(true);
  });

  it("answers in input order whatever the batch size", async () => {
    const input = jobs(10);
    const results = await parseInWorkers(input, { threads: 2, batchSize: 1 });
    results.forEach((result, index) => {
      const file = result.ok ? result.record.file : result.problems[0]!.file;
      expect(file).toBe(input[index]!.file);
    });
  });
});

describe("loading on workers", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "hemeroteca-parse-pool-"));
    for (const job of jobs(40)) {
      await mkdir(path.dirname(path.join(root, job.file)), { recursive: true });
      await writeFile(path.join(root, job.file), job.bytes);
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("loads the same records and problems on a pool of its own as on the shared pool, and as parsed in-process", async () => {
    let stats: ParseStats | undefined;
    const parseFiles = cachedParallelParser({ threads: 2, onStats: (s) => (stats = s) });
    const [oneByOne, parallel] = [await loadArticles({ root }), await loadArticles({ root, parseFiles })];
    expect(stats).toMatchObject({ threads: 1, parsed: 40 + BROKEN.length, cached: 0 });
    const inProcess = parseInProcess(jobs(40));
    expect(oneByOne.records).toEqual(
      inProcess
        .flatMap((result) => (result.ok ? [result.record] : []))
        .sort((a, b) => oneByOne.records.findIndex((r) => r.file === a.file) - oneByOne.records.findIndex((r) => r.file === b.file)),
    );
    expect(parallel.records).toEqual(oneByOne.records);
    expect(parallel.problems).toEqual(oneByOne.problems);
    expect(parallel.problems.map((problem) => problem.file)).toEqual(expect.arrayContaining(BROKEN.map((job) => job.file)));
  });
});

describe("an idle pool", () => {
  it("does not keep the process alive: a command that started the worker and parsed nothing ends", async () => {
    const { spawnSync } = await import("node:child_process");
    const { projectRoot } = await import("../../support/build-site.ts");
    // Started as check and import start it, then never given work (an import that stops on a bad argument).
    const script =
      'import { sharedParsePool } from "./src/records/parse-pool.ts"; const pool = sharedParsePool(); await new Promise((resolve) => setImmediate(resolve)); console.log(`running ${pool.running}`);';
    // The timeout only guards the test run; the process ends as soon as the main thread has nothing left to do.
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: projectRoot,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.error).toBeUndefined();
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 0, stdout: "running 1\n" });
  });
});
