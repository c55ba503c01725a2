/**
 * `npm run compare-builds`: the same input built and run at two revisions,
 * every output compared byte for byte. The base revision is checked out in a
 * git worktree of the work folder (sharing this checkout's node_modules); the
 * head is a revision too, or this checkout as it is, uncommitted changes
 * included. Both build the default collection (with and without `SITE_URL`)
 * and one synthetic corpus, generated once, and run check, search and import
 * (compare-steps.ts); each side's sites and command outputs land in
 * `<work>/<side>/out/`, and the two folders are compared file by file.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compareFolders, type FolderComparison } from "./compare-folders.ts";
import { compareSteps, SAME_WITHIN, scriptCommand, type Step } from "./compare-steps.ts";
import { writeCorpus } from "./generate-corpus.ts";

export interface CompareOptions {
  /** The project (this checkout). */
  root: string;
  /** The revision compared against. */
  base: string;
  /** The revision compared, or undefined for this checkout as it is. */
  head: string | undefined;
  /** The synthetic corpus's size and seed. */
  articles: number;
  seed: number;
  /** An empty or missing folder to work in. */
  work: string;
  log: (line: string) => void;
}

/** One checkout's site compared with another of its own sites (SAME_WITHIN). */
export interface WithinComparison extends FolderComparison {
  side: "base" | "head";
  site: string;
  as: string;
  label: string;
}

export interface CompareResult extends FolderComparison {
  /** Each side's warm rebuild and build without caches against its first build. */
  within: WithinComparison[];
  /** Each side's output folder, for a closer look when the work folder is kept. */
  baseOut: string;
  headOut: string;
  /** The commits compared (`head` undefined: this checkout, uncommitted changes included). */
  baseCommit: string;
  headCommit: string | undefined;
}

function git(root: string, args: string[]): string {
  const result = spawnSync("git", args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`\`git ${args.join(" ")}\` failed: ${(result.stderr || result.stdout).trim()}`);
  return result.stdout.trim();
}

/** The commit a revision names, or a clear error. */
export function resolveRevision(root: string, revision: string): string {
  try {
    return git(root, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]);
  } catch {
    throw new Error(`Cannot compare: \`${revision}\` is not a revision of the repository in ${root}`);
  }
}

/** A worktree of `commit` at `folder`, with this checkout's installed packages. */
function addWorktree(root: string, folder: string, commit: string): void {
  git(root, ["worktree", "add", "--detach", "--quiet", folder, commit]);
  symlinkSync(path.join(root, "node_modules"), path.join(folder, "node_modules"), "dir");
}

function removeWorktree(root: string, folder: string): void {
  spawnSync("git", ["worktree", "remove", "--force", folder], { cwd: root });
  spawnSync("git", ["worktree", "prune"], { cwd: root });
}

/** Runs one program to its end, stdout and stderr into files (exact, however long); answers its exit code. */
function runToFiles(
  program: string,
  args: string[],
  cwd: string,
  env: Record<string, string | undefined>,
  stdoutFile: string,
  stderrFile: string,
): Promise<number | null> {
  const [out, err] = [openSync(stdoutFile, "w"), openSync(stderrFile, "w")];
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return new Promise<number | null>((resolve, reject) => {
    const child = spawn(program, args, { cwd, env: merged, stdio: ["ignore", out, err] });
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  }).finally(() => {
    closeSync(out);
    closeSync(err);
  });
}

interface Side {
  name: "base" | "head";
  checkout: string;
  /** The side's own folder in the work folder: `out/` is compared, the rest is not. */
  folder: string;
}

/** Paths that name the side rather than the output: written the same on both sides. */
function neutral(text: string, side: Side): string {
  return text.replaceAll(side.folder, "<side>").replaceAll(side.checkout, "<checkout>");
}

