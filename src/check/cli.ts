/** The `npm run check` command line: arguments in, report out, exit code back. */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { reportToJson, reportToText } from "./format-report.ts";
import { runCheck, type CheckReport } from "./run-check.ts";
import { parseWorkersStarted } from "../records/parse-pool.ts";
import { relativeWithin } from "../lib/paths.ts";
import { inertLine } from "../lib/terminal-text.ts";

export const CHECK_USAGE = `Usage: npm run check -- [--notes] [--json] [--root DIR] [FILE...]

Validates every article in content/articles/, every raw source in
content/sources/, the tag vocabulary (content/tags.yml) and the site settings
(content/site.yml) without building the site, and lists every problem at once,
errors first:

  path line:col field: message
      hint: how to fix it

Errors stop the build and fail the pull request's check; warnings (such as a
tag that is one of a vocabulary tag's words) do not; notes are the importer's
\`review\` notes, for editors: counted, and listed with --notes.

Given FILEs (or folders), only their problems are shown, the rules across
files (ids, addresses, translations, publication and tag spellings) still
comparing them with every other file.

Options:
  --notes      list the notes for editors too
  --json       print the report as JSON, for tools (every problem, notes too)
  --root DIR   check the project in DIR instead of this one
  -h, --help   show this help

Exit status: 0 when there is no error, 1 when there is, 2 on bad arguments.
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Folder paths in the report are relative to, so editors can open them. */
  cwd: string;
  /** The project checked when `--root` is not given. */
  defaultRoot: string;
}

function relativeTo(report: CheckReport, root: string, cwd: string): CheckReport {
  // From where the command runs, so editors can open the file; from the project when that is elsewhere.
  const rename = (file: string) => relativeWithin(cwd, path.join(root, file)) ?? file;
  return { ...report, problems: report.problems.map((p) => ({ ...p, file: rename(p.file) })) };
}

/** FILE arguments as the report names files (relative to the project, with `/`), or the first that is not one. */
function filesInProject(files: readonly string[], root: string, cwd: string): { files: string[] } | { error: string } {
  const inside: string[] = [];
  for (const file of files) {
    const absolute = path.resolve(cwd, file);
    const relative = relativeWithin(root, absolute);
    if (relative === undefined || relative === "") return { error: `\`${file}\` is not a file of the project in ${root}` };
    if (!existsSync(absolute)) return { error: `there is no file \`${file}\`` };
    inside.push(relative);
  }
  return { files: inside };
}

export async function checkCli(argv: string[], io: CliIo): Promise<number> {
  let values: { json?: boolean; notes?: boolean; root?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: "boolean" }, notes: { type: "boolean" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    io.stderr(`check: ${inertLine(error instanceof Error ? error.message : String(error))}\n\n${CHECK_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  const root = path.resolve(io.cwd, values.root ?? io.defaultRoot);
  const only = positionals.length ? filesInProject(positionals, root, io.cwd) : undefined;
  if (only && "error" in only) {
    io.stderr(`check: ${inertLine(only.error)}\n\n${CHECK_USAGE}`);
    return 2;
  }
  const started = performance.now();
  const report = relativeTo(await runCheck({ root, ...(only ? { files: only.files } : {}) }), root, io.cwd);
  io.stdout(values.json ? reportToJson(report) : reportToText(report, { notes: Boolean(values.notes) }));
  // As the build's: one line for the benchmark and the tests, on request.
  if (process.env.HEMEROTECA_TIMINGS === "1")
    io.stderr(
      `HEMEROTECA_TIMINGS ${JSON.stringify({ checkMs: Math.round(performance.now() - started), parseWorkersStarted: parseWorkersStarted() })}\n`,
    );
  return report.counts.error > 0 ? 1 : 0;
}
