/**
 * A listing page (many items, each a headline and/or teaser, maybe a byline,
 * date, photo caption and read-more link) -> one draft per item.
 *
 * Items are found by what repeats, in this order of trust:
 *   1. a Markdown mark on headlines (`## x`, `[x](url)`, `**x**`);
 *   2. bylines (`By staff`), or the headline just before each byline;
 *   3. date lines;
 *   4. read-more links closing each item;
 *   5. otherwise the alternation of short headline-like and longer
 *      teaser-like units, found by dynamic programming over general features
 *      (length, final punctuation, capitals), which needs no site rule.
 */
import { articleStreamParts, type StreamPart } from "./article-stream.ts";
import { toUnits } from "./blocks.ts";
import { boilerplateReason, CAPTION_REASON, isCaptionOrCredit } from "./boilerplate.ts";
import { readsAsOneArticle } from "./detect-layout.ts";
import { classifyUnit, markRepeats, runInHeadline, type Unit } from "./classify-units.ts";
import { splitArticle } from "./split-article.ts";
import { datelineAgency, extractDateline, gluedHeadlineAndDate, headlineFromTeaser } from "./derive-headline.ts";
import { datelineDate, findDates, toEdtf } from "./extract-date.ts";
import { endsSentence, endsWithPeriod, isNameOnly, startsLowercase, stripMarkdown, toItalicLine } from "./markdown-text.ts";
import type { ConsumedLine, Draft, DroppedLine, Line, LineRole, SplitResult } from "./types.ts";

export interface ListingOptions {
  publication: string;
}

type Mode = "marked" | "run-in" | "byline" | "date" | "closing" | "read-more" | "alternating";

interface ItemRange {
  start: number;
  end: number;
  /** Whether the item's first text unit is its headline (known for marked and alternating items). */
  headline?: boolean;
  /** The item opens with a category label above its headline. */
  label?: boolean;
  /** A day heading printed once above this item and the one before it (a blog archive's day): its date. */
  dayHeading?: Unit;
}

const HEADER_REASON = "page header before the first item (site name, tagline or navigation)";
const FOOTER_REASON = "page footer after the last item";

/** The nearest text unit before `index` (bylines, dates and boilerplate skipped), not before `floor`. */
function previousText(units: readonly Unit[], index: number, floor = 0): number {
  for (let i = index - 1; i >= floor; i--) if (units[i]!.kind === "text") return i;
  return -1;
}

function nextText(units: readonly Unit[], index: number): number {
  for (let i = index + 1; i < units.length; i++) if (units[i]!.kind === "text") return i;
  return -1;
}

function previousContent(units: readonly Unit[], index: number, floor = 0): number {
  for (let i = index - 1; i >= floor; i--) if (units[i]!.kind !== "boilerplate") return i;
  return -1;
}

/** Anchors are where items start; meta printed before a headline goes with it. */
function rangesFromAnchors(
  units: readonly Unit[],
  anchors: number[],
  headline: boolean | undefined,
): { header: number; items: ItemRange[] } {
  const starts = [...anchors];
  // Bylines or dates printed just before each headline belong to it.
  // Meta is printed before the headlines only when it precedes them more often than it follows them:
  // a byline under its headline belongs to that item, not the one above.
  const isMeta = (index: number) => index >= 0 && (units[index]!.kind === "byline" || units[index]!.kind === "date");
  const nextContent = (index: number) => {
    for (let i = index + 1; i < units.length; i++) if (units[i]!.kind !== "boilerplate") return i;
    return -1;
  };
  const precede = anchors.filter((anchor) => isMeta(previousContent(units, anchor))).length;
  const follow = anchors.filter((anchor) => isMeta(nextContent(anchor))).length;
  const metaFirst = isMeta(previousContent(units, starts[0]!)) && precede > follow;
  if (metaFirst) {
    for (let k = 0; k < starts.length; k++) {
      const floor = k === 0 ? 0 : anchors[k - 1]! + 1;
      let start = starts[k]!;
      for (let i = previousContent(units, start, floor); i >= floor; i = previousContent(units, i, floor)) {
        if (units[i]!.kind !== "byline" && units[i]!.kind !== "date") break;
        start = i;
      }
      starts[k] = start;
    }
  }
  const items = starts.map((start, k) => ({ start, end: starts[k + 1] ?? units.length, ...(headline !== undefined ? { headline } : {}) }));
  return { header: starts[0]!, items };
}

function alternationScore(lengths: readonly number[]): number {
  let best = 0;
  for (const offset of [0, 1]) {
    let pairs = 0;
    let rising = 0;
    for (let i = offset; i + 1 < lengths.length; i += 2) {
      pairs++;
      if (lengths[i + 1]! >= 1.2 * lengths[i]!) rising++;
    }
    if (pairs > 0) best = Math.max(best, rising / pairs);
  }
  return best;
}

/**
 * Headline/teaser alternation by dynamic programming over the text units:
 * each item is a headline and up to three teaser paragraphs (or, at a cost, a
 * teaser without headline); short units before the first item and after the
 * last may be page furniture.
 */
