/**
 * Nothing is lost: every non-blank line of a source ends up in exactly one
 * record, or in the list of dropped lines with the reason. This module checks
 * that for one source and lists what is wrong (which would be an importer
 * bug): a line claimed twice, or a line nobody claimed, which is then
 * reported as dropped ("not recognised") rather than silently lost.
 */
import type { Draft, DroppedLine, Line, LineRole } from "./types.ts";

export interface RecordAccount {
  id: string;
  title: string;
  lines: [number, number];
  /** Each source line the record holds, with what it became. */
  consumed: Array<{ line: number; role: LineRole }>;
}

export interface SourceReport {
  source: string;
  publication: string;
  kind: string;
  /** Non-blank lines of the verbatim text. */
  nonBlankLines: number;
  records: RecordAccount[];
  dropped: DroppedLine[];
  /** Importer faults found by the check (should be empty). */
  problems: string[];
}

export const UNRECOGNISED = "not recognised by the importer (left over)";

export function accountLines(
  lines: readonly Line[],
  drafts: readonly Draft[],
  dropped: readonly DroppedLine[],
): { dropped: DroppedLine[]; problems: string[] } {
  const owners = new Map<number, string[]>();
  const claim = (line: number, owner: string) => owners.set(line, [...(owners.get(line) ?? []), owner]);
  drafts.forEach((draft, index) => {
    for (const { line } of draft.consumed) claim(line, `record ${index + 1} (“${draft.title}”)`);
  });
  // A partial drop (the end of a line) shares its line with the record that holds the rest.
  for (const entry of dropped) if (!entry.partial) claim(entry.line, `dropped (${entry.reason})`);
  const problems: string[] = [];
  const all = [...dropped];
  for (const line of lines) {
    if (line.text.trim() === "") {
      if (owners.has(line.n)) problems.push(`line ${line.n} is blank but was claimed by ${owners.get(line.n)!.join(", ")}`);
      continue;
    }
    const claimants = owners.get(line.n) ?? [];
    if (claimants.length === 0) {
      all.push({ line: line.n, text: line.text, reason: UNRECOGNISED, leftOver: true });
      problems.push(`line ${line.n} was not claimed by any record nor dropped with a reason`);
    } else if (claimants.length > 1) {
      problems.push(`line ${line.n} is claimed more than once: ${claimants.join(", ")}`);
    }
  }
  all.sort((a, b) => a.line - b.line);
  return { dropped: all, problems };
}
