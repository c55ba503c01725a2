/**
 * Runs the importer on one corpus page, in this process and as a dry run, in
 * an empty project root (so nothing of the repository's own collection is
 * read or written), with the page's outlet, address and retrieval date as an
 * editor would give them. Its records and its accounting are turned into page
 * line numbers for the counting.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ImportError, importFiles } from "../import/index.ts";
import type { Truth } from "./truth-file.ts";
import type { LineModel } from "../import/line-model.ts";

export interface ScoredRecord {
  /** 1-based page lines the record took. */
  lines: number[];
  title: string;
  authors: string[];
  date?: string;
  language: string;
}

export interface ImporterOutcome {
  /** The layout the importer chose (`listing`, `article`, `print-issue`). */
  layout: string;
  records: ScoredRecord[];
  /** 1-based page lines the importer dropped with a reason of its own. */
  droppedWithReason: number[];
  /** Set when the importer refused the page: its message. */
  error?: string;
}

/** Lines above the page's own text in the kept copy the importer would write. */
function headerLineCount(keptCopy: string, pageText: string): number {
  if (!keptCopy.endsWith(pageText)) throw new Error("the importer's kept copy does not end with the page's text");
  return keptCopy.slice(0, keptCopy.length - pageText.length).split("\n").length - 1;
}

export interface RunOptions {
  /** The line model to import with (`null`: the rules alone); default the importer's stored model. */
  lineModel?: LineModel | null;
}

export async function runImporter(pageFile: string, pageText: string, truth: Truth, options: RunOptions = {}): Promise<ImporterOutcome> {
  const root = await mkdtemp(path.join(os.tmpdir(), "hemeroteca-score-"));
  try {
    const result = await importFiles([path.resolve(pageFile)], {
      root,
      cwd: root,
      publication: truth.outlet,
      url: truth.url,
      retrieved: truth.retrieved,
      dryRun: true,
      ...(options.lineModel !== undefined ? { lineModel: options.lineModel } : {}),
      // Scores the splitting apart from layout detection: the page's true layout given as `--kind`.
      ...(process.env.HEMEROTECA_SCORE_TRUE_LAYOUT === "1" ? { kind: truth.layout } : {}),
    });
    const report = result.reports[0];
    const kept = result.files.find((file) => file.role === "source");
    if (!report || !kept) throw new Error(`${pageFile}: the importer returned no report for the page`);
    if (report.records.length !== result.records.length) throw new Error(`${pageFile}: the importer's report and records disagree`);
    const offset = headerLineCount(kept.text, pageText);
    const records = result.records.map((record, index): ScoredRecord => ({
      lines: [...new Set(report.records[index]!.consumed.map((entry) => entry.line - offset))].sort((a, b) => a - b),
      title: record.title,
      authors: record.authors ?? [],
      ...(record.date !== undefined ? { date: record.date } : {}),
      language: record.language,
    }));
    const droppedWithReason = report.dropped.filter((entry) => !entry.partial && !entry.leftOver).map((entry) => entry.line - offset);
    return { layout: report.kind, records, droppedWithReason };
  } catch (error) {
    if (error instanceof ImportError) return { layout: "refused", records: [], droppedWithReason: [], error: error.message };
    throw error;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
