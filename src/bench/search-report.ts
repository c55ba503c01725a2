/**
 * The search benchmark's results -> medians per query and site, and over
 * all queries, as one JSON object (`--json`) or Markdown tables. Bytes are
 * as sent by the host (gzip for text); KB are 1,000 bytes.
 */
import { median, type Spread } from "./report.ts";
import {
  FILE_KINDS,
  SEARCH_SIDES,
  type FileKind,
  type SearchBenchResult,
  type SearchMeasurement,
  type SearchSide,
} from "./search-bench.ts";
import type { QueryKind } from "./search-queries.ts";

export interface TransferSummary {
  /** Medians over the rounds. */
  bytes: number;
  pagefindBytes: number;
  requests: number;
  kinds: Record<FileKind, number>;
  kindRequests: Record<FileKind, number>;
}

export interface QuerySummary {
  side: SearchSide;
  kind: QueryKind;
  query: string;
  sort?: "newest";
  runs: number;
  first: TransferSummary & { msToFirstResult: Spread };
  further: TransferSummary & { query: string };
}

/** Over all queries of one side: the median and the largest of the queries' medians. */
export interface SideSummary {
  side: SearchSide;
  first: {
    medianBytes: number;
    largestBytes: number;
    medianPagefindBytes: number;
    largestPagefindBytes: number;
    medianMsToFirstResult: number;
    /** Median over the queries of each kind's bytes. */
    kinds: Record<FileKind, number>;
  };
  further: { medianBytes: number; largestBytes: number };
}

export interface SearchSizeSummary {
  articles: number;
  stockPages: number;
  loadBefore: number[];
  loadAfter: number[];
  queries: QuerySummary[];
  sides: SideSummary[];
}

export interface SearchBenchSummary {
  machine: SearchBenchResult["machine"];
  options: SearchBenchResult["options"];
  startedAt: string;
  sizes: SearchSizeSummary[];
}

const spread = (values: readonly number[]): Spread => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

function kindMedians(parts: ReadonlyArray<{ kinds: Record<FileKind, number> }>): Record<FileKind, number> {
  return Object.fromEntries(FILE_KINDS.map((kind) => [kind, median(parts.map((part) => part.kinds[kind]))])) as Record<FileKind, number>;
}

function transferMedians(
  parts: ReadonlyArray<{
    bytes: number;
    pagefindBytes: number;
    requests: number;
    kinds: Record<FileKind, number>;
    kindRequests: Record<FileKind, number>;
  }>,
): TransferSummary {
  return {
    kinds: kindMedians(parts),
    kindRequests: kindMedians(parts.map((part) => ({ kinds: part.kindRequests }))),
    bytes: median(parts.map((part) => part.bytes)),
    pagefindBytes: median(parts.map((part) => part.pagefindBytes)),
    requests: median(parts.map((part) => part.requests)),
  };
}

function summarizeQuery(runs: readonly SearchMeasurement[]): QuerySummary {
  const { side, kind, query, sort } = runs[0]!;
  return {
    side,
    kind,
    query,
    ...(sort ? { sort } : {}),
    runs: runs.length,
    first: { ...transferMedians(runs.map((run) => run.first)), msToFirstResult: spread(runs.map((run) => run.first.msToFirstResult)) },
    further: { ...transferMedians(runs.map((run) => run.further)), query: runs[0]!.further.query },
  };
}

function summarizeSide(side: SearchSide, queries: readonly QuerySummary[]): SideSummary {
  const first = queries.map((query) => query.first);
  const further = queries.map((query) => query.further);
  return {
    side,
    first: {
      medianBytes: median(first.map((part) => part.bytes)),
      largestBytes: Math.max(...first.map((part) => part.bytes)),
      medianPagefindBytes: median(first.map((part) => part.pagefindBytes)),
      largestPagefindBytes: Math.max(...first.map((part) => part.pagefindBytes)),
      medianMsToFirstResult: median(first.map((part) => part.msToFirstResult.median)),
      kinds: kindMedians(first),
    },
    further: { medianBytes: median(further.map((part) => part.bytes)), largestBytes: Math.max(...further.map((part) => part.bytes)) },
  };
}

