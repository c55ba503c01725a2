/**
 * The editor's loop, measured: how long each command takes to start
 * (`--startup`), and how long an article saved during `npm start` takes to
 * show in the page open in the browser (`--serve`), against a plain Eleventy
 * project of the same files under `eleventy --serve`. Both report the
 * machine's load beside the times, since on a shared machine they mean little
 * without it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile, utimes, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { parseArticle } from "../records/parse-article.ts";
import { editArticleText, generateArticle, writeCorpus } from "./generate-corpus.ts";
import { writePlainEleventyProject } from "./plain-eleventy-project.ts";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./search-bench.ts";

export const STARTUP_COMMANDS = ["check", "new", "import", "search", "bench"] as const;

export interface Timing {
  what: string;
  /** Wall times in ms, one a run. */
  ms: number[];
  /** The one-minute load average as each run ended. */
  load?: number[];
  /** The `what` of the baseline measured beside it in the same run, to report the ratio. */
  versus?: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** `node ARGS` of a package.json script. */
function scriptArgs(root: string, name: string): string[] {
  const script = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts as Record<string, string>)[name] ?? "";
  const [node, ...args] = script.trim().split(/\s+/);
  if (node !== "node") throw new Error(`Cannot \`time\` npm run ${name}: its script should start with \`node\`, found \`${script}\``);
  return args;
}

/** A page of the import fixtures, imported as a raw page with `--dry-run` (nothing written) into an empty project by the start-up times. */
const IMPORT_PAGE = "test/fixtures/import/content/sources/peoples-dispatch/004_f9e21679d1a1e6f1.md";

/**
 * Times `--help` of every command, `npm run check` of the project's own
 * collection, `npm run new -- --dry-run` and `npm run import -- --dry-run` of
 * a kept page, `runs` times each (npm's own start-up left out), against a
 * baseline measured in turn with each run, so that both meet the same load:
 * the same commands through tsx, as every start was before
 * (`HEMEROTECA_SCRIPTS=tsx`), or, given `baseline`, those of another
 * checkout (an earlier commit) in the same way.
 */
export function timeStartups(root: string, runs: number, baseline?: string): Timing[] {
  const emptyRoot = mkdtempSync(path.join(tmpdir(), "hemeroteca-startup-"));
  try {
    return timeStartupCases(root, runs, emptyRoot, baseline);
  } finally {
    rmSync(emptyRoot, { recursive: true, force: true });
  }
}

function timeStartupCases(root: string, runs: number, emptyRoot: string, baseline?: string): Timing[] {
  const cases = (checkout: string) => [
    ...STARTUP_COMMANDS.map((name) => ({ what: `npm run ${name} -- --help`, args: [...scriptArgs(checkout, name), "--help"] })),
    { what: "npm run check (the whole collection)", args: scriptArgs(checkout, "check") },
    {
      what: "npm run new -- --dry-run",
      args: [...scriptArgs(checkout, "new"), "--dry-run", "--title", "Start-up", "--publication", "Bench", "--language", "en"],
    },
    {
      what: "npm run import -- --dry-run (a page of 11 articles)",
      args: [
        ...scriptArgs(checkout, "import"),
        "--dry-run",
        "--root",
        emptyRoot,
        "--publication",
        "People's Dispatch",
        path.join(root, IMPORT_PAGE),
      ],
    },
  ];
  const ways = [
    { name: "", cwd: root, env: { HEMEROTECA_SCRIPTS: "compiled" } },
    baseline
      ? { name: `, ${path.basename(baseline)} (baseline)`, cwd: baseline, env: { HEMEROTECA_SCRIPTS: "compiled" } }
      : { name: ", through tsx", cwd: root, env: { HEMEROTECA_SCRIPTS: "tsx" } },
  ];
  const ours = cases(root);
  const theirs = cases(baseline ?? root);
  // The first start after a change compiles the scripts: done here, outside the times.
  for (const way of ways) spawnSync(process.execPath, ours[0]!.args, { cwd: way.cwd, stdio: "ignore" });
  return ours.flatMap(({ what, args }, index) => {
    const times = ways.map(() => [] as number[]);
    const load: number[] = [];
    for (let run = 0; run < runs; run++) {
      ways.forEach((way, w) => {
        const started = performance.now();
        const result = spawnSync(process.execPath, w === 0 ? args : theirs[index]!.args, {
          cwd: way.cwd,
          encoding: "utf8",
          env: { ...process.env, ...way.env },
        });
        times[w]!.push(Math.round(performance.now() - started));
        if (result.status !== 0 && !what.startsWith("npm run check"))
          throw new Error(`${what}${way.name} failed (${result.status}):\n${result.stderr}`);
      });
      load.push(loadavg()[0]!);
    }
    return [
      { what, ms: times[0]!, load, versus: `${what}${ways[1]!.name}` },
      { what: `${what}${ways[1]!.name}`, ms: times[1]!, load },
    ];
  });
}

