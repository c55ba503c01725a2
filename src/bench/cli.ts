/**
 * `npm run bench`: parses the arguments, runs the benchmark, prints the
 * report (Markdown tables, or one JSON object with `--json`). Progress goes to
 * stderr, so `--json` output can be piped.
 */
import { rm } from "node:fs/promises";
import { constants as osConstants, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { timeServedEdits, timeStartups, timingsToJson, timingsToMarkdown, type Timing } from "./edit-loop.ts";
import { DEFAULT_SEED } from "./generate-corpus.ts";
import { summarize, summaryToMarkdown } from "./report.ts";
import { runBench, SCENARIOS, type Scenario } from "./run-bench.ts";
import { BenchInterrupted } from "./run-build.ts";
import { runSearchBench, SEARCH_SIDES, type SearchBenchOptions, type SearchSide } from "./search-bench.ts";
import { searchSummaryToMarkdown, summarizeSearch } from "./search-report.ts";

export const HELP = `Usage: npm run bench -- [--articles N[,N...]] [--runs K] [--startup | --serve] [--json] [--keep]
       npm run bench -- --search [--articles N[,N...]] [--runs K] [--json] [--keep]

Generates a deterministic synthetic archive of N articles, then builds it,
alternating, K times each:
  (a) cold   Hemeroteca with no cache and a fresh output folder
  (b) warm   Hemeroteca again, cache present, nothing changed
  (c) edit   Hemeroteca after editing one article
  (d) plain  a plain Eleventy 3 project on the same files + the Pagefind CLI
and reports medians and ranges of wall time and peak memory (RSS of the whole
process tree), the ratios to (d), and Hemeroteca's time by stage.

With --search, it builds the corpus once with Hemeroteca and makes one stock
Pagefind index of the same article pages, serves each from a local host that
gzips text as GitHub Pages does, and in Chromium (/usr/bin/chromium, or
CHROMIUM_PATH), with an empty cache for each query, measures a fixed list of
common, rare and two-word queries (and, on Hemeroteca's page alone, one
sorted newest first): bytes on the wire, requests, time to the first
result, and what a further search in the same page moves.

With --startup, it times instead how long each command takes to start
(\`--help\` of check, new, import, search and bench, and a whole \`npm run
check\`, a \`new\` and an \`import\` with --dry-run), K times each, compiled
and through tsx (or another checkout's, --baseline) in turn. With --serve, it
starts \`npm start\` on a synthetic archive of N articles, opens one
article's page in Chromium, and times, K times, from saving that article to
the open page showing the change (brought by the server's live reload) and to
the rebuild's end; then the same with a plain Eleventy 3 project of the same
files under \`eleventy --serve\`, the baseline. Both print the ratio to the
baseline and the load average of each run beside the medians.

Options:
  --articles N[,N...]   corpus sizes (default 1000)
  --runs K              rounds per size (default 3)
  --search              measure searches instead of builds
  --only LIST           scenarios to run, e.g. \`cold\` or \`cold,plain\` (default all)
  --seed S              corpus seed (default ${DEFAULT_SEED})
  --workdir DIR         where corpora, sites and caches go (default: a folder in ${tmpdir()})
  --keep                keep the work folder (a kept corpus is reused by the next run)
  --startup             time the commands' start instead of builds
  --baseline DIR        with --startup, time another checkout's commands (an
                        earlier commit, its own node_modules) in turn, instead
                        of the same commands through tsx
  --serve               time a saved article's way to the open page under npm start instead of builds
  --json                print one JSON object instead of tables
  -h, --help            show this help

Interrupted (Ctrl-C), it stops the running build and removes the work folder,
unless --keep.

Example:
  npm run bench -- --articles 1000,10000 --runs 3
  npm run bench -- --startup --runs 5
  npm run bench -- --serve --articles 50,10000 --runs 3
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  root: string;
}

function positiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`Cannot read \`--${option} ${text}\`: expected a whole number of at least 1`);
  }
  return value;
}

