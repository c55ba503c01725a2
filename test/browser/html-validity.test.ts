/** Every built HTML page is valid HTML by html-validate's recommended rules. */
import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReaderSite, listHtmlFiles, type ReaderSite } from "./reader-site.ts";

/** The recommended preset, relaxed only where a rule is about source style rather than validity. */
const HTML_VALIDATE_CONFIG: ConfigData = {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    // A page's `<title>` is the headline as published plus the site's name; cutting it
    // to 70 characters (a search-engine display hint, not validity) would misquote it.
    "long-title": "off",
  },
};

let site: ReaderSite;
let files: string[];

beforeAll(async () => {
  site = await buildReaderSite();
  files = await listHtmlFiles(site.output);
});

afterAll(async () => {
  await site?.close();
});

describe("html-validate", () => {
  it("finds no error on any built page", async () => {
    expect(files.length).toBeGreaterThan(100);
    const validator = new HtmlValidate(new FileSystemConfigLoader(HTML_VALIDATE_CONFIG));
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(path.join(site.output, file));
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`/${file} ${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
    }
    expect(problems, problems.slice(0, 40).join("\n")).toEqual([]);
  });
});
