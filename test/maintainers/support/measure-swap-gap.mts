/**
 * Measures how long a published site has no folder during the swap: the time
 * from the return of the rename that moves the old site aside to the return
 * of the rename that brings the new one in (publish.ts, `publishStaging`),
 * over many swaps of two sites of a hundred files. Prints the median,
 * the 99th percentile and the longest, in microseconds, with the load.
 * SECURITY.md quotes it:
 *
 *   node --import tsx test/maintainers/support/measure-swap-gap.mts [SWAPS]
 */
import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";

const swaps = Number(process.argv[2] ?? 500);
const work = mkdtempSync(path.join(tmpdir(), "hemeroteca-swap-gap-"));
const site = path.join(work, "_site");

function makeSite(folder: string, label: string): void {
  for (let i = 0; i < 100; i++) {
    const dir = path.join(folder, String(i % 10));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${i}.html`), `<p>${label} ${i}</p>`);
  }
}

let asideAt = 0;
const gaps: number[] = [];
const rename = fs.renameSync;
fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
  rename(from, to);
  if (String(from) === site) asideAt = performance.now();
  else if (String(to) === site && asideAt) {
    gaps.push((performance.now() - asideAt) * 1000);
    asideAt = 0;
  }
};
syncBuiltinESMExports();
// Imported after the patch, so that its `renameSync` is the patched one.
const { publishStaging, stagingFolderOf } = await import("../../../src/build/output/publish.ts");

try {
  makeSite(site, "old");
  for (let i = 0; i < swaps; i++) {
    const staging = stagingFolderOf(site);
    // The new site: the old one's files linked, as a build that changed little makes it.
    fs.cpSync(site, staging, { recursive: true });
    publishStaging(staging, site);
  }
  gaps.sort((a, b) => a - b);
  const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]!.toFixed(0);
  console.log(
    JSON.stringify({
      swaps: gaps.length,
      medianUs: at(0.5),
      p99Us: at(0.99),
      maxUs: gaps.at(-1)!.toFixed(0),
      load: loadavg()
        .map((l) => l.toFixed(1))
        .join(" "),
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
