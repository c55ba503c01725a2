export { checkCli, CHECK_USAGE } from "./cli.ts";
export { runCheck, type CheckOptions, type CheckReport } from "./run-check.ts";
export { reportToJson, reportToText, reportSummary } from "./format-report.ts";
export { checkProblemToString, type CheckProblem, type CheckSeverity } from "./check-problem.ts";
export { readSource, splitSource, MAX_SOURCE_BYTES, type SourceFile } from "../records/read-sources.ts";
