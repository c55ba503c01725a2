/**
 * `npm run search` labels dates in the interface language of the site that
 * wrote the database (`interface:` in its content/site.yml), as the site's
 * own pages do: the research fixture built with `interface: es`.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateLabel, messagesFor } from "../../src/archive/interface-messages.ts";
import { parseEdtfDate } from "../../src/records/edtf-date.ts";
import { buildSite, projectRoot } from "../support/build-site.ts";
import { FIXTURE, RESEARCH_ARTICLES, runSearch } from "./research-site.ts";

let content = "";
let output = "";

beforeAll(async () => {
  content = await mkdtemp(path.join(tmpdir(), "hemeroteca-search-es-"));
  await cp(path.join(projectRoot, RESEARCH_ARTICLES), path.join(content, "articles"), { recursive: true });
  await writeFile(path.join(content, "site.yml"), "title: Hemeroteca\ntagline: Archivo de prensa\ninterface: es\n");
  const build = buildSite(path.join(content, "articles"));
  output = build.output;
  if (build.status !== 0) throw new Error(`Cannot \`build\` the research fixture in Spanish (exit ${build.status}):\n${build.stderr}`);
});

afterAll(async () => {
  await rm(content, { recursive: true, force: true });
  if (output) await rm(output, { recursive: true, force: true });
});

function search(args: string[]): string {
  const { code, stdout, stderr } = runSearch([...args, "--db", path.join(output, "data", "archive.sqlite")]);
  expect(code, stderr).toBe(0);
  return stdout;
}

describe("the search command of a Spanish-interface archive", () => {
  it("labels each match's date in Spanish, with its precision", () => {
    const es = messagesFor("es");
    const text = search(["peru", "--limit", "50"]);
    let labelled = 0;
    for (const { date, url } of Object.values(FIXTURE)) {
      if (!text.includes(url)) continue;
      const parsed = date === null ? null : parseEdtfDate(date);
      if (parsed && !parsed.ok) throw new Error(parsed.error);
      const label = dateLabel(es, parsed ? parsed.value : null);
      // The line under a match's title: its date, then its publication.
      expect(text, url).toMatch(
        new RegExp(`\\n +${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} · [^\\n]* · ${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n`),
      );
      labelled += 1;
    }
    expect(labelled).toBeGreaterThan(5);
    expect(search(["aeropuerto"])).toContain(
      "10 de enero de 2023 · International Workers Organizer · Redacción · es · /2023/01/10/masacre-en-juliaca/",
    );
    expect(search(["maestros"])).toContain(`${es.undated} · `);
  });
});
