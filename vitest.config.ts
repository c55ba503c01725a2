import { configDefaults, defineConfig } from "vitest/config";

const TEST_FILES = ["test/**/*.test.ts", "src/**/*.test.ts"];

/**
 * The files that build a site or drive Chromium: the `site` tier. Everything
 * else is the `unit` tier (`npm run test:unit`), which must stay under a
 * minute: a unit-tier file that asks for a build or a browser fails, naming
 * this list (test/support/tier.ts).
 */
const SITE_TESTS = [
  "test/research/addresses-carry-the-site-s-path.test.ts",
  "test/research/exports-have-a-manifest-and-whole-archive-citations.test.ts",
  "test/research/feeds-are-valid-and-say-what-is-new.test.ts",
  "test/browser/**/*.test.ts",
  "test/build/**/*.test.ts",
  "test/security/**/*.test.ts",
  "test/**/*-in-chromium.test.ts",
  "test/editors/site-settings.test.ts",
  "test/performance/bench-moves-old-outputs-aside.test.ts",
  "test/performance/bench-stops-when-interrupted.test.ts",
  "test/performance/search-index-reuse.test.ts",
  "test/research/csv-rows-equal-jsonl-records.test.ts",
  "test/research/data-page-describes-the-exports.test.ts",
  "test/research/every-article-has-three-valid-citations.test.ts",
  "test/research/exports-are-byte-identical-across-builds.test.ts",
  "test/research/search-boxes-suggest-the-archive-s-words.test.ts",
  "test/research/search-cli-finds-articles-offline.test.ts",
  "test/research/search-cli-labels-dates-in-the-interface-language.test.ts",
  "test/research/sqlite-fts5-table-answers-match-queries.test.ts",
  "test/research/search-words-are-pagefind-s-words.test.ts",
  "test/research/search-cli-writes-matches-as-the-exports-do.test.ts",
];

export default defineConfig({
  test: {
    // Generous: a limit for a test that hangs, not a measure of speed (the benchmark measures), and builds run two at a time.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Files run in parallel: each builds into folders of its own and keeps its build caches apart from the other
    // workers' (test/support/build-site.ts), and servers take a free port. Two at a time on two cores: a build
    // already keeps a second core busy with its workers and Pagefind.
    maxWorkers: 2,
    // One temporary folder for the whole run, removed at its end (test/support/temporary-run-folder.ts).
    globalSetup: ["test/support/temporary-run-folder.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: TEST_FILES,
          exclude: [...configDefaults.exclude, ...SITE_TESTS],
          env: { HEMEROTECA_TEST_TIER: "unit" },
          // Pure modules: one module graph per worker instead of one per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "site", include: SITE_TESTS },
      },
    ],
  },
});
