/**
 * Pull requests run check, build and the tests in CI (Chromium from apt),
 * keeping the built site; one that changes only content/ runs check, build,
 * the unit tier and the collection's own checks instead of the whole suite.
 * Pushes to main deploy `_site` to GitHub Pages with the official actions.
 * Read from the workflow files themselves; the step that tells a content-only
 * pull request is run on pull requests made in a scratch repository.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  id?: string;
  if?: string;
}
interface Job {
  steps: Step[];
  environment?: unknown;
  needs?: string | string[];
  if?: string;
  strategy?: { matrix: Record<string, unknown> };
  outputs?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(readFileSync(path.join(projectRoot, ".github/workflows", name), "utf8")) as Workflow;
const runs = (steps: Step[]) => steps.map((s) => s.run ?? "").join("\n");
const tempDir = temporaryFolders();

/** The build restores the newest build cache (`.cache/`) of an earlier run, and saves its own under a new key. */
function expectBuildCacheBeforeBuild(steps: Step[]): void {
  const cache = steps.findIndex((s) => s.uses?.startsWith("actions/cache@"));
  expect(cache).toBeGreaterThanOrEqual(0);
  expect(cache).toBeLessThan(steps.findIndex((s) => s.run === "npm run build"));
  const settings = steps[cache]!.with as { path: string; key: string; "restore-keys": string };
  expect(settings.path).toBe(".cache");
  expect(settings.key).toMatch(/github\.run_id/);
  expect(settings.key.startsWith(settings["restore-keys"].trim())).toBe(true);
}

describe("the CI workflow", () => {
  const ci = workflow("ci.yml");
  const steps = Object.values(ci.jobs).flatMap((job) => job.steps);

  it("runs on pull requests and pushes", () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["pull_request", "push"]));
  });

  it("installs, gets Chromium from apt, then typechecks, lints, checks, builds and tests, in that order", () => {
    const commands = runs(steps);
    expect(commands).toMatch(/apt-get install -y chromium/);
    const order = ["npm ci", "npm run typecheck", "npm run lint", "npm run check", "npm run build", "npm test"].map((command) =>
      commands.indexOf(command),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("builds with the build cache of an earlier run", () => {
    expectBuildCacheBeforeBuild(steps);
  });

  describe("on a pull request that changes only content/", () => {
    const decide = steps.find((s) => s.id === "changes")!;
    const codeOnly = (command: string) => steps.filter((s) => s.run?.includes(command)).map((s) => s.if ?? "always");

    it("decides before installing", () => {
      expect(steps.indexOf(decide)).toBeLessThan(steps.findIndex((s) => s.run === "npm ci"));
      expect(steps[0]?.with?.["fetch-depth"]).toBe(2);
    });

    it("skips typecheck, lint and the whole suite, and runs check, build, the unit tier and the collection's checks", () => {
      for (const command of ["npm run typecheck", "npm run lint", "npm test"])
        expect(codeOnly(command)).toEqual(["${{ steps.changes.outputs.code == 'true' }}"]);
      for (const command of ["npm run check", "npm run build"]) expect(codeOnly(command)).toEqual(["always"]);
      for (const command of ["npm run test:unit", "npm run test:content"])
        expect(codeOnly(command)).toEqual(["${{ steps.changes.outputs.code != 'true' }}"]);
      const scripts = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")).scripts as Record<string, string>;
      expect(scripts["test:content"]).toContain("test/readers/default-collection.test.ts");
    });

    /** Runs the deciding step in a repository whose HEAD merges a branch changing `files` into a base, as GitHub checks out a pull request. */
    const decided = async (event: string, files: string[]): Promise<string> => {
      const repo = await tempDir("pull-request");
      const git = (...args: string[]) =>
        execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: repo, encoding: "utf8" });
      const put = async (file: string, text: string) => {
        await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
        await writeFile(path.join(repo, file), text);
      };
      git("init", "-q", "-b", "main");
      for (const file of ["content/articles/a.md", "src/a.ts", "README.md"]) await put(file, "base\n");
      git("add", "-A");
      git("commit", "-qm", "base");
      git("checkout", "-qb", "change");
      for (const file of files) await put(file, "changed\n");
      git("add", "-A");
      git("commit", "-qm", "change", "--allow-empty");
      git("checkout", "-q", "main");
      await put("README.md", "main moved on\n");
      git("commit", "-qam", "main moved on");
      git("merge", "-q", "--no-ff", "-m", "merge", "change");
      const output = path.join(repo, "..", `${path.basename(repo)}.output`);
      await writeFile(output, "");
      execFileSync("sh", ["-e", "-c", decide.run!], {
        cwd: repo,
        env: { ...process.env, GITHUB_EVENT_NAME: event, GITHUB_OUTPUT: output },
      });
      return readFile(output, "utf8");
    };

    it("tells one that changes only content/ from one that changes code, and runs everything on a push", async () => {
      expect(await decided("pull_request", ["content/articles/a.md", "content/articles/new/b.md"])).toBe("code=false\n");
      expect(await decided("pull_request", ["content/articles/a.md", "src/a.ts"])).toBe("code=true\n");
      expect(await decided("pull_request", ["package.json"])).toBe("code=true\n");
      expect(await decided("push", ["content/articles/a.md"])).toBe("code=true\n");
    });
  });

  it("keeps the built site as an artifact", () => {
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.with).toMatchObject({ name: "site", path: expect.stringMatching(/^_site\/?$/) });
  });
});