function alternatingRanges(units: readonly Unit[], wholePage: boolean): { header: number; footer: number; items: ItemRange[] } {
  // A credit line (`— Associated Press`) is neither headline nor teaser: it stays with the item it closes.
  const textIndex = units.map((unit, index) => ({ unit, index })).filter(({ unit }) => unit.kind === "text" && !unit.credit);
  const n = textIndex.length;
  if (n === 0) return { header: units.length, footer: units.length, items: [] };
  const texts = textIndex.map(({ unit }) => unit);

  const lengths = texts.map((unit) => unit.block.words);
  // One short line an item, no teasers: a list of headlines or of one-line decks. A page's own introduction,
  // a paragraph of running text above them, does not make it a headline-and-teaser list.
  const oneLineItems = (from: number) =>
    n - from >= 3 &&
    texts.slice(from).every((unit) => unit.h >= 0.5 && unit.block.words <= 25) &&
    alternationScore(lengths.slice(from)) < 0.75;
  // Under an introduction the lines must stand alone on the whole page: a byline or date line among them, or
  // bylines found below them (the part read here is then what the converter glued together), says items run
  // over more than one line.
  const bare = wholePage && n >= 2 && units.slice(textIndex[1]!.index).every((unit) => unit.kind === "text" || unit.kind === "boilerplate");
  const listFrom = oneLineItems(0) ? 0 : bare && texts[0]!.h < 0 && texts[0]!.block.words > 25 && oneLineItems(1) ? 1 : -1;
  if (listFrom >= 0) {
    const listed = textIndex.slice(listFrom);
    return {
      header: listed[0]!.index,
      footer: units.length,
      items: listed.map(({ index }, k) => ({ start: index, end: listed[k + 1]?.index ?? units.length, headline: true })),
    };
  }

  // Short unpunctuated lines at the top or bottom are usually the site's name, tagline or menu.
  const dropCost = (unit: Unit, first: boolean) =>
    unit.block.words <= 6 && !endsSentence(unit.block.text)
      ? 0.3 + 0.05 * unit.block.words
      : 0.6 + 0.12 * unit.block.words + (unit.h < 0 ? 1.5 : 0) - (first && unit.block.gluedToNext ? 0.8 : 0);
  // A whole teaser is no headline: long running prose ending in a period.
  // Nor is a photo caption (`... Foto: Paulo Pinto/Agência Brasil`).
  const headlineCost = (unit: Unit) =>
    -unit.h + (unit.block.words >= 12 && !unit.mark && endsWithPeriod(unit.block.text) ? 4 : 0) + (unit.captionCue ? 3 : 0);
  const teaserCost = (unit: Unit) => unit.h;
  // A page of long paragraphs with hardly a headline-like line among them is a teaser-only listing:
  // each paragraph is an item of its own, not the continuation of the one above.
  // The first and last units are left out: the page's title and a cut-off last item sit there.
  const headlineLike = texts.slice(1, -1).filter((unit) => unit.h >= 0.5 && unit.block.words <= 20).length;
  const teaserOnly = n >= 4 && headlineLike <= Math.max(1, 0.15 * (n - 2));
  // Where the page's furniture (separators, read-more links, captions, ads) stands between some paragraphs,
  // it marks where items end: the paragraphs between two pieces of it are one item. A teaser-only page with
  // no furniture between its paragraphs prints one item a paragraph.
  const furnitureAbove = textIndex.map(({ index }, k) => k > 0 && index - textIndex[k - 1]!.index > 1);
  const furnished = furnitureAbove.filter(Boolean).length >= 2;
  const newItemAbove = (k: number) => teaserOnly && (!furnished || furnitureAbove[k]!);
  const loneCost = (k: number) => (newItemAbove(k) ? 0.5 : 4);
  const moreTeasersCost = (k: number) => (newItemAbove(k) ? 5 : 2.5);
  // A dateline (`Miami, 24 jun (EFE).-`) opens an item: it does not continue the teaser above it.
  // Nor does a paragraph under a label the page prints over its items (`Section` three times or more).
  const labelled = textIndex.map(
    ({ index }, k) => k > 0 && units.slice(textIndex[k - 1]!.index + 1, index).some((unit) => unit.repeatedLabel === true),
  );
  const opensItem = texts.map((unit, k) => Boolean(datelineDate(unit.block.text) ?? extractDateline(unit.block.text)) || labelled[k]!);

  const INF = Number.POSITIVE_INFINITY;
  const dp = new Array<number>(n + 1).fill(INF);
  const back = new Array<{ from: number; headline: boolean; label?: boolean } | undefined>(n + 1);
  const header = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) header[i] = header[i - 1]! + dropCost(texts[i - 1]!, i === 1);

  for (let i = 0; i < n; i++) {
    const fromHeader = header[i]!;
    const base = Math.min(dp[i]!, fromHeader);
    if (base === INF) continue;
    const viaHeader = fromHeader <= dp[i]!;
    // Headline with 0..3 teaser paragraphs, possibly under a short category label.
    const tryItem = (first: number, label: boolean) => {
      const h = texts[first]!;
      let cost = headlineCost(h) + (label ? 0.5 : 0);
      for (let j = first + 1; j <= Math.min(n, first + 4); j++) {
        const teasers = j - first - 1;
        if (teasers >= 1) {
          const t = texts[j - 1]!;
          cost += teaserCost(t) + (t.block.words <= 3 ? 2 : 0) + (teasers >= 2 && opensItem[j - 1] ? 6 : 0);
          if (teasers === 1) {
            if (t.block.words <= h.block.words) cost += 2;
            else if (t.block.words < 1.2 * h.block.words) cost += 1;
          } else cost += moreTeasersCost(j - 1);
        }
        const total = base + cost + (teasers === 0 ? 3 : 0);
        if (total < dp[j]!) {
          dp[j] = total;
          back[j] = { from: viaHeader ? -(i + 1) : i, headline: true, label };
        }
      }
    };
    tryItem(i, false);
    if (i + 1 < n && isLabel(texts[i]!) && texts[i + 1]!.h >= 1) tryItem(i + 1, true);
    const h = texts[i]!;
    // A teaser whose headline the converter lost.
    // On a teaser-only page such an item may run to several paragraphs.
    let lone = base + teaserCost(h) + loneCost(i) - (opensItem[i] ? 1.5 : 0) + (teaserOnly && h.captionCue ? 3 : 0);
    for (let j = i + 1; j <= Math.min(n, teaserOnly ? i + 4 : i + 1); j++) {
      if (j > i + 1) lone += teaserCost(texts[j - 1]!) + moreTeasersCost(j - 1) + (opensItem[j - 1] ? 6 : 0);
      if (lone < dp[j]!) {
        dp[j] = lone;
        back[j] = { from: viaHeader ? -(i + 1) : i, headline: false, label: false };
      }
    }
  }

  let bestEnd = n;
  let bestCost = dp[n]!;
  let footerCost = 0;
  for (let i = n - 1; i >= 1; i--) {
    footerCost += dropCost(texts[i]!, false);
    if (dp[i]! + footerCost < bestCost) {
      bestCost = dp[i]! + footerCost;
      bestEnd = i;
    }
  }

  const spans: Array<{ from: number; to: number; headline: boolean; label: boolean }> = [];
  let position = bestEnd;
  let headerEnd = 0;
  while (position > 0) {
    const step = back[position];
    if (!step) break;
    const from = step.from < 0 ? -step.from - 1 : step.from;
    spans.unshift({ from, to: position, headline: step.headline, label: step.label ?? false });
    if (step.from < 0) {
      headerEnd = from;
      break;
    }
    position = from;
  }

  const items: ItemRange[] = spans.map((span, k) => {
    const start = textIndex[span.from]!.index;
    const nextStart = spans[k + 1] ? textIndex[spans[k + 1]!.from]!.index : bestEnd < n ? textIndex[bestEnd]!.index : units.length;
    return { start, end: nextStart, headline: span.headline, ...(span.label ? { label: true } : {}) };
  });
  return {
    header: headerEnd < n ? textIndex[headerEnd]!.index : units.length,
    footer: bestEnd < n ? textIndex[bestEnd]!.index : units.length,
    items,
  };
}

