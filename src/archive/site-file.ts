/**
 * `content/site.yml`: the site's name, the line under it, how many
 * articles a list page and a feed hold, and the language of its interface. It is content, changed by pull
 * request like the articles, so an archive of other papers needs no change
 * to the code; the address the site is served from is the deploy's, and
 * comes from `SITE_URL` (site-config.ts).
 *
 * Read like an article's front matter: strict UTF-8, YAML only (no custom
 * tags, bounded aliases, no duplicate keys), then one schema, with every
 * problem naming the file, the line and the field. A missing file is no
 * problem: the site then has the defaults of site-config.ts. The file sits
 * beside the articles folder, so an archive built from another folder
 * (`HEMEROTECA_ARTICLES`) brings its own.
 */
import path from "node:path";
import { z } from "zod";
import type { Problem } from "../records/problems.ts";
import { readYamlFile, type YamlFileWording } from "../records/yaml-file.ts";
import { toPosix } from "../lib/paths.ts";
import { readTextFileSync, refusedFileProblem } from "../records/text-file.ts";
import { INTERFACE_LANGUAGES } from "./interface-messages.ts";
import { defaultDateRange, type DateRange } from "../records/date-range.ts";

export const SITE_FILE = "content/site.yml";

/** The settings file beside an articles folder: `content/site.yml` for `content/articles`. */
export function siteFileFor(articlesDir: string | undefined): string {
  if (!articlesDir) return SITE_FILE;
  return toPosix(path.join(path.dirname(path.normalize(articlesDir)), "site.yml"));
}
/** Far more than any settings file needs. */
const MAX_SITE_FILE_BYTES = 64 * 1024;

const Count = z.number().int().min(1).max(1000);
const Year = z
  .number({ error: "must be a year, such as `1800`" })
  .int({ error: "must be a whole year, such as `1800`" })
  .min(-9999)
  .max(9999);

export const SiteFileSchema = z.strictObject({
  /** The site's name: the masthead, every page's title, the feeds, and the archive named in each citation. */
  title: z.string().trim().min(1).max(200),
  /** What the archive holds, in a line: under the masthead, in the footer and as the home page's description. */
  tagline: z.string().trim().min(1).max(300),
  /** Articles on each page of a list (a year, a tag, a publication...). */
  "page-size": Count.optional(),
  /** Articles in each feed, newest first. */
  "feed-size": Count.optional(),
  /** The language of the site's own words (labels, dates, messages, search), `en` by default; articles keep their own. */
  interface: z.enum(INTERFACE_LANGUAGES).optional(),
  /** The years the archive holds: a date outside them is a warning, and gets no year page. Each end has a default. */
  dates: z
    .strictObject({ from: Year.optional(), to: Year.optional() }, { error: "must be `{ from: <first year>, to: <last year> }`" })
    .refine(({ from, to }) => from === undefined || to === undefined || from <= to, {
      error: "the first year (`from`) must not be after the last (`to`)",
    })
    .optional(),
  /** The terms the archive's data may be reused on: shown on `/data/` and carried in `/data/manifest.json`. */
  "data-licence": z.string().trim().min(1).max(500).optional(),
  /**
   * Images an article takes from another host: `link` (the default) shows a link to each, so a
   * reader's browser contacts no other host; `show` shows them, fetched from that host.
   */
  "external-images": z.enum(["show", "link"]).optional(),
  /** Shards of the deploy workflow's sharded build (README, "Sharded builds"); 1 builds in one job. By default, by the archive's size. */
  "build-shards": z.number().int().min(1).max(256).optional(),
});

export type SiteFile = z.infer<typeof SiteFileSchema>;
export type ExternalImages = NonNullable<SiteFile["external-images"]>;

export interface ReadSiteFile {
  /** The settings, when the file is there and has no problem. */
  settings: SiteFile | undefined;
  problems: Problem[];
}

const HINT =
  "the file holds `title:` and `tagline:`, and may hold `page-size:`, `feed-size:`, `interface:` (`en` or `es`), `dates:`, `data-licence:`, `external-images:` (`link` or `show`) and `build-shards:`; see CONTRIBUTING.md";

const WORDING: YamlFileWording = {
  what: "the site settings",
  plural: true,
  syntaxHint: HINT,
  notAMap: "the site settings must be a set of `setting: value` lines",
  key: "setting",
  missingHint: (field) => `add a line \`${field}: ...\` to the file`,
  hints: { default: HINT },
};

/** The archive's years: the file's `dates:` over the defaults (1800 to next year). */
export function siteDateRange(settings: SiteFile | undefined, now?: Date): DateRange {
  return { ...defaultDateRange(now), ...settings?.dates };
}

/** Reads the text of `content/site.yml` (`file` names it in problems). */
export function parseSiteFile(text: string, file = SITE_FILE): ReadSiteFile {
  const { data, problems } = readYamlFile(text, file, SiteFileSchema, WORDING);
  return { settings: data, problems };
}

/** Reads the settings file `file` (relative to `root`, or absolute): no settings and no problem when there is none. */
export function readSiteFile(root: string, file = SITE_FILE): ReadSiteFile {
  const read = readTextFileSync(path.resolve(root, file), MAX_SITE_FILE_BYTES, {
    notAFile: `put the settings file itself at ${file}`,
    tooLarge: HINT,
    notUtf8: "save it with UTF-8 encoding",
  });
  if (read.missing) return { settings: undefined, problems: [] };
  if (read.problem) return { settings: undefined, problems: [refusedFileProblem(file, read.problem)] };
  return parseSiteFile(read.text, file);
}
