/**
 * The accounting report in words: for each source, the records with the lines
 * they hold, then every dropped line with its reason, so an editor can check
 * that nothing of the page was lost.
 */
import type { SourceReport } from "./accounting.ts";
import type { PlannedFile } from "./write-articles.ts";

function clip(text: string, width = 72): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

export function reportToText(report: SourceReport): string {
  const out: string[] = [];
  const inRecords = new Set(report.records.flatMap((record) => record.consumed.map((entry) => entry.line))).size;
  out.push(`${report.source} (${report.kind}, ${report.publication})`);
  out.push(`  ${report.nonBlankLines} non-blank lines: ${inRecords} in ${report.records.length} records, ${report.dropped.length} dropped`);
  out.push("  records:");
  for (const record of report.records) {
    out.push(`    lines ${record.lines[0]}-${record.lines[1]}  ${record.id}  “${clip(record.title, 60)}”`);
  }
  out.push("  dropped lines:");
  for (const entry of report.dropped) out.push(`    line ${entry.line}  ${entry.reason}: ${clip(entry.text, 60)}`);
  if (report.problems.length > 0) {
    out.push("  problems (importer faults):");
    for (const problem of report.problems) out.push(`    ${problem}`);
  }
  return out.join("\n");
}

export function filesToText(files: readonly PlannedFile[], dryRun: boolean): string {
  const counts = new Map<string, number>();
  for (const file of files) counts.set(file.status, (counts.get(file.status) ?? 0) + 1);
  const lines = files
    .filter((file) => file.status !== "unchanged")
    .map((file) => `  ${dryRun ? `would be ${file.status}` : file.status}: ${file.file}`);
  const summary = [...counts.entries()].map(([status, count]) => `${count} ${status}`).join(", ");
  return [...lines, `${dryRun ? "dry run, nothing written" : "done"}: ${summary}`].join("\n");
}
