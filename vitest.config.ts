import { configDefaults, defineConfig } from "vitest/config";

const TEST_FILES = ["test/**/*.test.ts", "src/**/*.test.ts"];

/**
 * The files that build a site or drive Chromium: the `site` tier. Everything
 * else is the `unit` tier (`npm run test:unit`), which must stay under a
 * minute: a unit-tier file that asks for a build or a browser fails, naming
 * this list (test/support/tier.ts).
 */
const SITE_TESTS = [
  "test/researchers/addresses-carry-the-site-s-path.test.ts",
  "test/researchers/exports-have-a-manifest-and-whole-archive-citations.test.ts",
  "test/researchers/feeds-are-valid-and-say-what-is-new.test.ts",
  "test/editors/dev-server-shows-build-errors.test.ts",
  "test/editors/start-serves-a-first-build-s-errors.test.ts",
  "test/editors/edited-collection.test.ts",
  "test/maintainers/bodies-are-read-in-bounded-time.test.ts",
  "test/maintainers/broken-files-are-rejected.test.ts",
  "test/maintainers/build-ends-when-its-output-closes.test.ts",
  "test/maintainers/builds-the-fixture-archive.test.ts",
  "test/maintainers/cache-entries-are-verified.test.ts",
  "test/maintainers/dry-run-writes-nothing.test.ts",
  "test/maintainers/hostile-corpus-builds-inert.test.ts",
  "test/maintainers/output-folder-of-its-own.test.ts",
  "test/maintainers/publish-repairs-an-interrupted-swap.test.ts",
  "test/maintainers/rebuild-leaves-no-page-of-a-removed-article.test.ts",
  "test/maintainers/rebuild-writes-only-what-changed.test.ts",
  "test/maintainers/sharded-build-writes-the-single-build-s-site.test.ts",
  "test/maintainers/site-is-published-whole-or-not-at-all.test.ts",
  "test/maintainers/stale-alias-folder-is-repaired.test.ts",
  "test/maintainers/symbolic-links-are-not-followed.test.ts",
  "test/maintainers/watch-rebuild-writes-only-what-changed.test.ts",
  "test/readers/accessibility.test.ts",
  "test/readers/console.test.ts",
  "test/readers/default-collection.test.ts",
  "test/readers/html-validity.test.ts",
  "test/readers/interface-language.test.ts",
  "test/readers/links.test.ts",
  "test/readers/not-found-links-the-nearest-page.test.ts",
  "test/readers/page-weight.test.ts",
  "test/readers/screenshots.test.ts",
  "test/readers/search-first-screen.test.ts",
  "test/readers/structure.test.ts",
  "test/**/*-in-chromium.test.ts",
  "test/editors/site-settings.test.ts",
  "test/maintainers/bench-moves-old-outputs-aside.test.ts",
  "test/maintainers/bench-stops-when-interrupted.test.ts",
  "test/maintainers/search-index-reuse.test.ts",
  "test/researchers/csv-rows-equal-jsonl-records.test.ts",
  "test/researchers/data-page-describes-the-exports.test.ts",
  "test/researchers/every-article-has-three-valid-citations.test.ts",
  "test/researchers/exports-are-byte-identical-across-builds.test.ts",
  "test/researchers/search-boxes-suggest-the-archive-s-words.test.ts",
  "test/researchers/search-cli-finds-articles-offline.test.ts",
  "test/researchers/search-cli-labels-dates-in-the-interface-language.test.ts",
  "test/researchers/sqlite-fts5-table-answers-match-queries.test.ts",
  "test/researchers/search-words-are-pagefind-s-words.test.ts",
  "test/researchers/search-cli-writes-matches-as-the-exports-do.test.ts",
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
    // One temporary folder for the whole run, removed at its end (test/support/temporary-run-folder.ts), and the
    // commands compiled once for every file that starts one (test/support/compile-commands.ts).
    globalSetup: ["test/support/temporary-run-folder.ts", "test/support/compile-commands.ts"],
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
