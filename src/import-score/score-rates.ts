/**
 * The totals as rates, each with the direction that is better, and the floor
 * file that keeps them from falling: today's measured rates, rounded towards
 * worse, which a later score must match or beat.
 */
import { z } from "zod";
import type { Counts } from "./count-page.ts";

const part = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Each rate: how it is computed from the counts, and whether higher is better. */
export const RATES = {
  found: { better: "higher", of: (c: Counts) => part(c.found, c.items) },
  merged: { better: "lower", of: (c: Counts) => part(c.merged, c.items) },
  split: { better: "lower", of: (c: Counts) => part(c.split, c.items) },
  missed: { better: "lower", of: (c: Counts) => part(c.missed, c.items) },
  extra: { better: "lower", of: (c: Counts) => part(c.extra, c.records) },
  boilerplateInRecords: { better: "lower", of: (c: Counts) => part(c.boilerplateInRecords, c.boilerplateLines) },
  headlinesExact: { better: "higher", of: (c: Counts) => part(c.headlinesExact, c.headlinesPrinted) },
  bylinesRight: { better: "higher", of: (c: Counts) => part(c.bylinesRight, c.bylinesPrinted) },
  bylinesWhereNone: { better: "lower", of: (c: Counts) => part(c.bylinesWhereNone, c.items - c.bylinesPrinted) },
  datesRight: { better: "higher", of: (c: Counts) => part(c.datesRight, c.datesPrinted) },
  datesWrong: { better: "lower", of: (c: Counts) => part(c.datesWrong, c.datesPrinted) },
  datesWhereNone: { better: "lower", of: (c: Counts) => part(c.datesWhereNone, c.items - c.datesPrinted) },
  languageRight: { better: "higher", of: (c: Counts) => part(c.languageRight, c.items) },
  layoutRight: { better: "higher", of: (c: Counts) => part(c.layoutRight, c.pages) },
  linesUnaccounted: { better: "lower", of: (c: Counts) => part(c.linesUnaccounted, c.nonBlankLines) },
} as const satisfies Record<string, { better: "higher" | "lower"; of: (c: Counts) => number }>;

export type RateName = keyof typeof RATES;
const RATE_NAMES = Object.keys(RATES) as RateName[];

export function scoreRates(counts: Counts): Record<RateName, number> {
  return Object.fromEntries(RATE_NAMES.map((name) => [name, RATES[name].of(counts)])) as Record<RateName, number>;
}

const rate = z.number().min(0).max(1);

export const FloorSchema = z.strictObject({
  /** The day the rates were measured. */
  measured: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Pages and items scored that day, for the record. */
  pages: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
  rates: z.strictObject(Object.fromEntries(RATE_NAMES.map((name) => [name, rate])) as Record<RateName, typeof rate>),
});

export type Floor = z.infer<typeof FloorSchema>;

/** Today's rates as a floor, rounded to 3 decimals towards worse so a re-run of the same importer passes. */
export function floorFrom(counts: Counts, measured: string): Floor {
  const rates = scoreRates(counts);
  const rounded = Object.fromEntries(
    RATE_NAMES.map((name) => {
      const value = rates[name] * 1000;
      return [name, (RATES[name].better === "higher" ? Math.floor(value) : Math.ceil(value)) / 1000];
    }),
  ) as Record<RateName, number>;
  return { measured, pages: counts.pages, items: counts.items, rates: rounded };
}

/** The rates that fell below (or rose above) the floor, in words; empty when none did. */
export function belowFloor(counts: Counts, floor: Floor): string[] {
  const rates = scoreRates(counts);
  return RATE_NAMES.flatMap((name) => {
    const now = rates[name];
    const kept = floor.rates[name];
    const worse = RATES[name].better === "higher" ? now < kept : now > kept;
    return worse
      ? [
          `${name}: ${now.toFixed(3)} is ${RATES[name].better === "higher" ? "below" : "above"} the floor ${kept} measured ${floor.measured}`,
        ]
      : [];
  });
}