/**
 * Items found by their bylines, dates or marks start at the first one; text above it is the page
 * header only when it does not read as items itself (a featured item printed before the list, or
 * items whose byline the converter glued to the next line): that part is read by alternation.
 */
function findItems(units: readonly Unit[]): { mode: Mode; header: number; footer: number; items: ItemRange[]; gap?: [number, number] } {
  const found = findItemsByShape(units);
  if (found.mode === "alternating" || found.header < 2) return found;
  const above = units.slice(0, found.header);
  if (above.filter((unit) => unit.kind === "text").length < 2) return found;
  const top = alternatingRanges(above, false);
  const items = top.items;
  // Menus and section names are short: every item found above must hold some running text.
  const hasProse = (range: ItemRange) => units.slice(range.start, range.end).some((unit) => unit.kind === "text" && unit.block.words >= 8);
  if (!items.every(hasProse) || items.filter((range) => range.headline !== false).length < Math.max(1, items.length / 2)) return found;
  return { ...found, header: top.header, items: [...items, ...found.items], gap: [top.footer, found.header] };
}

/**
 * Items printed as `headline / teaser / byline` (the meta closing each item) repeat with a period:
 * the same number of text units between consecutive meta lines, the first of them the most
 * headline-like. Found by that period rather than by each teaser's punctuation (a teaser cut
 * short without its final point looks like a headline). The items' headlines, or undefined.
 */
function closingByPeriod(units: readonly Unit[], meta: readonly number[]): number[] | undefined {
  const textsBetween = (from: number, to: number) => {
    const found: number[] = [];
    for (let i = from; i < to; i++) if (units[i]!.kind === "text") found.push(i);
    return found;
  };
  const gaps = meta.slice(1).map((index, k) => textsBetween(meta[k]! + 1, index));
  if (gaps.length < 2) return undefined;
  const counts = new Map<number, number>();
  for (const gap of gaps) counts.set(gap.length, (counts.get(gap.length) ?? 0) + 1);
  const [period, times] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  if (period < 2 || times < 0.75 * gaps.length) return undefined;
  const regular = gaps.filter((gap) => gap.length === period);
  const meanH = (position: number) => regular.reduce((sum, gap) => sum + units[gap[position]!]!.h, 0) / regular.length;
  for (let position = 1; position < period; position++) if (meanH(position) >= meanH(0) - 0.5) return undefined;
  // The first item sits wholly above the first meta line, its headline `period` texts up.
  const before = textsBetween(0, meta[0]!);
  if (before.length < period) return undefined;
  const first = before[before.length - period]!;
  if (before.slice(-period + 1).some((index) => units[index]!.h >= units[first]!.h)) return undefined;
  // The last item may have lost its meta line where the page was cut.
  const after = textsBetween(meta[meta.length - 1]! + 1, units.length);
  return [first, ...[...gaps, after].filter((gap) => gap.length > 0).map((gap) => gap[0]!)];
}

