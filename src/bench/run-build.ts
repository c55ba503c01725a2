/**
 * Runs one build (one or more commands in sequence) as child processes and
 * measures its wall time and peak memory.
 *
 * Peak memory is that of the whole process tree (Eleventy's Node process, its
 * worker threads, the Pagefind binary it starts), taken two ways and the
 * larger kept:
 * - every 50 ms the resident set sizes (VmRSS) of every process in the tree
 *   are read from /proc and summed: the tree's peak, to within one sample;
 * - each process's own high-water mark (VmHWM), as last seen, and when
 *   `/usr/bin/time` exists, its `%M` (the largest single process's peak,
 *   exact even for short spikes between samples).
 * The largest single process's peak is kept apart with its name (`node`, or
 * Pagefind's binary), so a report can say which process the memory was in.
 * Without /proc (not Linux) only `/usr/bin/time` is used, and without either
 * the peak is reported as `null`. `/usr/bin/time` also gives the tree's CPU
 * time (user + system, children included), a steadier measure of work than
 * wall time when other programs share the machine.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Command {
  /** Label for errors and progress, e.g. `eleventy` or `pagefind`. */
  label: string;
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** One process's own peak resident set (VmHWM), and its name as /proc gives it. */
export interface ProcessPeak {
  name: string;
  bytes: number;
}

export interface CommandResult {
  label: string;
  wallMs: number;
  peakRssBytes: number | null;
  /** The process of the tree whose own peak was largest (from /proc), or null without /proc. */
  peakProcess: ProcessPeak | null;
  /** User + system CPU time of the whole tree (from \`/usr/bin/time\`), or null without it. */
  cpuMs: number | null;
  exitCode: number | null;
  stderr: string;
  stdout: string;
}

export interface BuildMeasurement {
  wallMs: number;
  /** The largest peak of the commands (they run one after another). */
  peakRssBytes: number | null;
  /** The single process with the largest own peak over all the commands. */
  peakProcess: ProcessPeak | null;
  /** CPU time of all the commands: on a busy machine a steadier measure of work than wall time. */
  cpuMs: number | null;
  commands: CommandResult[];
  /** The `HEMEROTECA_TIMINGS {json}` line of a Hemeroteca build, parsed. */
  timings?: Record<string, number | boolean>;
}

const SAMPLE_MS = 50;
const TIME_BINARY = "/usr/bin/time";
/** Output kept per stream: enough for any error report, bounded for builds that talk a lot. */
const MAX_CAPTURE = 4 * 1024 * 1024;
const HAS_PROC = existsSync("/proc/self/status");

async function readStatusKb(pid: number): Promise<{ name: string; rss: number; hwm: number } | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const name = /^Name:\s+(.*)$/m.exec(status);
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return rss && hwm ? { name: name?.[1] ?? "?", rss: Number(rss[1]), hwm: Number(hwm[1]) } : undefined;
  } catch {
    return undefined; // The process has just exited.
  }
}

async function childrenOf(pid: number): Promise<number[]> {
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "")));
    return lists.flatMap((list) => list.split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** `root` and every process below it, read from /proc; empty where there is none. */
export async function processTree(root: number): Promise<number[]> {
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(await childrenOf(pid)));
  }
  return tree;
}

/**
 * Samples a process tree until `stop()`; answers the peak in bytes (null when nothing could be read) and the
 * process whose own peak was largest.
 */
function sampleTree(root: number): { stop: () => Promise<{ peakBytes: number | null; peakProcess: ProcessPeak | null }> } {
  let peakSumKb = 0;
  const hwmKb = new Map<number, { name: string; kb: number }>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const tree = await processTree(root);
      const statuses = await Promise.all(tree.map(async (pid) => [pid, await readStatusKb(pid)] as const));
      let sum = 0;
      for (const [pid, status] of statuses) {
        if (!status) continue;
        sum += status.rss;
        if (status.hwm > (hwmKb.get(pid)?.kb ?? 0)) hwmKb.set(pid, { name: status.name, kb: status.hwm });
      }
      peakSumKb = Math.max(peakSumKb, sum);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      let largest: { name: string; kb: number } | undefined;
      for (const peak of hwmKb.values()) if (!largest || peak.kb > largest.kb) largest = peak;
      const peakKb = Math.max(peakSumKb, largest?.kb ?? 0);
      return {
        peakBytes: peakKb > 0 ? peakKb * 1024 : null,
        peakProcess: largest ? { name: largest.name, bytes: largest.kb * 1024 } : null,
      };
    },
  };
}

/** The signal an aborted benchmark was stopped by: the reason it was aborted with, a signal name. */
function signalOf(stop: AbortSignal): string {
  return typeof stop.reason === "string" ? stop.reason : "SIGTERM";
}

/** What a command stopped by an interruption throws, once it has ended and its files are gone. */
export class BenchInterrupted extends Error {
  constructor(readonly signal: string) {
    super(`The benchmark was interrupted (${signal})`);
  }