/** A dev server under test: its output so far, and how many builds it has ended. */
interface Watcher {
  child: ChildProcess;
  output: () => string;
  /** Eleventy ends each build (the search index and exports included in Hemeroteca's) with "Wrote N files". */
  buildsEnded: () => number;
}

function startWatcher(command: string[], cwd: string, env: NodeJS.ProcessEnv): Watcher {
  const child = spawn(process.execPath, command, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that its Pagefind processes end with it.
    detached: true,
  });
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  return { child, output: () => output, buildsEnded: () => output.match(/ Wrote \d+ files? in /g)?.length ?? 0 };
}

/** Longest wait for one step: a guard against waiting for ever, not a limit (a first build of 10,000 articles took over 15 minutes at a load of 50). */
const STEP_MS = 60 * 60_000;

/** Looks every 20 ms until `probe` answers something; gives up with the server's output after STEP_MS. */
async function until<T>(
  watcher: Watcher,
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  poke?: () => Promise<void>,
): Promise<T> {
  const deadline = Date.now() + STEP_MS;
  let poked = Date.now();
  for (;;) {
    if (watcher.child.exitCode !== null)
      throw new Error(`the server exited (${watcher.child.exitCode}) while waiting for ${what}:\n${watcher.output()}`);
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; the server's output:\n${watcher.output().slice(-4000)}`);
    if (poke && Date.now() - poked > 2000) {
      await poke();
      poked = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The text of the page open in the browser, or "" while it reloads. */
const pageText = (page: Page) =>
  page
    .locator("body")
    .textContent({ timeout: 1000 })
    .then(
      (text) => text ?? "",
      () => "",
    );

/**
 * Serves a site with `watcher`, opens `pageUrl` in Chromium as an editor
 * would, and `runs` times saves `file` and times until the open page shows
 * the change (the server's live reload brings it; nothing is reloaded by
 * hand), and until the rebuild has ended. A first save, not timed, waits for
 * the watcher to be ready: Eleventy starts serving before its file watcher
 * sees changes, and a save made before then is never seen, so that save is
 * repeated until the page shows it.
 */
async function timeSaves(
  what: string,
  watcher: Watcher,
  browser: Browser,
  pageOf: (url: string) => string,
  file: string,
  runs: number,
  log: (message: string) => void,
): Promise<Timing[]> {
  try {
    const url = await until(watcher, `${what}'s server`, () => /Server at (http:\/\/localhost:\d+)\//.exec(watcher.output())?.[1]);
    const page = await browser.newPage();
    await page.goto(pageOf(url));
    const save = async (round: number) => writeFile(file, editArticleText(await readFile(file, "utf8"), round));
    const marker = (round: number) => `Edited for benchmark round ${round}:`;
    let builds = watcher.buildsEnded();
    await save(0);
    await until(
      watcher,
      `${what}: the page after the first save`,
      async () => ((await pageText(page)).includes(marker(0)) ? true : undefined),
      () => utimes(file, new Date(), new Date()),
    );
    await until(watcher, `${what}: the end of the first rebuild`, () => (watcher.buildsEnded() > builds ? true : undefined));
    const shown: number[] = [];
    const ended: number[] = [];
    const load: number[] = [];
    for (let round = 1; round <= runs; round++) {
      builds = watcher.buildsEnded();
      const started = performance.now();
      await save(round);
      await until(watcher, `${what}: the page after save ${round}`, async () =>
        (await pageText(page)).includes(marker(round)) ? true : undefined,
      );
      shown.push(Math.round(performance.now() - started));
      await until(watcher, `${what}: the end of rebuild ${round}`, () => (watcher.buildsEnded() > builds ? true : undefined));
      ended.push(Math.round(performance.now() - started));
      load.push(loadavg()[0]!);
      log(
        `${what}, save ${round}: shown after ${shown.at(-1)} ms, rebuild ended after ${ended.at(-1)} ms (load ${load.at(-1)!.toFixed(2)})`,
      );
    }
    await page.close();
    return [
      { what: `${what}: save to page shown`, ms: shown, load },
      { what: `${what}: save to rebuild ended`, ms: ended, load },
    ];
  } finally {
    if (watcher.child.exitCode === null && watcher.child.pid) process.kill(-watcher.child.pid, "SIGTERM");
  }
}

/**
 * Save to show: on a generated archive of `articles` articles, `npm start`
 * (Hemeroteca), then a plain Eleventy project of the same files served by
 * `eleventy --serve` (the baseline, as in the build benchmark), each with
 * the page of one article open in Chromium; `runs` saves of that article
 * each, timed until the open page shows the change.
 */
export async function timeServedEdits(
  root: string,
  options: { articles: number; runs: number; workdir: string; log: (message: string) => void },
): Promise<Timing[]> {
  const articles = path.join(options.workdir, "articles");
  options.log(`writing ${options.articles} articles into ${articles}`);
  await writeCorpus(articles, { articles: options.articles });
  const article = generateArticle(Math.floor(options.articles / 2));
  const parsed = parseArticle(`content/articles/${article.path}`, new TextEncoder().encode(article.text));
  if (!parsed.ok) throw new Error(`generated article ${article.path} is not valid`);
  const file = path.join(articles, article.path);
  const plain = await writePlainEleventyProject(path.join(options.workdir, "plain"), articles);
  // Loaded here, not at start: it takes a second or more, which every other use of the bench would wait for.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS }).catch((error: unknown) => {
    throw new Error(
      `Cannot start Chromium at ${CHROMIUM_PATH} (install it, or set CHROMIUM_PATH): ${(error as Error).message.split("\n")[0]}`,
    );
  });
  // A port of each server's own; the server takes the next free one if it is taken, and says which.
  const port = () => 20_000 + Math.floor(Math.random() * 20_000);
  try {
    const size = `${options.articles} articles`;
    const hemeroteca = startWatcher([...scriptArgs(root, "start"), `--port=${port()}`], root, {
      HEMEROTECA_ARTICLES: articles,
      HEMEROTECA_OUTPUT: path.join(options.workdir, "site"),
      HEMEROTECA_CACHE: path.join(options.workdir, "cache"),
      HEMEROTECA_TIMINGS: "1",
      HEMEROTECA_HOST: "",
    });
    options.log(`npm start on ${size}`);
    const ours = await timeSaves(
      `npm start, ${size}`,
      hemeroteca,
      browser,
      (url) => `${url}${parsed.record.permalink}`,
      file,
      options.runs,
      options.log,
    );
    const rebuilds = hemeroteca.output().match(/^HEMEROTECA_TIMINGS .*$/gm) ?? [];
    options.log(`npm start's last rebuild, by stage (ms): ${rebuilds.at(-1)?.slice("HEMEROTECA_TIMINGS ".length) ?? "not reported"}`);
    // The baseline starts from the same article as npm start did.
    await writeFile(file, article.text);
    const eleventy = startWatcher(
      [path.join(root, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${plain.config}`, "--serve", "--quiet", `--port=${port()}`],
      plain.dir,
      {},
    );
    options.log(`plain eleventy --serve on ${size}`);
    const baseline = await timeSaves(
      `plain eleventy --serve, ${size}`,
      eleventy,
      browser,
      (url) => `${url}/articles/${article.path.replace(/\.md$/, "/")}`,
      file,
      options.runs,
      options.log,
    );
    return [...ours.map((timing, i) => ({ ...timing, versus: baseline[i]!.what })), ...baseline];
  } finally {
    await browser.close();
  }
}

/** The times as a Markdown table, with the load average when they were taken. */
export function timingsToMarkdown(timings: Timing[]): string {
  const [one, five] = loadavg();
  const medians = new Map(timings.map(({ what, ms }) => [what, median(ms)]));
  const rows = timings.map(({ what, ms, load, versus }) => {
    const baseline = versus === undefined ? undefined : medians.get(versus);
    const ratio = baseline ? `${(median(ms) / baseline).toFixed(2)}×` : "";
    const loads = load?.length ? `${median(load).toFixed(2)} (${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)})` : "";
    return `| ${what} | ${median(ms)} ms | ${Math.min(...ms)}–${Math.max(...ms)} ms | ${ms.length} | ${ratio} | ${loads} |`;
  });
  return `| what | median | range | runs | × baseline | load (1 min) |\n|---|---|---|---|---|---|\n${rows.join("\n")}\n\nThe baseline of a compiled start is the same start through tsx, or that of the checkout given with \`--baseline\`; of \`npm start\`, a plain Eleventy project of the same articles under \`eleventy --serve\`, measured in the same run. Load average at the end: ${one!.toFixed(2)} (1 min), ${five!.toFixed(2)} (5 min).\n`;
}

export function timingsToJson(timings: Timing[]): string {
  const [one, five] = loadavg();
  const medians = new Map(timings.map(({ what, ms }) => [what, median(ms)]));
  return `${JSON.stringify(
    {
      load: { oneMinute: one, fiveMinutes: five },
      timings: timings.map((t) => ({
        ...t,
        median: median(t.ms),
        ...(t.versus && medians.get(t.versus) ? { ratio: median(t.ms) / medians.get(t.versus)! } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}