/**
 * A blog archive prints a day heading over each day's posts, and some days have several: each a short
 * headline-like line over paragraphs of text. Under a day heading whose first post opens with a
 * headline, a later headline-like line of a dozen words at most, with running text (15 words or more)
 * before it in the day and right after it, opens another post; it takes the day's date.
 */
function postsUnderDay(units: readonly Unit[], range: ItemRange): ItemRange[] {
  if (units[range.start]!.kind !== "date") return [range];
  const texts: number[] = [];
  for (let i = range.start + 1; i < range.end; i++) if (units[i]!.kind === "text") texts.push(i);
  if (texts.length < 4 || units[texts[0]!]!.h < 1) return [range];
  const starts: number[] = [];
  let prose = false;
  for (let k = 1; k + 1 < texts.length; k++) {
    const unit = units[texts[k]!]!;
    const next = units[texts[k + 1]!]!;
    if (prose && unit.h >= 1 && unit.block.words <= 12 && next.h < 0 && next.block.words >= 15) {
      starts.push(texts[k]!);
      prose = false;
    } else if (unit.h < 0 && unit.block.words >= 15) prose = true;
  }
  if (starts.length === 0) return [range];
  const bounds = [range.start, ...starts, range.end];
  return bounds.slice(0, -1).map((start, k) => ({
    ...range,
    start,
    end: bounds[k + 1]!,
    ...(k > 0 ? { headline: true, dayHeading: units[range.start]! } : {}),
  }));
}

function findItemsByShape(units: readonly Unit[]): { mode: Mode; header: number; footer: number; items: ItemRange[] } {
  const indices = (test: (unit: Unit) => boolean) => units.flatMap((unit, index) => (test(unit) ? [index] : []));

  // 1. Marked headlines: the most common mark, if it repeats.
  const byMark = new Map<string, number[]>();
  for (const index of indices((unit) => unit.kind === "text" && unit.mark !== undefined)) {
    const mark = units[index]!.mark!;
    byMark.set(mark, [...(byMark.get(mark) ?? []), index]);
  }
  const marked = [...byMark.values()].sort((a, b) => b.length - a.length)[0];
  if (marked && marked.length >= 2) {
    const { header, items } = rangesFromAnchors(units, marked, true);
    return { mode: "marked", header, footer: units.length, items };
  }

  // 1b. Headlines in capitals run in with their text (`HEADLINE: CITY (AP) — ...`): each opens an item.
  const runIns = indices((unit) => unit.kind === "text" && unit.runInHead !== undefined);
  if (runIns.length >= 2) {
    const { header, items } = rangesFromAnchors(units, runIns, false);
    return { mode: "run-in", header, footer: units.length, items };
  }

  // 2-3. Bylines or date lines, one per item: leading it, just after its headline, or closing it.
  for (const kind of ["byline", "date"] as const) {
    const meta = indices((unit) => unit.kind === kind);
    if (meta.length < 2) continue;
    const closingHeadlines = closingByPeriod(units, meta);
    if (closingHeadlines) {
      const items = closingHeadlines.map((start, k) => ({ start, end: closingHeadlines[k + 1] ?? units.length, headline: true }));
      return { mode: kind, header: closingHeadlines[0]!, footer: units.length, items };
    }
    const before = meta.map((index, k) => {
      const previous = previousText(units, index, k === 0 ? 0 : meta[k - 1]! + 1);
      // A bare name above the meta line closes the item before (its byline), it heads no item.
      return previous >= 0 && units[previous]!.h >= 1 && !units[previous]!.nameOnly && !startsLowercase(units[previous]!.block.raw)
        ? previous
        : -1;
    });
    const headlineFirst = before.filter((index) => index >= 0).length >= 0.6 * meta.length;
    // Meta that follows its headline (`Headline / Por X`) and is itself followed by the next
    // headline nearly every time closes each item, also those that print a teaser between
    // (`Headline / teaser / Por X`): such an item starts at the first line after the previous meta.
    // Without this its headline went to the item above.
    const nextIsHeadline = meta.filter((index, k) => {
      const next = nextText(units, index);
      return next >= 0 && (k === meta.length - 1 || next < meta[k + 1]!) && units[next]!.h >= 1;
    }).length;
    const closesEach = headlineFirst && meta.length >= 3 && nextIsHeadline >= 0.75 * meta.length;
    if (closesEach) {
      for (let k = 1; k < meta.length; k++) {
        const first = nextText(units, meta[k - 1]!);
        if (first >= 0 && first < meta[k]! && units[first]!.h >= 1) before[k] = first;
      }
    }
    // The page's own date or byline at the top (today's date over a section page), with no headline
    // above it while the items' all have one, is the page header's.
    if (headlineFirst && meta.length >= 3 && before[0]! < 0 && before.slice(1).every((index) => index >= 0)) {
      meta.shift();
      before.shift();
    }
    if (headlineFirst) {
      const anchors = meta.map((index, k) => (before[k]! >= 0 ? before[k]! : index));
      // After the last closing meta, a headline-like line opens one more item (the page may be cut in its teaser).
      const after = closesEach ? nextText(units, meta[meta.length - 1]!) : -1;
      if (after >= 0 && units[after]!.h >= 1) anchors.push(after);
      const { header, items } = rangesFromAnchors(units, anchors, undefined);
      return { mode: kind, header, footer: units.length, items };
    }
    // Printed after the teaser (`Headline / teaser / By X`): the meta closes each item.
    const closing =
      meta.filter((index, k) => {
        const previous = previousText(units, index, k === 0 ? 0 : meta[k - 1]! + 1);
        const next = nextText(units, index);
        return previous >= 0 && units[previous]!.h < 0 && (next < 0 || units[next]!.h >= 0.5);
      }).length >=
      0.6 * meta.length;
    const firstText = units.findIndex((unit) => unit.kind === "text");
    if (closing && firstText >= 0 && firstText < meta[0]!) {
      const items: ItemRange[] = [];
      let start = 0;
      for (const index of meta) {
        let end = index + 1;
        while (
          end < units.length &&
          (units[end]!.kind === "read-more" ||
            units[end]!.kind === "boilerplate" ||
            (units[end]!.kind !== "text" && units[end]!.kind !== kind))
        )
          end++;
        items.push({ start, end });
        start = end;
      }
      if (units.slice(start).some((unit) => unit.kind === "text")) items.push({ start, end: units.length });
      return { mode: "closing", header: 0, footer: units.length, items };
    }
    const { header, items } = rangesFromAnchors(units, meta, undefined);
    return {
      mode: kind,
      header,
      footer: units.length,
      items: kind === "date" ? items.flatMap((range) => postsUnderDay(units, range)) : items,
    };
  }

  // 4. Read-more links close items.
  const reads = indices((unit) => unit.kind === "read-more");
  if (reads.length >= 2) {
    const items: ItemRange[] = [];
    let start = 0;
    for (const read of reads) {
      items.push({ start, end: read + 1 });
      start = read + 1;
    }
    if (indices((unit) => unit.kind === "text").some((index) => index >= start)) items.push({ start, end: units.length });
    return { mode: "read-more", header: 0, footer: units.length, items };
  }

  // 5. Alternation. A date line or byline printed just above the first headline is that item's, not the page header's.
  const { header: top, footer, items } = alternatingRanges(units, true);
  let header = top;
  for (let i = top - 1; i >= 0 && units[i]!.kind !== "text" && units[i]!.kind !== "read-more"; i--) {
    if (units[i]!.kind === "byline" || units[i]!.kind === "date") header = i;
  }
  if (items[0] && header < top) items[0] = { ...items[0], start: header };
  return { mode: "alternating", header, footer, items };
}

