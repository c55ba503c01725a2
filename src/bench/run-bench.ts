/**
 * The benchmark: for each corpus size, a deterministic synthetic archive,
 * then `runs` rounds of four builds measured side by side:
 *   (a) cold   Hemeroteca with no cache and a fresh output folder;
 *   (b) warm   Hemeroteca again, cache present, nothing changed;
 *   (c) edit   Hemeroteca after one article's body was edited;
 *   (d) plain  a plain Eleventy 3 project on the same files, then the Pagefind CLI.
 * Rounds alternate the order of (d) and (a-c), so a machine that is slower
 * early or late in the run does not favour one side.
 *
 * A round's fresh start does not remove the last round's output: it moves it
 * aside (`Discards`), and everything moved aside is removed when the whole
 * benchmark ends. On ext4 without a journal the kernel's inode allocator skips
 * every inode freed in the last minute or more, one by one
 * (`recently_deleted` in fs/ext4/ialloc.c), so files created just after tens
 * of thousands were removed cost several times the system time they cost
 * anywhere else. Cold builds then measured the removal as much as the build:
 * 73 s and 101 s in two rounds of the same code. A journaled ext4, the usual
 * one, has no such cost, and neither has a build on a fresh clone.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { buildScriptArgs } from "./build-script.ts";
import { editArticleText, generateArticle, writeCorpus } from "./generate-corpus.ts";
import { writePlainEleventyProject } from "./plain-eleventy-project.ts";
import { BenchInterrupted, runBuild, type BuildMeasurement, type Command, type ProcessPeak } from "./run-build.ts";

export const SCENARIOS = ["cold", "warm", "edit", "plain"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenchOptions {
  /** The project root (where eleventy.config.ts is). */
  root: string;
  articles: number[];
  runs: number;
  seed: number;
  /** Folder for corpora, outputs and caches. */
  workdir: string;
  /** Keep the work folder afterwards (corpora are then reused by the next run with the same size and seed). */
  keep: boolean;
  /** Only these scenarios (default all). */
  scenarios?: readonly Scenario[];
  log: (message: string) => void;
}

export interface Run {
  round: number;
  wallMs: number;
  peakRssBytes: number | null;
  /** The single process whose own peak was largest (the build's Node process, or a Pagefind process it started). */
  peakProcess?: ProcessPeak | null;
  cpuMs: number | null;
  timings?: Record<string, number | boolean>;
}

/** A build that did not finish: the benchmark records it and goes on with the others. */
export interface FailedBuild {
  scenario: Scenario;
  round: number;
  /** The error's first line (the command and its exit code). */
  message: string;
}

export interface SizeResult {
  articles: number;
  generateMs: number;
  runs: Record<Scenario, Run[]>;
  failed: FailedBuild[];
}

export interface BenchResult {
  machine: Machine;
  options: { articles: number[]; runs: number; seed: number };
  startedAt: string;
  sizes: SizeResult[];
}

/** Bump when generated corpora change, so kept ones are regenerated. */
const CORPUS_FORMAT = 1;

/** The corpus of `articles` in `dir`, generated unless the one kept there (`--keep`) has the same size and seed. */
export async function ensureCorpus(
  dir: string,
  articles: number,
  seed: number,
  log: BenchOptions["log"],
  stop: AbortSignal,
): Promise<{ files: string[]; ms: number }> {
  const stampFile = path.join(dir, "corpus.json");
  const stamp = JSON.stringify({ format: CORPUS_FORMAT, articles, seed });
  const started = performance.now();
  const kept = await readFile(stampFile, "utf8").catch(() => "");
  const keptFiles = kept.startsWith(stamp.slice(0, -1)) ? (JSON.parse(kept) as { files: string[] }).files : [];
  if (keptFiles.length === articles && (await stat(path.join(dir, "articles", keptFiles[keptFiles.length - 1]!)).catch(() => undefined))) {
    const files = keptFiles;
    log(`  reusing the kept corpus of ${articles} articles`);
    return { files, ms: 0 };
  }
  await rm(stampFile, { force: true });
  let reported = 0;
  const files = await writeCorpus(path.join(dir, "articles"), {
    articles,
    seed,
    stop,
    onProgress: (written) => {
      if (written - reported >= 10_000 || written === articles) {
        reported = written;
        log(`  generated ${written} of ${articles} articles`);
      }
    },
  }).catch((error: unknown) => {
    throw stop.aborted ? BenchInterrupted.of(stop) : error;
  });
  await writeFile(stampFile, `${stamp.slice(0, -1)},"files":${JSON.stringify(files)}}`);
  return { files, ms: performance.now() - started };
}

/** `npm run build` (`args`: `buildScriptArgs`) on the corpus in `dir`. */
export function hemerotecaBuild(options: Pick<BenchOptions, "root">, args: string[], dir: string): Command {
  return {
    label: "hemeroteca",
    command: process.execPath,
    args,
    cwd: options.root,
    env: {
      HEMEROTECA_ARTICLES: path.join(dir, "articles"),
      HEMEROTECA_OUTPUT: path.join(dir, "hemeroteca-site"),
      HEMEROTECA_CACHE: path.join(dir, "hemeroteca-cache"),
      HEMEROTECA_TIMINGS: "1",
      HEMEROTECA_NO_CACHE: undefined,
    },
  };
}

