/**
 * A build whose output nobody reads any more (`npm run build | head`, a
 * closed CI log, a killed benchmark) ends, with the status of a command
 * killed by SIGPIPE. It used to spin for ever: Eleventy reported the failed
 * write on the same closed stream, which failed again.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildScriptArgs } from "../../src/bench/build-script.ts";
import { CLOSED_OUTPUT_STATUS } from "../../src/site/exit-when-output-closes.ts";
import { projectRoot, TEST_CACHE } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();

describe("a build whose output is closed", () => {
  it("ends instead of spinning", async () => {
    const output = await tempDir("site");
    const build = spawn(process.execPath, buildScriptArgs(projectRoot), {
      cwd: projectRoot,
      env: {
        ...process.env,
        HEMEROTECA_ARTICLES: "test/fixtures/basic/content/articles",
        HEMEROTECA_OUTPUT: output,
        HEMEROTECA_CACHE: TEST_CACHE,
      },
      stdio: ["ignore", "pipe", "pipe"],
      // A build that spins is killed, and fails the test below with a signal instead of a status.
      timeout: 120_000,
      killSignal: "SIGKILL",
    });
    // Nobody reads: the build's next write to either stream fails.
    build.stdout.destroy();
    build.stderr.destroy();
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      build.on("close", (status, killed) => resolve([status, killed])),
    );
    expect(signal, "the build was still running two minutes after its output closed").toBeNull();
    expect(code).toBe(CLOSED_OUTPUT_STATUS);
  }, 150_000);
});