describe("the deploy workflow", () => {
  const deploy = workflow("deploy.yml");
  const steps = Object.values(deploy.jobs).flatMap((job) => job.steps);

  it("runs on pushes to main", () => {
    expect(deploy.on.push).toEqual({ branches: ["main"] });
  });

  it("builds for the Pages address and deploys _site with the official actions", () => {
    const uses = steps.map((s) => s.uses?.split("@")[0]).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining(["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]));
    const build = steps.find((s) => s.run === "npm run build");
    expect(build?.env?.SITE_URL).toMatch(/steps\.pages\.outputs\.base_url/);
    expect(steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))?.with?.path).toMatch(/^_site\/?$/);
  });

  it("builds with the build cache of an earlier run, under the key pull requests restore", () => {
    expectBuildCacheBeforeBuild(steps);
    const key = (workflow: Workflow) =>
      Object.values(workflow.jobs)
        .flatMap((job) => job.steps)
        .find((s) => s.uses?.startsWith("actions/cache@"))!.with!["restore-keys"];
    expect(key(deploy)).toBe(key(workflow("ci.yml")));
  });

  it("builds a large archive as a matrix of shards handed to a merge as artifacts, and a small one in one job", () => {
    const { plan, build, shard, merge, deploy: publish } = deploy.jobs;
    expect(runs(plan!.steps)).toContain("npm run --silent build -- --plan-shards");
    expect(plan!.outputs).toMatchObject({
      shards: expect.stringContaining("steps.plan.outputs.shards"),
      matrix: expect.stringContaining("steps.plan.outputs.matrix"),
    });
    expect(build!.if).toBe("needs.plan.outputs.shards == '1'");
    expect(shard!.if).toBe("needs.plan.outputs.shards != '1'");
    expect(shard!.strategy?.matrix.shard).toBe("${{ fromJSON(needs.plan.outputs.matrix) }}");
    expect(runs(shard!.steps)).toContain("npm run build -- --shard ${{ matrix.shard }}/${{ needs.plan.outputs.shards }}");
    const handed = shard!.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"))!;
    expect(handed.with).toMatchObject({ name: "shard-${{ matrix.shard }}", "include-hidden-files": true });
    expect(merge!.needs).toEqual(["plan", "shard"]);
    expect(merge!.steps.find((s) => s.uses?.startsWith("actions/download-artifact@"))?.with).toMatchObject({ pattern: "shard-*" });
    expect(runs(merge!.steps)).toContain("npm run build -- --merge $folders");
    expect(merge!.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))?.with?.path).toMatch(/^_site\/?$/);
    expect(publish!.needs).toEqual(["build", "merge"]);
  });
});