function plainBuild(options: BenchOptions, plainDir: string): Command[] {
  return [
    {
      label: "plain eleventy",
      command: process.execPath,
      args: [path.join(options.root, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.mjs", "--quiet"],
      cwd: plainDir,
    },
    { label: "pagefind cli", command: path.join(options.root, "node_modules/.bin/pagefind"), args: ["--site", "_site"], cwd: plainDir },
  ];
}

/**
 * Outputs of earlier rounds, moved into one folder of the work folder (a
 * rename frees no inode) and removed together once no build is measured any more.
 */
export class Discards {
  readonly dir: string;
  private count = 0;

  constructor(workdir: string) {
    this.dir = path.join(workdir, "discarded");
  }

  /** Moves `tree` (a folder inside the work folder) aside; nothing when it does not exist. */
  async discard(tree: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    try {
      await rename(tree, path.join(this.dir, `${process.pid}-${++this.count}-${path.basename(tree)}`));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }

  /** Removes everything moved aside, by this run or by one that was killed outright. */
  async removeAll(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

const toRun = (round: number, measured: BuildMeasurement): Run => ({
  round,
  wallMs: Math.round(measured.wallMs),
  peakRssBytes: measured.peakRssBytes,
  peakProcess: measured.peakProcess,
  cpuMs: measured.cpuMs,
  ...(measured.timings ? { timings: measured.timings } : {}),
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number | null) => (bytes === null ? "?" : `${Math.round(bytes / 2 ** 20)} MiB`);

async function benchSize(options: BenchOptions, articles: number, discards: Discards, stop: AbortSignal): Promise<SizeResult> {
  const dir = path.join(options.workdir, String(articles));
  await mkdir(dir, { recursive: true });
  options.log(`${articles} articles: preparing the corpus in ${dir}`);
  const { files, ms: generateMs } = await ensureCorpus(dir, articles, options.seed, options.log, stop);
  const plain = await writePlainEleventyProject(path.join(dir, "plain"), path.join(dir, "articles"));
  // The one article (c) edits: in the middle of the corpus, so it is neither first nor last in any order.
  const editIndex = Math.floor(articles / 2);
  const editFile = path.join(dir, "articles", files[editIndex]!);
  const original = generateArticle(editIndex, options.seed).text;
  const wanted = new Set(options.scenarios ?? SCENARIOS);
  const buildArgs = buildScriptArgs(options.root);
  const runs: Record<Scenario, Run[]> = { cold: [], warm: [], edit: [], plain: [] };

  const failed: FailedBuild[] = [];
  const measure = async (scenario: Scenario, round: number, commands: Command[]) => {
    let measured: BuildMeasurement;
    try {
      measured = await runBuild(commands, stop);
    } catch (error) {
      // The baseline itself can fail on a large corpus (the Pagefind CLI did at 100,000 articles): that is a result too.
      if (scenario !== "plain" || error instanceof BenchInterrupted) throw error;
      const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
      failed.push({ scenario, round, message });
      options.log(`  round ${round} ${scenario.padEnd(5)} failed: ${message}`);
      return;
    }
    runs[scenario].push(toRun(round, measured));
    const cpu = measured.cpuMs === null ? "" : `  cpu ${seconds(measured.cpuMs)}`;
    const largest = measured.peakProcess ? ` (largest process: ${measured.peakProcess.name} ${mib(measured.peakProcess.bytes)})` : "";
    options.log(
      `  round ${round} ${scenario.padEnd(5)} ${seconds(measured.wallMs).padStart(8)}  peak ${mib(measured.peakRssBytes)}${largest}${cpu}  (load ${loadavg()[0]!.toFixed(1)})`,
    );
  };
  const hemeroteca = async (round: number) => {
    if (wanted.has("cold") || wanted.has("warm") || wanted.has("edit")) {
      await discards.discard(path.join(dir, "hemeroteca-cache"));
      await discards.discard(path.join(dir, "hemeroteca-site"));
      await writeFile(editFile, original);
      await measure("cold", round, [hemerotecaBuild(options, buildArgs, dir)]);
    }
    if (wanted.has("warm")) await measure("warm", round, [hemerotecaBuild(options, buildArgs, dir)]);
    if (wanted.has("edit")) {
      await writeFile(editFile, editArticleText(original, round));
      try {
        await measure("edit", round, [hemerotecaBuild(options, buildArgs, dir)]);
      } finally {
        await writeFile(editFile, original);
      }
    }
  };
  const plainRound = async (round: number) => {
    if (!wanted.has("plain")) return;
    await discards.discard(plain.output);
    await measure("plain", round, plainBuild(options, plain.dir));
  };

  for (let round = 1; round <= options.runs; round++) {
    if (round % 2 === 1) {
      await hemeroteca(round);
      await plainRound(round);
    } else {
      await plainRound(round);
      await hemeroteca(round);
    }
  }
  return { articles, generateMs: Math.round(generateMs), runs, failed };
}

/** The machine a benchmark ran on, and its load as the run began: on a shared machine every figure needs it. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  platform: string;
  loadAverageAtStart: number[];
}

export function thisMachine(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const result: BenchResult = {
    machine: thisMachine(),
    options: { articles: options.articles, runs: options.runs, seed: options.seed },
    startedAt: new Date().toISOString(),
    sizes: [],
  };
  // Interrupted (Ctrl-C, or a CI job cancelled), the running build is stopped and the work folder removed as after a
  // finished run, instead of Node exiting at once and leaving gigabytes of corpora and sites behind.
  const stopping = new AbortController();
  const interrupt = (signal: NodeJS.Signals) => stopping.abort(signal);
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  const discards = new Discards(options.workdir);
  try {
    for (const articles of options.articles) {
      if (stopping.signal.aborted) throw BenchInterrupted.of(stopping.signal);
      result.sizes.push(await benchSize(options, articles, discards, stopping.signal));
    }
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    if (options.keep) await discards.removeAll();
    else await rm(options.workdir, { recursive: true, force: true });
  }
  return result;
}