  /** The error for a benchmark stopped through `stop`. */
  static of(stop: AbortSignal): BenchInterrupted {
    return new BenchInterrupted(signalOf(stop));
  }
}

/**
 * Runs one command, measured; never throws for a failing command (see
 * `exitCode`). When `stop` aborts (its reason a signal name, e.g. `SIGINT`),
 * the command's whole process group gets that signal: the command runs in a
 * group of its own, because `/usr/bin/time` does not pass signals on to the
 * build it measures, nor a build to the Pagefind process it starts. Then,
 * with its time file removed, this throws `BenchInterrupted`, as it does at
 * once if `stop` has already aborted.
 */
export async function runCommand(command: Command, stop?: AbortSignal): Promise<CommandResult> {
  if (stop?.aborted) throw BenchInterrupted.of(stop);
  const useTime = existsSync(TIME_BINARY);
  const timeFile = path.join(tmpdir(), `hemeroteca-bench-time-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const [file, args] = useTime
    ? [TIME_BINARY, ["-f", "%M %U %S", "-o", timeFile, command.command, ...command.args]]
    : [command.command, command.args];
  const started = performance.now();
  const child = spawn(file, args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const interrupt = () => {
    try {
      process.kill(-child.pid!, signalOf(stop!) as NodeJS.Signals);
    } catch {
      // The group has already ended.
    }
  };
  stop?.addEventListener("abort", interrupt, { once: true });
  const sampler = HAS_PROC && child.pid ? sampleTree(child.pid) : undefined;
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout = (stdout + chunk).slice(-MAX_CAPTURE)));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-MAX_CAPTURE)));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  }).finally(() => stop?.removeEventListener("abort", interrupt));
  const wallMs = performance.now() - started;
  const { peakBytes: sampled, peakProcess } = (await sampler?.stop()) ?? { peakBytes: null, peakProcess: null };
  let timed: number | null = null;
  let cpuMs: number | null = null;
  if (useTime) {
    // The last line is ours: \`time\` writes "Command exited with non-zero status" above it on failure.
    const fields = (await readFile(timeFile, "utf8").catch(() => "")).trim().split("\n").pop()?.split(/\s+/).map(Number) ?? [];
    const [kb, user, system] = fields;
    if (kb !== undefined && Number.isFinite(kb) && kb > 0) timed = kb * 1024;
    if (user !== undefined && system !== undefined && Number.isFinite(user + system)) cpuMs = Math.round((user + system) * 1000);
    await rm(timeFile, { force: true });
  }
  if (stop?.aborted) throw BenchInterrupted.of(stop);
  const peaks = [sampled, timed].filter((value): value is number => value !== null);
  return {
    label: command.label,
    wallMs,
    peakRssBytes: peaks.length ? Math.max(...peaks) : null,
    peakProcess,
    cpuMs,
    exitCode,
    stdout,
    stderr,
  };
}

/** The parsed `HEMEROTECA_TIMINGS {json}` line, if the output has one. */
export function timingsFromOutput(stderr: string): Record<string, number | boolean> | undefined {
  const line = stderr
    .split("\n")
    .reverse()
    .find((text) => text.startsWith("HEMEROTECA_TIMINGS "));
  if (!line) return undefined;
  try {
    return JSON.parse(line.slice("HEMEROTECA_TIMINGS ".length)) as Record<string, number | boolean>;
  } catch {
    return undefined;
  }
}

/** Runs the commands one after another; a failing command stops the build with its output in the error. */
export async function runBuild(commands: readonly Command[], stop?: AbortSignal): Promise<BuildMeasurement> {
  const results: CommandResult[] = [];
  for (const command of commands) {
    const result = await runCommand(command, stop);
    results.push(result);
    if (result.exitCode !== 0) {
      throw new Error(
        `Cannot \`build\`: \`${command.label}\` exited with code \`${result.exitCode}\`\n${result.stderr.slice(-4000)}${result.stdout.slice(-2000)}`,
      );
    }
  }
  const peaks = results.map((r) => r.peakRssBytes).filter((value): value is number => value !== null);
  const cpu = results.map((r) => r.cpuMs);
  const timings = results.map((r) => timingsFromOutput(r.stderr)).find(Boolean);
  return {
    wallMs: results.reduce((sum, r) => sum + r.wallMs, 0),
    peakRssBytes: peaks.length ? Math.max(...peaks) : null,
    peakProcess: results
      .map((r) => r.peakProcess)
      .reduce<ProcessPeak | null>((largest, peak) => (peak && (!largest || peak.bytes > largest.bytes) ? peak : largest), null),
    cpuMs: cpu.every((value) => value !== null) ? cpu.reduce((sum, value) => sum! + value!, 0) : null,
    commands: results,
    ...(timings ? { timings } : {}),
  };
}