async function runStep(step: Step, side: Side, log: (line: string) => void): Promise<void> {
  const out = path.join(side.folder, "out");
  const scratch = path.join(side.folder, "scratch");
  const stdoutFile = path.join(scratch, `${step.name}.stdout`);
  const stderrFile = path.join(scratch, `${step.name}.stderr`);
  const started = performance.now();
  if (step.kind === "build") {
    const [program, ...args] = scriptCommand(side.checkout, "build");
    const env = {
      HEMEROTECA_OUTPUT: path.join(out, "sites", step.name),
      HEMEROTECA_CACHE: path.join(side.folder, "caches", step.cacheOf ?? step.name),
      HEMEROTECA_NO_CACHE: undefined,
      HEMEROTECA_ARTICLES: undefined,
      ...step.env,
    };
    const code = await runToFiles(program!, args, side.checkout, env, stdoutFile, stderrFile);
    // A build's messages carry its timings: only whether it succeeded is compared.
    writeFileSync(path.join(out, "commands", `build-${step.name}.txt`), `exit ${code}\n`);
    if (code !== 0)
      log(
        `  ${side.name}: the build \`${step.name}\` failed (exit ${code}): ${readFileSync(stderrFile, "utf8").trim().split("\n").slice(-3).join(" / ")}`,
      );
  } else {
    const [program, ...args] = scriptCommand(side.checkout, step.script);
    const code = await runToFiles(program!, [...args, ...step.args], side.checkout, {}, stdoutFile, stderrFile);
    const stdout = neutral(readFileSync(stdoutFile, "utf8"), side);
    const stderr = step.stderr ? neutral(readFileSync(stderrFile, "utf8"), side) : "(not compared)\n";
    writeFileSync(path.join(out, "commands", `${step.name}.txt`), `exit ${code}\n--- stdout\n${stdout}--- stderr\n${stderr}`);
  }
  log(`  ${side.name}: ${step.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

async function runSide(side: Side, corpus: string, log: (line: string) => void): Promise<void> {
  const out = path.join(side.folder, "out");
  mkdirSync(path.join(out, "commands"), { recursive: true });
  mkdirSync(path.join(side.folder, "scratch"), { recursive: true });
  for (const step of compareSteps({ checkout: side.checkout, corpus, out })) await runStep(step, side, log);
}

/** Builds and runs everything at both revisions and compares the outputs. */
export async function compareBuilds(options: CompareOptions): Promise<CompareResult> {
  const baseCommit = resolveRevision(options.root, options.base);
  const headCommit = options.head === undefined ? undefined : resolveRevision(options.root, options.head);
  mkdirSync(options.work, { recursive: true });
  const corpus = path.join(options.work, "corpus");
  options.log(`generating a corpus of ${options.articles} articles (seed ${options.seed})`);
  await writeCorpus(path.join(corpus, "content", "articles"), { articles: options.articles, seed: options.seed });
  const base: Side = { name: "base", checkout: path.join(options.work, "base", "checkout"), folder: path.join(options.work, "base") };
  const head: Side =
    headCommit === undefined
      ? { name: "head", checkout: options.root, folder: path.join(options.work, "head") }
      : { name: "head", checkout: path.join(options.work, "head", "checkout"), folder: path.join(options.work, "head") };
  const worktrees = [base, ...(headCommit === undefined ? [] : [head])];
  try {
    mkdirSync(base.folder, { recursive: true });
    mkdirSync(head.folder, { recursive: true });
    addWorktree(options.root, base.checkout, baseCommit);
    if (headCommit !== undefined) addWorktree(options.root, head.checkout, headCommit);
    options.log(
      `base: ${options.base} (${baseCommit.slice(0, 12)}); head: ${options.head === undefined ? "this checkout as it is" : `${options.head} (${headCommit!.slice(0, 12)})`}`,
    );
    await runSide(base, corpus, options.log);
    await runSide(head, corpus, options.log);
  } finally {
    for (const side of worktrees) removeWorktree(options.root, side.checkout);
  }
  const [baseOut, headOut] = [path.join(base.folder, "out"), path.join(head.folder, "out")];
  const within = [base, head].flatMap((side) =>
    SAME_WITHIN.map(({ site, as, label }) => ({
      side: side.name,
      site,
      as,
      label,
      ...compareFolders(path.join(side.folder, "out", "sites", as), path.join(side.folder, "out", "sites", site)),
    })),
  );
  return { ...compareFolders(baseOut, headOut), within, baseOut, headOut, baseCommit, headCommit };
}

/** Whether anything differs: between the revisions, or within one of them. */
export function anyDifference(result: CompareResult): boolean {
  return result.differences.length > 0 || result.within.some((within) => within.differences.length > 0);
}

function comparisonLines(heading: string, comparison: FolderComparison): string[] {
  const lines = [
    `${heading}: ${comparison.compared} files, ${comparison.differences.length === 0 ? "every one the same, byte for byte" : `${comparison.differences.length} differences`}`,
  ];
  for (const difference of comparison.differences)
    lines.push(`  ${difference.kind}: ${difference.file}${difference.detail ? ` (${difference.detail})` : ""}`);
  return lines;
}

/** The report: what was compared, and every difference, one a line. */
export function comparisonToText(result: CompareResult): string {
  const lines = comparisonLines("base against head", result);
  for (const within of result.within)
    lines.push(...comparisonLines(`${within.side}: the site ${within.label} against the first build`, within));
  return `${lines.join("\n")}\n`;
}

/** Removes the work folder (its worktrees are already gone). */
export function removeWork(work: string): void {
  rmSync(work, { recursive: true, force: true });
}