export function summarizeSearch(result: SearchBenchResult): SearchBenchSummary {
  return {
    machine: result.machine,
    options: result.options,
    startedAt: result.startedAt,
    sizes: result.sizes.map((size) => {
      const groups = new Map<string, SearchMeasurement[]>();
      for (const measurement of size.measurements) {
        const key = `${measurement.query}\0${measurement.sort ?? ""}\0${measurement.side}`;
        groups.set(key, [...(groups.get(key) ?? []), measurement]);
      }
      // In the order measured, each query's sides in SEARCH_SIDES order.
      const queries = [...groups.values()]
        .map(summarizeQuery)
        .sort((a, b) => (a.query === b.query && a.sort === b.sort ? SEARCH_SIDES.indexOf(a.side) - SEARCH_SIDES.indexOf(b.side) : 0));
      const sides = SEARCH_SIDES.filter((side) => queries.some((query) => query.side === side)).map((side) =>
        summarizeSide(
          side,
          // Over the queries both sides answer: the sorted one is Hemeroteca's alone.
          queries.filter((query) => query.side === side && !query.sort),
        ),
      );
      return {
        articles: size.articles,
        stockPages: size.stockPages,
        loadBefore: size.loadBefore,
        loadAfter: size.loadAfter,
        queries,
        sides,
      };
    }),
  };
}

export const SIDE_LABELS: Record<SearchSide, string> = { hemeroteca: "Hemeroteca", stock: "one stock Pagefind index" };

const kb = (bytes: number) => (bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const timeCell = ({ median: m, min, max }: Spread) => `${seconds(m)} s (${seconds(min)}–${seconds(max)})`;

/** Markdown: per size, a table of every query on both sides, then the medians and largest over the queries. */
export function searchSummaryToMarkdown(summary: SearchBenchSummary): string {
  const { machine, options } = summary;
  const lines = [
    `Measured ${summary.startedAt.slice(0, 10)} on ${machine.cpus} CPUs (${machine.cpuModel}), ${Math.round(machine.memoryBytes / 2 ** 30)} GiB, Node ${machine.node}; ` +
      `${options.runs} run${options.runs === 1 ? "" : "s"} per query, each in an empty browser cache; seed ${options.seed}. ` +
      "KB are 1,000 bytes as sent by the host (text gzipped); medians over the runs.",
  ];
  for (const size of summary.sizes) {
    lines.push("", `### Search, ${size.articles.toLocaleString("en")} articles`, "");
    lines.push(
      `Load average (1, 5, 15 min) ${size.loadBefore.join(", ")} before the searches, ${size.loadAfter.join(", ")} after; ` +
        (size.stockPages
          ? `the stock index holds ${size.stockPages.toLocaleString("en")} article pages.`
          : "no stock index was made (`--only hemeroteca`)."),
      "",
    );
    lines.push(
      "| query | kind | index | first search: KB (of which Pagefind) | requests | time to first result, median (range) | each further search: KB (of which Pagefind) | requests |",
    );
    lines.push("|---|---|---|---|---|---|---|---|");
    for (const query of size.queries) {
      const { first, further } = query;
      lines.push(
        `| \`${query.query}\`${query.sort ? ` (${query.sort})` : ""} | ${query.kind} | ${SIDE_LABELS[query.side]} | ${kb(first.bytes)} (${kb(first.pagefindBytes)}) | ${first.requests} | ${timeCell(first.msToFirstResult)} | ` +
          `${kb(further.bytes)} (${kb(further.pagefindBytes)}), then \`${further.query}\` | ${further.requests} |`,
      );
    }
    // Where a further search's bytes go: each kind's KB and requests (a word's index chunk, the shown results' fragments).
    lines.push("", `| each further search, by file | index | ${FILE_KINDS.map((kind) => `${kind}: KB (requests)`).join(" | ")} |`);
    lines.push(`|---|---|${FILE_KINDS.map(() => "---|").join("")}`);
    for (const query of size.queries) {
      const { further } = query;
      lines.push(
        `| \`${further.query}\` after \`${query.query}\`${query.sort ? ` (${query.sort})` : ""} | ${SIDE_LABELS[query.side]} | ` +
          `${FILE_KINDS.map((kind) => `${kb(further.kinds[kind])} (${further.kindRequests[kind]})`).join(" | ")} |`,
      );
    }
    lines.push(
      "",
      `| index | first search KB, median / largest | of which Pagefind, median / largest | time to first result, median | each further search KB, median / largest | first search KB by file, median (${FILE_KINDS.join(" / ")}) |`,
    );
    lines.push("|---|---|---|---|---|---|");
    for (const side of size.sides) {
      lines.push(
        `| ${SIDE_LABELS[side.side]} | ${kb(side.first.medianBytes)} / ${kb(side.first.largestBytes)} | ${kb(side.first.medianPagefindBytes)} / ${kb(side.first.largestPagefindBytes)} | ` +
          `${seconds(side.first.medianMsToFirstResult)} s | ${kb(side.further.medianBytes)} / ${kb(side.further.largestBytes)} | ${FILE_KINDS.map((kind) => kb(side.first.kinds[kind])).join(" / ")} |`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
