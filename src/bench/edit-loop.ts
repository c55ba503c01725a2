/**
 * The editor's loop, measured: how long each command takes to start
 * (`--startup`), and how long `npm start` takes to serve an article saved
 * while it runs (`--serve`). Both report the machine's load beside the times,
 * since on a shared machine they mean little without it.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArticle } from "../records/parse-article.ts";
import { editArticleText, generateArticle, writeCorpus } from "./generate-corpus.ts";

export const STARTUP_COMMANDS = ["check", "new", "import", "search", "bench"] as const;

export interface Timing {
  what: string;
  /** Wall times in ms, one a run. */
  ms: number[];
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

/**
 * Times `--help` of every command, and `npm run check` of the project's own
 * collection, `runs` times each (npm's own start-up left out): as compiled,
 * and through tsx as every start was before (`HEMEROTECA_SCRIPTS=tsx`), in
 * turn, so that both meet the same load.
 */
export function timeStartups(root: string, runs: number): Timing[] {
  const cases = [
    ...STARTUP_COMMANDS.map((name) => ({ what: `npm run ${name} -- --help`, args: [...scriptArgs(root, name), "--help"] })),
    { what: "npm run check (the whole collection)", args: scriptArgs(root, "check") },
  ];
  // The first start after a change compiles the scripts: done here, outside the times.
  spawnSync(process.execPath, cases[0]!.args, { cwd: root, stdio: "ignore" });
  return cases.flatMap(({ what, args }) => {
    const times = { compiled: [] as number[], tsx: [] as number[] };
    for (let run = 0; run < runs; run++) {
      for (const way of ["compiled", "tsx"] as const) {
        const started = performance.now();
        const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: { ...process.env, HEMEROTECA_SCRIPTS: way } });
        times[way].push(Math.round(performance.now() - started));
        if (result.status !== 0 && args.includes("--help")) throw new Error(`${what} failed (${result.status}):\n${result.stderr}`);
      }
    }
    return [{ what, ms: times.compiled }, { what: `${what}, through tsx`, ms: times.tsx }];
  });
}

/**
 * Starts `npm start` on a generated archive of `articles` articles and, `runs`
 * times, saves one article and times until the server serves its page with
 * the change.
 */
export async function timeServedEdits(root: string, options: { articles: number; runs: number; workdir: string; log: (message: string) => void }): Promise<Timing[]> {
  const articles = path.join(options.workdir, "articles");
  options.log(`writing ${options.articles} articles into ${articles}`);
  await writeCorpus(articles, { articles: options.articles });
  const article = generateArticle(Math.floor(options.articles / 2));
  const parsed = parseArticle(`content/articles/${article.path}`, new TextEncoder().encode(article.text));
  if (!parsed.ok) throw new Error(`generated article ${article.path} is not valid`);
  const file = path.join(articles, article.path);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [...scriptArgs(root, "start"), `--port=${port}`], {
    cwd: root,
    env: { ...process.env, HEMEROTECA_ARTICLES: articles, HEMEROTECA_OUTPUT: path.join(options.workdir, "site"), HEMEROTECA_CACHE: path.join(options.workdir, "cache"), HEMEROTECA_TIMINGS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  /** Looks every 20 ms until `probe` answers something. */
  const until = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) while waiting for ${what}:\n${output}`);
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  /** Builds finished: each prints its timings at its very end (search index and exports included). */
  const watching = () => output.split("HEMEROTECA_TIMINGS ").length - 1;
  try {
    const url = await until("the server", () => /Server at (http:\/\/localhost:\d+)\//.exec(output)?.[1]);
    options.log(`serving at ${url}; the first build is done`);
    const page = `${url}${parsed.record.permalink}`;
    const ms: number[] = [];
    for (let run = 1; run <= options.runs; run++) {
      const marker = `Edited for benchmark round ${run}:`;
      const text = editArticleText(await readFile(file, "utf8"), run);
      const builds = watching();
      const started = performance.now();
      await writeFile(file, text);
      await until(`the edited page (round ${run})`, async () => {
        const response = await fetch(page).catch(() => undefined);
        return response?.ok && (await response.text()).includes(marker) ? true : undefined;
      });
      ms.push(Math.round(performance.now() - started));
      options.log(`round ${run}: ${ms.at(-1)} ms from save to page`);
      // The next save only once this rebuild has ended (search index and exports included).
      await until("the rebuild to end", () => (watching() > builds ? true : undefined));
    }
    return [{ what: `npm start: a saved article served, ${options.articles} articles`, ms }];
  } finally {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
  }
}

/** The times as a Markdown table, with the load average when they were taken. */
export function timingsToMarkdown(timings: Timing[]): string {
  const [one, five] = loadavg();
  const rows = timings.map(({ what, ms }) => `| ${what} | ${median(ms)} ms | ${Math.min(...ms)}–${Math.max(...ms)} ms | ${ms.length} |`);
  return `| what | median | range | runs |\n|---|---|---|---|\n${rows.join("\n")}\n\nLoad average as measured: ${one!.toFixed(2)} (1 min), ${five!.toFixed(2)} (5 min).\n`;
}

export function timingsToJson(timings: Timing[]): string {
  const [one, five] = loadavg();
  return `${JSON.stringify({ load: { oneMinute: one, fiveMinutes: five }, timings: timings.map((t) => ({ ...t, median: median(t.ms) })) }, null, 2)}\n`;
}