export async function benchCli(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        articles: { type: "string", default: "1000" },
        runs: { type: "string", default: "3" },
        only: { type: "string" },
        seed: { type: "string", default: String(DEFAULT_SEED) },
        workdir: { type: "string" },
        keep: { type: "boolean", default: false },
        search: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        startup: { type: "boolean", default: false },
        serve: { type: "boolean", default: false },
        baseline: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  let articles: number[], runs: number, seed: number, scenarios: Scenario[] | undefined, sides: SearchSide[] | undefined;
  try {
    articles = values.articles.split(",").map((text) => positiveInteger(text, "articles"));
    runs = positiveInteger(values.runs, "runs");
    seed = positiveInteger(values.seed, "seed");
    // With --search, --only chooses the sides searched; otherwise the builds.
    const choices: readonly string[] = values.search ? SEARCH_SIDES : SCENARIOS;
    const chosen = values.only?.split(",").map((name) => {
      if (!choices.includes(name.trim()))
        throw new Error(`Cannot read \`--only ${values.only}\`: \`${name}\` is not one of ${choices.join(", ")}`);
      return name.trim();
    });
    if (values.search) {
      sides = chosen as SearchSide[] | undefined;
      if (sides && !sides.includes("hemeroteca"))
        throw new Error(`Cannot read \`--only ${values.only}\`: a search benchmark searches \`hemeroteca\``);
    } else scenarios = chosen as Scenario[] | undefined;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const workdir = path.resolve(values.workdir ?? path.join(tmpdir(), `hemeroteca-bench-${seed}`));
  if (values.search)
    return searchCli(
      { root: io.root, articles, runs, seed, workdir, keep: values.keep, json: values.json, ...(sides ? { sides } : {}) },
      io,
    );
  if (values.startup || values.serve) {
    const timings: Timing[] = values.startup
      ? timeStartups(io.root, runs, values.baseline ? path.resolve(values.baseline) : undefined)
      : [];
    if (values.serve) {
      for (const count of articles) {
        timings.push(
          ...(await timeServedEdits(io.root, {
            articles: count,
            runs,
            workdir: path.join(workdir, `serve-${count}`),
            log: (message) => io.stderr(`${message}\n`),
          })),
        );
      }
      if (!values.keep) await rm(workdir, { recursive: true, force: true });
    }
    io.stdout(values.json ? timingsToJson(timings) : timingsToMarkdown(timings));
    return 0;
  }
  let result;
  try {
    result = await runBench({
      root: io.root,
      articles,
      runs,
      seed,
      workdir,
      keep: values.keep,
      ...(scenarios ? { scenarios } : {}),
      log: (message) => io.stderr(`${message}\n`),
    });
  } catch (error) {
    if (!(error instanceof BenchInterrupted)) throw error;
    io.stderr(`${error.message}: the running build was stopped${values.keep ? "" : ` and ${workdir} removed`}\n`);
    // As a shell reports a command ended by that signal.
    return 128 + (osConstants.signals[error.signal as NodeJS.Signals] ?? 15);
  }
  const summary = summarize(result);
  io.stdout(
    values.json
      ? `${JSON.stringify({ ...summary, runs: result.sizes.map((size) => ({ articles: size.articles, ...size.runs })) }, null, 2)}\n`
      : summaryToMarkdown(summary),
  );
  return 0;
}

async function searchCli(options: Omit<SearchBenchOptions, "log"> & { keep: boolean; json: boolean }, io: CliIo): Promise<number> {
  try {
    const result = await runSearchBench({ ...options, log: (message) => io.stderr(`${message}\n`) });
    const summary = summarizeSearch(result);
    io.stdout(
      options.json
        ? `${JSON.stringify({ ...summary, runs: result.sizes.map((size) => ({ articles: size.articles, measurements: size.measurements })) }, null, 2)}\n`
        : searchSummaryToMarkdown(summary),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BenchInterrupted)) throw error;
    io.stderr(`${error.message}: the running build was stopped${options.keep ? "" : ` and ${options.workdir} removed`}\n`);
    return 128 + (osConstants.signals[error.signal as NodeJS.Signals] ?? 15);
  } finally {
    if (!options.keep) await rm(options.workdir, { recursive: true, force: true });
  }
}
