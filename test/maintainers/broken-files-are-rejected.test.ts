/**
 * Issues 5 and 6: every malformed file of test/fixtures/broken is rejected by
 * `npm run check` and by the build, with an error naming the file (and the
 * field, where there is one); no code in any of them runs, and nothing is
 * written outside the build's output folder.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { runCheck } from "../../src/check/index.ts";
import { ContentError } from "../../src/records/problems.ts";
import { buildSite, projectRoot } from "../support/build-site.ts";
import { markersFound } from "../support/hostile-site.ts";

const BROKEN_ROOT = "test/fixtures/broken";
const BROKEN_ARTICLES = `${BROKEN_ROOT}/content/articles`;

/** Each folder of the corpus, each file in it, and the field and message it must be rejected with (`null`: a valid companion). */
const CASES: Record<string, Record<string, { field: string; message: RegExp } | null>> = {
  "missing-field": { "missing-title.md": { field: "title", message: /required but missing/ } },
  "unknown-key": { "unknown-key.md": { field: "tilte", message: /unknown field `tilte`/ } },
  "bad-date": { "bad-date.md": { field: "date", message: /`2023-02-30`: there is no 30 February in 2023/ } },
  "impossible-day": {
    "impossible-day.md": { field: "date", message: /`2023-02-29`: there is no 29 February in 2023: that month has 28 days/ },
  },
  "duplicate-id": {
    "first.md": { field: "id", message: /id `same-id` is also used by .*second\.md/ },
    "second.md": { field: "id", message: /id `same-id` is also used by .*first\.md/ },
  },
  "derived-id-collision": {
    "peru-huelga-a.md": { field: "id", message: /id `peru-huelga` is also used/ },
    "peru-huelga-b.md": { field: "id", message: /id `peru-huelga` is also used/ },
  },
  "broken-translation": { "broken-translation.md": { field: "translations.0", message: /no article has the id `no-such-article`/ } },
  "bad-url": {
    "javascript-url.md": { field: "url", message: /http\(s\) address/ },
    "not-an-address.md": { field: "url", message: /http\(s\) address/ },
  },
  "js-front-matter": { "js-front-matter.md": { field: "", message: /front matter in `js` is not allowed/ } },
  "javascript-front-matter": { "javascript-front-matter.md": { field: "", message: /front matter in `javascript` is not allowed/ } },
  "coffee-front-matter": { "coffee-front-matter.md": { field: "", message: /front matter in `coffee` is not allowed/ } },
  "toml-front-matter": { "toml-front-matter.md": { field: "", message: /front matter in `toml` is not allowed/ } },
  "non-utf8": { "latin1.md": { field: "", message: /not valid UTF-8/ } },
  "control-character": { "control-character.md": { field: "", message: /holds a control character \(U\+0000\)/ } },
  empty: { "empty.md": { field: "", message: /the file is empty/ } },
  unclosed: { "unclosed.md": { field: "", message: /never closed/ } },
  "no-front-matter": { "no-front-matter.md": { field: "", message: /does not start with front matter/ } },
  oversize: { "oversize.md": { field: "", message: /more than the limit of 1048576/ } },
  "alias-bomb": { "alias-bomb.md": { field: "", message: /alias count|resource exhaustion/i } },
  "duplicate-key": { "duplicate-key.md": { field: "", message: /keys must be unique/ } },
  "not-a-mapping": { "not-a-mapping.md": { field: "", message: /set of `field: value` lines/ } },
  "proto-key": { "proto-key.md": { field: "__proto__", message: /unknown field `__proto__`/ } },
  "alias-collision": { "alias-collision.md": { field: "aliases.0", message: /already the address of .*target\.md/ }, "target.md": null },
  "alias-site-page": { "alias-site-page.md": { field: "aliases.0", message: /address the site makes for itself/ } },
  "alias-own-folder": {
    "alias-own.md": { field: "aliases.0", message: /lies inside this article's own folder \(`\/2023\/03\/01\/alias-own\/`\)/ },
  },
  "alias-other-folder": {
    "alias-other.md": { field: "aliases.0", message: /lies inside the folder of .*cite-target\.md/ },
    "cite-target.md": null,
  },
  "alias-device": { "alias-device.md": { field: "aliases.0", message: /named like a Windows device/ } },
  "alias-traversal": { "alias-traversal.md": { field: "aliases.0", message: /`\.` or `\.\.`/ } },
  "id-dot-dot": { "id-dot-dot.md": { field: "id", message: /path-safe slug/ } },
  "id-slash": { "id-slash.md": { field: "id", message: /path-safe slug/ } },
  "id-absolute": { "id-absolute.md": { field: "id", message: /path-safe slug/ } },
  "id-reserved": { "id-reserved.md": { field: "id", message: /path-safe slug/ } },
  "id-windows-device": { "id-windows-device.md": { field: "id", message: /path-safe slug/ } },
  "id-numeric": { "id-numeric.md": { field: "id", message: /path-safe slug/ } },
  "tags-not-a-list": { "tags-not-a-list.md": { field: "tags", message: /must be a list/ } },
  "bad-language": { "bad-language.md": { field: "language", message: /BCP 47/ } },
  "empty-title": { "empty-title.md": { field: "title", message: /must not be empty/ } },
  // Bodies that overflowed the stack, or took minutes, before they were refused unparsed.
  "deep-blockquotes": { "deep-blockquotes.md": { field: "", message: /blockquotes are nested 5,000 deep/ } },
  "nested-links": { "nested-links.md": { field: "", message: /10,000 brackets `\[` are open at once, nested or never closed/ } },
  // A symbolic link to a file outside the corpus (the project's package.json): never followed.
  symlink: { "outside.md": { field: "", message: /is a symbolic link, so it was not followed/ } },
};

const caseFiles = (name: string) => Object.keys(CASES[name]!).map((file) => `content/articles/${name}/${file}`);
/** The files that are wrong (not their valid companions). */
const malformed = (name: string) =>
  Object.entries(CASES[name]!)
    .filter(([, expected]) => expected)
    .map(([file]) => file);
const everyFile = Object.keys(CASES).flatMap((name) => malformed(name).map((file) => `${BROKEN_ARTICLES}/${name}/${file}`));

/**
 * Every file of the project but dependencies and history, with its size and
 * time: what a build must not touch. Files people edit by hand (code, tests,
 * styles) are compared for new names only, so colleagues at work in the same
 * tree do not make this test fail; any other file, such as content, must stay
 * exactly as it was.
 */
function snapshotProject(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(projectRoot, dir), { withFileTypes: true })) {
      const relative = dir === "." ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!NOT_WATCHED.has(relative)) walk(relative);
      } else {
        const stat = statSync(path.join(projectRoot, relative));
        files.set(relative, EDITED_BY_HAND.test(relative) ? "exists" : `${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  walk(".");
  return files;
}
/** Dependencies, history, and what other tools write (screenshots of the browser suite, coverage): not the build's business. */
const NOT_WATCHED = new Set(["node_modules", ".git", "screenshots", "coverage"]);
/**
 * The one thing a build writes besides its output, even when it fails: the record cache
 * (`.cache/records/`), whose names are hashes of the files' bytes, never taken from content.
 */
const CACHE_ENTRY = /^\.cache\/records\/[0-9a-f]{2}\/[0-9a-f]{64}\.json$/;
const EDITED_BY_HAND =
  /^(?:src|test|templates|public|scripts)\/.*\.(?:[cm]?[tj]s|css|md|json|ya?ml|txt)$|^[^/]+\.(?:md|json|[cm]?ts|[cm]?js)$/;

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...after]
    .filter(([file, stamp]) => before.get(file) !== stamp && !CACHE_ENTRY.test(file))
    .map(([file]) => `written: ${file}`);
  const removed = [...before.keys()].filter((file) => !after.has(file) && !EDITED_BY_HAND.test(file)).map((file) => `removed: ${file}`);
  return [...changed, ...removed];
}

const outputs: string[] = [];
afterAll(() => {
  for (const output of outputs) rmSync(output, { recursive: true, force: true });
});

describe("the broken corpus", () => {
  it("has a folder for every case and nothing else", () => {
    const onDisk = readdirSync(path.join(projectRoot, BROKEN_ARTICLES), { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => path.relative(path.join(projectRoot, BROKEN_ROOT), path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .sort();
    expect(onDisk).toEqual(Object.keys(CASES).flatMap(caseFiles).sort());
  });
});

describe("npm run check on malformed files", () => {
  it.each(Object.keys(CASES))("rejects `%s` with the file and the field", async (name) => {
    const report = await runCheck({ root: path.join(projectRoot, BROKEN_ROOT), articlesDir: `content/articles/${name}` });
    expect(report.counts.error).toBeGreaterThan(0);
    for (const [file, expected] of Object.entries(CASES[name]!)) {
      if (!expected) continue;
      const problems = report.problems.filter((p) => p.file === `content/articles/${name}/${file}` && p.severity === "error");
      expect(problems, `${name}/${file}`).toContainEqual(
        expect.objectContaining({ field: expected.field, message: expect.stringMatching(expected.message) }),
      );
      for (const problem of problems) {
        expect(problem.line, `${name}/${file}`).toBeGreaterThanOrEqual(1);
        expect(problem.hint, `${name}/${file}: ${problem.message}`).toBeTruthy();
      }
    }
  });

  it("lists every malformed file in one run, exits 1, and answers in JSON too", () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts", "--root", BROKEN_ROOT, ...args], {
        cwd: projectRoot,
        encoding: "utf8",
      });
    const text = run([]);
    expect(text.status).toBe(1);
    for (const file of everyFile) expect(text.stdout).toMatch(new RegExp(`^${file.replace(/[.]/g, "\\.")} \\d+:\\d+ `, "m"));
    expect(text.stdout).toMatch(/^FAILED: checked \d+ articles and 0 sources: \d+ errors/m);
    const json = run(["--json"]);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; errors: number; problems: Array<{ file: string; severity: string }> };
    expect(report.ok).toBe(false);
    expect(new Set(report.problems.filter((p) => p.severity === "error").map((p) => p.file))).toEqual(new Set(everyFile));
    expect(markersFound()).toEqual([]);
  });
});

describe("the build on malformed files", () => {
  it.each(Object.keys(CASES))("refuses `%s` when loading the archive, naming the file", async (name) => {
    const loading = loadArchive({ root: projectRoot, articlesDir: `${BROKEN_ARTICLES}/${name}`, site: siteConfigFromEnv({}) });
    await expect(loading).rejects.toBeInstanceOf(ContentError);
    const error = (await loading.catch((e: unknown) => e)) as ContentError;
    for (const file of malformed(name)) expect(error.message).toContain(`${BROKEN_ARTICLES}/${name}/${file}`);
  });

  it("fails the real build of the whole corpus, naming every file, writing nothing outside its output", () => {
    const before = snapshotProject();
    const output = mkdtempSync(path.join(tmpdir(), "hemeroteca-broken-"));
    outputs.push(output);
    const build = buildSite(BROKEN_ARTICLES, { output });
    expect(build.status).not.toBe(0);
    for (const file of everyFile) expect(build.stderr, file).toContain(file);
    // Listed once, though Eleventy's command logs a failed build's error twice (scripts/build.mjs).
    expect(build.stderr.match(/\d+ problems? in content\//g)).toHaveLength(1);
    expect(build.stderr).not.toContain("(via ");
    expect(changes(before, snapshotProject())).toEqual([]);
    expect(markersFound()).toEqual([]);
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it.each(["js-front-matter", "javascript-front-matter", "alias-site-page", "alias-own-folder"])(
    "fails a real build of `%s` alone",
    (name) => {
      const before = snapshotProject();
      const output = mkdtempSync(path.join(tmpdir(), "hemeroteca-broken-"));
      outputs.push(output);
      const build = buildSite(`${BROKEN_ARTICLES}/${name}`, { output });
      expect(build.status).not.toBe(0);
      for (const file of malformed(name)) expect(build.stderr).toContain(`${BROKEN_ARTICLES}/${name}/${file}`);
      expect(changes(before, snapshotProject())).toEqual([]);
      expect(markersFound()).toEqual([]);
    },
  );
});
