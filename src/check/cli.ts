/** The `npm run check` command line: arguments in, report out, exit code back. */
import path from "node:path";
import { parseArgs } from "node:util";
import { reportToJson, reportToText } from "./format-report.ts";
import { runCheck, type CheckReport } from "./run-check.ts";
import { relativeWithin } from "../records/paths.ts";

export const CHECK_USAGE = `Usage: npm run check -- [--json] [--root DIR]

Validates every article in content/articles/, every raw source in
content/sources/, the tag vocabulary (content/tags.yml) and the site settings
(content/site.yml) without building the site, and lists every problem at once:

  path line:col field: message
      hint: how to fix it

Errors stop the build; warnings (such as tags that differ only in case or
accents) do not; notes are the importer's \`review\` notes, for editors.

Options:
  --json       print the report as JSON, for tools
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

export async function checkCli(argv: string[], io: CliIo): Promise<number> {
  let values: { json?: boolean; root?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { json: { type: "boolean" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`check: ${error instanceof Error ? error.message : String(error)}\n\n${CHECK_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  const root = path.resolve(io.cwd, values.root ?? io.defaultRoot);
  const report = relativeTo(await runCheck({ root }), root, io.cwd);
  io.stdout(values.json ? reportToJson(report) : reportToText(report));
  return report.counts.error > 0 ? 1 : 0;
}