const SECTION_HEADING_REASON = "section heading between items (a few words and no teaser, where the page's items have one)";

/**
 * `More World News Stories` over the rest of a listing whose items are headline and teaser: a short
 * line with nothing under it between two items is the page's section heading, not an item.
 */
function sectionHeadings(units: readonly Unit[], items: readonly ItemRange[]): Set<ItemRange> {
  const texts = (range: ItemRange) => units.slice(range.start, range.end).filter((unit) => unit.kind === "text");
  const withTeaser = items.filter((range) => texts(range).length >= 2).length;
  const headings = new Set<ItemRange>();
  if (items.length < 4 || withTeaser < 0.75 * items.length) return headings;
  items.forEach((range, k) => {
    const only = texts(range);
    // The first and last are left alone: the page's own title, and an item cut off where the page ends.
    if (k === 0 || k === items.length - 1 || range.headline !== true || only.length !== 1) return;
    if (
      only[0]!.block.words <= 6 &&
      !endsSentence(only[0]!.block.text) &&
      units.slice(range.start, range.end).every((unit) => unit.kind === "text" || unit.kind === "boilerplate")
    )
      headings.add(range);
  });
  return headings;
}

interface ItemContext {
  mode: Mode;
  /** Most items that have several text units open with a short one: a photo caption. */
  captionsFirst: boolean;
  first: boolean;
  last: boolean;
  /** Most items of the page are teasers without a headline. */
  teaserOnly: boolean;
  /** Two or more items of the page close with a name alone on its line: their byline. */
  namesClose: boolean;
}

/** A person's name alone on a line: two to four capitalised words. */
function isClosingName(unit: Unit): boolean {
  return unit.kind === "text" && unit.nameOnly && !unit.captionCue && unit.block.words >= 2 && unit.block.words <= 4 && !unit.mark;
}

