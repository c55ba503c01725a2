import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Browser and build tests share _site fixtures and two cores; files run one at a time.
    fileParallelism: false,
    // One temporary folder for the whole run, removed at its end (test/support/temporary-run-folder.ts).
    globalSetup: ["test/support/temporary-run-folder.ts"],
  },
});
