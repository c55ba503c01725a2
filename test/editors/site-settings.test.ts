/**
 * `content/site.yml`: the site's name, tagline and sizes are content, read
 * with the care of an article's front matter. `check` reports its mistakes
 * with file, line and field; the build takes the site's name from it and
 * fails closed on a broken one.
 */
import { symlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSiteConfig, siteConfigFromEnv } from "../../src/archive/site-config.ts";
import { parseSiteFile, siteFileFor } from "../../src/archive/site-file.ts";
import { runCheck } from "../../src/check/index.ts";
import { buildSite } from "../support/build-site.ts";
import { article, tempProject, type TempProject } from "./support/temp-project.ts";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const SETTINGS = "title: Test Archive\ntagline: Placeholder papers, 1990–1999\n";

describe("the settings file", () => {
  it("gives the site its name, tagline and sizes over the defaults", () => {
    project = tempProject({ "content/site.yml": `${SETTINGS}page-size: 20\n` });
    const { site, problems } = loadSiteConfig(project.root);
    expect(problems).toEqual([]);
    expect(site).toEqual({
      ...siteConfigFromEnv({}),
      ...site,
      title: "Test Archive",
      tagline: "Placeholder papers, 1990–1999",
      pageSize: 20,
      feedSize: siteConfigFromEnv({}).feedSize,
    });
  });

  it("sets the interface's language, English unless it says otherwise", () => {
    project = tempProject({ "content/site.yml": `${SETTINGS}interface: es\n` });
    expect(loadSiteConfig(project.root).site.language).toBe("es");
    expect(siteConfigFromEnv({}).language).toBe("en");
  });

  it("is optional: without it the site has the defaults", () => {
    project = tempProject();
    expect(loadSiteConfig(project.root, undefined, {})).toEqual({ site: siteConfigFromEnv({}), problems: [] });
  });

  it("sits beside the articles folder", () => {
    expect(siteFileFor(undefined)).toBe("content/site.yml");
    expect(siteFileFor("test/fixtures/basic/content/articles/")).toBe("test/fixtures/basic/content/site.yml");
  });

  it.each([
    ["a missing field", "title: Test Archive\n", "tagline", /required but missing/, 1],
    ["an unknown setting", `${SETTINGS}langauge: es\n`, "langauge", /unknown setting `langauge`/, 3],
    ["a size that is not a whole number", `${SETTINGS}page-size: 12.5\n`, "page-size", /int/i, 3],
    ["a size given as text", `${SETTINGS}feed-size: fifty\n`, "feed-size", /number/i, 3],
    ["an interface language without a table", `${SETTINGS}interface: fr\n`, "interface", /"en"/, 3],
    ["an empty title", "title: ''\ntagline: Placeholder\n", "title", /.+/, 1],
    ["a list instead of settings", "- title\n", "", /set of `setting: value` lines/, 1],
    ["invalid YAML", `${SETTINGS}page-size: [20\n`, "", /not valid YAML/, 4],
    ["a duplicate setting", `${SETTINGS}title: Again\n`, "", /not valid YAML/, 3],
    // No custom tag runs: the value stays the text it is written as.
    ["a custom tag", `${SETTINGS}feed-size: !!js/function "x"\n`, "feed-size", /expected number/, 3],
  ])("names the line and field of %s", (_label, text, field, message, line) => {
    const { settings, problems } = parseSiteFile(text);
    expect(settings).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "content/site.yml", field, severity: "error", message: expect.stringMatching(message), line }),
    );
    for (const problem of problems) expect(problem.hint).toBeTruthy();
  });

  it("is checked by `npm run check`, with the articles", async () => {
    project = tempProject({ "content/site.yml": `${SETTINGS}pagesize: 20\n`, "content/articles/test-press/a.md": article("A") });
    const report = await runCheck({ root: project.root });
    expect(report.problems).toEqual([expect.objectContaining({ file: "content/site.yml", line: 3, field: "pagesize", severity: "error" })]);
  });

  it("is not followed when it is a link", async () => {
    project = tempProject({ "content/articles/test-press/a.md": article("A") });
    symlinkSync("/etc/hostname", path.join(project.root, "content/site.yml"));
    const report = await runCheck({ root: project.root });
    expect(report.problems).toEqual([
      expect.objectContaining({ file: "content/site.yml", message: expect.stringContaining("not a plain file") }),
    ]);
  });
});

describe("a build", () => {
  it("names the site as its settings file says, and fails closed on a broken one, naming the file, line and field, and the articles' mistakes too", async () => {
    project = tempProject({ "content/site.yml": SETTINGS, "content/articles/test-press/a.md": article("A", "date: 1995-03-02") });
    const articles = path.join(project.root, "content/articles");
    const built = buildSite(articles, { cacheDir: false });
    expect(built.status, built.stderr).toBe(0);
    const home = await readFile(path.join(built.output, "index.html"), "utf8");
    expect(home).toContain("<title>Test Archive: Placeholder papers, 1990–1999</title>");
    expect(await readFile(path.join(built.output, "feed.xml"), "utf8")).toContain("<title>Test Archive</title>");

    project.write("content/site.yml", `${SETTINGS}page-size: lots\n`);
    const broken = buildSite(articles, { cacheDir: false });
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/site\.yml 3:1 page-size: /);

    // The articles are still read: one run names every mistake.
    project.write("content/articles/test-press/b.md", article("B", "langauge: es"));
    const both = buildSite(articles, { cacheDir: false });
    expect(both.status).not.toBe(0);
    expect(both.stderr).toMatch(/2 problems/);
    expect(both.stderr).toMatch(/site\.yml 3:1 page-size: /);
    expect(both.stderr).toMatch(/b\.md 5:1 langauge: unknown field/);
  });
});