/** A short category label (`Analysis`, `PERU`, `Opinión`) printed above a headline. */
function isLabel(unit: Unit): boolean {
  const text = unit.block.text;
  return (
    unit.kind === "text" &&
    unit.block.words <= 3 &&
    !/[.!?:,;…"”]$/.test(text) &&
    (!unit.nameOnly || unit.block.words === 1) &&
    !unit.captionCue &&
    // `— Associated Press` closes the story above; it labels none below.
    !unit.credit &&
    !startsLowercase(unit.block.raw)
  );
}

function headlineLikeForItem(unit: Unit): boolean {
  const text = unit.block.text;
  return (
    !endsWithPeriod(text) &&
    unit.block.words <= 20 &&
    !unit.nameOnly &&
    !unit.captionCue &&
    !startsLowercase(unit.block.raw) &&
    unit.h >= 0.5
  );
}

function isShortCaption(unit: Unit): boolean {
  return unit.nameOnly || unit.captionCue || unit.block.words <= 15;
}

function linesOf(unit: Unit): Line[] {
  return unit.block.lines.filter((line) => line.text.trim() !== "");
}

function buildItem(units: readonly Unit[], range: ItemRange, context: ItemContext): { draft?: Draft; dropped: DroppedLine[] } {
  const dropped: DroppedLine[] = [];
  const consumed: ConsumedLine[] = [];
  // A line that opens with its byline (`By Gwynne Dyer – ...`) is recorded as the byline it carries.
  const take = (unit: Unit, role: LineRole) => {
    for (const line of linesOf(unit)) consumed.push({ line: line.n, role: unit.inlineAuthors ? "byline" : role });
  };
  const drop = (unit: Unit, reason: string) => {
    for (const line of linesOf(unit)) dropped.push({ line: line.n, text: line.text, reason });
  };

  const authors: string[] = [];
  // The day heading above several posts dates each of them; its line is the first post's.
  let dateUnit: Unit | undefined = range.dayHeading;
  let url: string | undefined;
  const texts: Unit[] = [];
  const review: string[] = [];
  // Credit lines (`— Associated Press`, `Fonte: Uol`): the item's byline when it prints no other.
  const credits: string[] = [];
  for (const unit of units) {
    if (unit.credit && (unit.kind === "boilerplate" || unit.kind === "text")) {
      credits.push(...unit.credit);
      take(unit, "byline");
      continue;
    }
    switch (unit.kind) {
      case "boilerplate":
        drop(unit, unit.reason ?? "boilerplate");
        break;
      case "read-more":
        drop(unit, unit.reason ?? "read-more link");
        if (unit.url && /^https?:/i.test(unit.url)) url ??= unit.url;
        break;
      case "byline":
        authors.push(...(unit.authors ?? []));
        if (unit.date && !dateUnit) dateUnit = unit;
        take(unit, "byline");
        break;
      case "date":
        if (!dateUnit || !dateUnit.date) {
          dateUnit = unit;
          take(unit, "date");
        } else take(unit, "date");
        break;
      case "text":
        texts.push(unit);
        if (unit.inlineAuthors) authors.push(...unit.inlineAuthors);
        if (unit.closingCredit) credits.push(...unit.closingCredit);
        if (unit.trailingReadMore) {
          const last = linesOf(unit)[linesOf(unit).length - 1]!;
          dropped.push({ line: last.n, text: unit.trailingReadMore, reason: "read-more link (end of the line)", partial: true });
          if (unit.url && /^https?:/i.test(unit.url) && !unit.mark) url ??= unit.url;
        }
        break;
    }
  }

  if (authors.length === 0) authors.push(...credits);

  // The first item of a page without marks may still carry the page header.
  if (context.first && (context.mode === "read-more" || context.mode === "closing")) {
    const firstTeaser = texts.findIndex((unit) => unit.h < 0);
    const cut = firstTeaser > 0 && headlineLikeForItem(texts[firstTeaser - 1]!) ? firstTeaser - 1 : Math.max(firstTeaser, 0);
    for (const unit of texts.splice(0, cut)) drop(unit, HEADER_REASON);
  }

  // Category labels: above this item's headline, or (at the end) above the next one's.
  const LABEL_REASON = "category label above a headline";
  if (
    texts.length >= 2 &&
    (range.label || (range.headline === undefined && isLabel(texts[0]!) && headlineLikeForItem(texts[1]!) && texts.length >= 3))
  ) {
    drop(texts.shift()!, LABEL_REASON);
  }
  while (!context.last && texts.length >= 2 && isLabel(texts[texts.length - 1]!) && texts.slice(0, -1).some((unit) => unit.h < 0)) {
    drop(texts.pop()!, LABEL_REASON);
  }

  let title: Unit | undefined;
  if (range.headline === true || (range.headline === undefined && context.mode === "marked")) {
    if (texts[0] && (texts[0].block === units[0]?.block || range.label)) title = texts.shift();
    else if (texts[0] && (texts[0].mark || headlineLikeForItem(texts[0]))) title = texts.shift();
  } else if (range.headline === undefined) {
    if (texts.length >= 2 && headlineLikeForItem(texts[0]!)) title = texts.shift();
    else if (texts.length === 1 && headlineLikeForItem(texts[0]!) && texts[0]!.h >= 1.5 && texts[0]!.block.words >= 3)
      title = texts.shift();
  }

  // Photo captions: by their wording anywhere; by position when the page's items open with one.
  const captions: Unit[] = [];
  const rest: Unit[] = [];
  for (const unit of texts) (unit.captionCue ? captions : rest).push(unit);
  if (rest.length >= 2 && context.mode !== "marked" && context.mode !== "alternating") {
    const head = rest[0]!;
    const last = rest[rest.length - 1]!;
    if (head.nameOnly || (context.captionsFirst && (isShortCaption(head) || head.block.words < last.block.words))) {
      captions.unshift(rest.shift()!);
    }
  }
  // A name alone closing the item (`Eugene Robinson` under the teaser), as several items of the page print it, is its byline.
  const closing = rest[rest.length - 1];
  if (context.namesClose && rest.length >= 2 && closing && isClosingName(closing) && authors.length === 0) {
    rest.pop();
    authors.push(stripMarkdown(closing.block.raw).trim());
    take(closing, "byline");
  }
  const teasers = rest;

  if (!title && teasers.length === 0 && captions.length === 0) {
    for (const line of consumed) {
      const text = units.flatMap((unit) => unit.block.lines).find((candidate) => candidate.n === line.line)?.text ?? "";
      dropped.push({ line: line.line, text, reason: "byline or date of an item without text" });
    }
    return { dropped };
  }

  // A line that is boilerplate is never a title (it would become a permanent id).
  if (title && boilerplateReason(title.block.raw)) {
    teasers.unshift(title);
    title = undefined;
  }
  let titleText: string;
  const glued = !title && teasers[0] ? gluedHeadlineAndDate(teasers[0].block.text) : undefined;
  const runIn = !title && !glued && teasers[0]?.runInHead ? runInHeadline(teasers[0].block.text) : undefined;
  // What opens the teaser once a run-in headline is read off it: the dateline, if any.
  const lead = runIn ? runIn.rest : teasers[0]?.block.text;
  if (runIn) {
    titleText = runIn.headline;
    review.push(`headline read from the start of line ${linesOf(teasers[0]!)[0]!.n}, where the page prints it run in with the text`);
  } else if (glued) {
    titleText = glued.headline;
    review.push(
      `headline and date read from the start of line ${linesOf(teasers[0]!)[0]!.n}, where the page prints them glued to the teaser`,
    );
  } else if (title) {
    titleText = stripMarkdown(title.block.raw);
    take(title, "title");
    if (title.url) url = title.url;
  } else {
    const from = teasers[0] ?? captions[0]!;
    titleText = headlineFromTeaser(from.block.text) ?? from.block.text;
    const where = linesOf(from).map((line) => line.n);
    const at = where.length > 1 ? `lines ${where[0]}-${where[where.length - 1]}` : `line ${where[0]}`;
    if (context.teaserOnly && teasers[0])
      review.push(`the page prints no headlines: headline derived from the teaser (${at}), its first sentence or clause`);
    else
      review.push(
        teasers[0]
          ? "headline derived from teaser (its first sentence or clause); the page shows none"
          : "headline derived from the photo caption; the page shows no headline or teaser",
      );
  }
  for (const unit of teasers) take(unit, "summary");
  if (context.mode === "alternating" && teasers.length >= 3) {
    const numbers = teasers.flatMap((unit) => linesOf(unit).map((line) => line.n));
    review.push(
      `split uncertain: lines ${numbers[0]}-${numbers[numbers.length - 1]} were read as one item of ${teasers.length} paragraphs; check that they are not several items`,
    );
  }
  // A photo's caption or credit is not the item's text: dropped, unless it is all the text the item has.
  const keptCaptions = teasers.length > 0 ? captions.filter((unit) => !isCaptionOrCredit(unit)) : captions;
  for (const unit of captions) {
    if (keptCaptions.includes(unit)) take(unit, "body");
    else for (const line of linesOf(unit)) dropped.push({ line: line.n, text: line.text, reason: CAPTION_REASON });
  }

  const summary = teasers.map((unit) => unit.block.text).join("\n\n");
  const body = [
    ...teasers.map((unit) => unit.block.raw.replace(/ {2,}$/gm, "")),
    ...keptCaptions.map((unit) => toItalicLine(unit.block.raw)),
  ].join("\n\n");

  const draft: Draft = { title: titleText, review, body, consumed };
  if (summary) draft.summary = summary;
  if (authors.length > 0) draft.authors = [...new Set(authors)];
  if (url) draft.url = url;
  const dateline = lead ? extractDateline(lead) : undefined;
  if (dateline) draft.place = dateline.place;
  else if (dateUnit?.place) draft.place = dateUnit.place;

  // Dates: the item's own date line or byline date, or a date in dateline position opening its teaser
  // (`Miami, 24 jun (EFE).- ...`). A date elsewhere in the text is an event it talks about, not its date.
  const opening = lead ? datelineDate(lead) : undefined;
  if (opening?.place && !draft.place) draft.place = opening.place;
  // The agency a dateline credits (`Miami, 24 jun (EFE).-`) is the item's byline when it prints no other.
  const agency = opening?.agency ?? (lead ? datelineAgency(lead) : undefined);
  if (agency && !draft.authors && isNameOnly(agency)) draft.authors = [agency];
  const printed = dateUnit?.date ?? opening?.date ?? glued?.date;
  const printedLine = dateUnit ? linesOf(dateUnit)[0]!.n : teasers[0] ? linesOf(teasers[0])[0]!.n : undefined;
  if (printed) {
    const edtf = toEdtf(printed);
    if (edtf) {
      draft.date = edtf;
      draft.dateIsFirm = true;
    } else if (printed.month !== undefined && printed.day !== undefined) {
      draft.yearless = { month: printed.month, day: printed.day, text: printed.text, ...(printedLine ? { line: printedLine } : {}) };
    } else review.push(`date printed without a year (\`${printed.text}\`${printedLine ? `, line ${printedLine}` : ""}); no date given`);
  } else {
    const text = [titleText, summary].join(" ");
    const found = findDates(text).filter((date) => date.month !== undefined && date.day !== undefined);
    if (found.length > 0) {
      const mentioned = [...new Set(found.map((date) => `\`${date.text}\``))];
      if (found.every((date) => date.year === undefined))
        review.push(`the text mentions ${mentioned.join(", ")} without a year; no date given`);
      else review.push(`the text mentions ${mentioned.join(", ")}, not as its own date (no date line or dateline); no date given`);
    }
  }
  return { draft, dropped };
}

/** A run of whole articles: each part read as an article of its own. */
function splitStream(parts: readonly StreamPart[], options: ListingOptions): SplitResult {
  const drafts: Draft[] = [];
  const dropped: DroppedLine[] = [];
  for (const part of parts) {
    const result = splitArticle(part.lines, { ...options, headlineLine: part.headline });
    drafts.push(...result.drafts);
    dropped.push(...result.dropped);
  }
  return { kind: "listing", drafts, dropped };
}

export function splitListing(lines: readonly Line[], options: ListingOptions): SplitResult {
  // Only where the page would otherwise read as one article: a listing's items carry their own shapes.
  const parts = readsAsOneArticle(lines, options.publication) ? articleStreamParts(lines, options.publication) : undefined;
  if (parts) return splitStream(parts, options);
  const units = markRepeats(toUnits(lines).map((block) => classifyUnit(block, options.publication)));
  const found = findItems(units);
  const { mode, header, footer, gap } = found;
  const dropped: DroppedLine[] = [];
  const dropUnit = (unit: Unit, reason: string) => {
    for (const line of linesOf(unit)) dropped.push({ line: line.n, text: line.text, reason });
  };
  const headings = mode === "alternating" ? sectionHeadings(units, found.items) : new Set<ItemRange>();
  for (const range of headings)
    for (const unit of units.slice(range.start, range.end)) dropUnit(unit, unit.reason ?? SECTION_HEADING_REASON);
  const items = found.items.filter((range) => !headings.has(range));
  for (const unit of units.slice(0, header)) dropUnit(unit, unit.reason ?? HEADER_REASON);
  if (gap) for (const unit of units.slice(gap[0], gap[1])) dropUnit(unit, unit.reason ?? HEADER_REASON);
  for (const unit of units.slice(footer)) dropUnit(unit, unit.reason ?? FOOTER_REASON);

  // A caption opens most multi-unit items on pages with photos (bylines, dates, read-more layouts).
  let multi = 0;
  let shortFirst = 0;
  for (const range of items) {
    const texts = units.slice(range.start, Math.min(range.end, footer)).filter((unit) => unit.kind === "text" && !unit.captionCue);
    const rest = texts.length >= 2 && headlineLikeForItem(texts[0]!) ? texts.slice(1) : texts;
    if (rest.length < 2) continue;
    multi++;
    if (isShortCaption(rest[0]!)) shortFirst++;
  }
  const captionsFirst = multi >= 2 && shortFirst >= 0.6 * multi;

  const namesClose =
    items.filter((range) => {
      const texts = units.slice(range.start, Math.min(range.end, footer)).filter((unit) => unit.kind === "text");
      return texts.length >= 2 && isClosingName(texts[texts.length - 1]!);
    }).length >= 2;
  const lone = items.filter((range) => range.headline === false).length;
  const teaserOnly = lone >= 2 && lone >= 0.5 * items.length;
  const drafts: Draft[] = [];
  items.forEach((range, k) => {
    const slice = units.slice(range.start, Math.min(range.end, footer));
    const { draft, dropped: itemDropped } = buildItem(slice, range, {
      mode,
      captionsFirst,
      first: k === 0,
      last: k === items.length - 1,
      teaserOnly,
      namesClose,
    });
    dropped.push(...itemDropped);
    if (draft) drafts.push(draft);
  });
  columnistBylines(drafts);
  return { kind: "listing", drafts, dropped };
}

/** `Esther Cepeda: Seeking a path ...`: a columnist's name heading the headline, as opinion pages print it. */
const NAME_PREFIX = /^([\p{Lu}][\p{L}'’.-]*(?:\s+(?:de|del|da|dos|van|von|\p{Lu}[\p{L}'’.-]*)){1,3}):\s+\S/u;

/**
 * On a page where most headlines open with a person's name and a colon, the name is the columnist's
 * byline (the headline stays as printed). One such headline alone may be a quotation's speaker instead.
 */
function columnistBylines(drafts: Draft[]): void {
  const names = drafts.map((draft) => {
    const name = NAME_PREFIX.exec(draft.title)?.[1];
    return name && isNameOnly(name) && !/\d/.test(name) ? name : undefined;
  });
  const named = names.filter(Boolean).length;
  if (named < 3 || named < 0.5 * drafts.length) return;
  drafts.forEach((draft, k) => {
    if (names[k] && !draft.authors) draft.authors = [names[k]];
  });
}
