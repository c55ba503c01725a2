/**
 * Issue 5: pull requests run check, build and the tests in CI (Chromium from
 * apt), keeping the built site; pushes to main deploy `_site` to GitHub Pages
 * with the official actions. Read from the workflow files themselves.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/build-site.ts";

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; id?: string }
interface Workflow { on: Record<string, unknown>; jobs: Record<string, { steps: Step[]; environment?: unknown }> }

const workflow = (name: string) => parse(readFileSync(path.join(projectRoot, ".github/workflows", name), "utf8")) as Workflow;
const runs = (steps: Step[]) => steps.map((s) => s.run ?? "").join("\n");

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
    const order = ["npm ci", "npm run typecheck", "npm run lint", "npm run check", "npm run build", "npm test"].map((command) => commands.indexOf(command));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("builds with the build cache of an earlier run", () => {
    expectBuildCacheBeforeBuild(steps);
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
    const key = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps).find((s) => s.uses?.startsWith("actions/cache@"))!.with!["restore-keys"];
    expect(key(deploy)).toBe(key(workflow("ci.yml")));
  });
});
