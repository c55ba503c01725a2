import type { Problem } from "../records/problems.ts";
import type { InterfaceLanguage } from "./interface-messages.ts";
import { readSiteFile, siteDateRange, siteFileFor, type ExternalImages } from "./site-file.ts";
import { defaultDateRange, type DateRange } from "../records/date-range.ts";

/**
 * Site-wide settings: the name, tagline and sizes from `content/site.yml`
 * (site-file.ts), the address from the environment, so a copy of the project
 * can hold other papers and deploy anywhere.
 */
export interface SiteConfig {
  title: string;
  tagline: string;
  /**
   * Absolute origin (and path prefix) the site is served from, without
   * trailing slash; empty without `SITE_URL`, when every address the site
   * writes is site-relative (`/2023/01/x/`) and none claims a host.
   */
  baseUrl: string;
  /**
   * The path the site is served below, with both slashes: `/` at the root of
   * a host, `/archive/` for `https://example.org/archive` (GitHub project
   * pages). Pages are written with site-relative addresses and given this
   * prefix last (src/render/path-prefix.ts).
   */
  pathPrefix: string;
  /** Language of the site's own interface (`interface:` in `content/site.yml`): its words are in interface-messages.ts. */
  language: InterfaceLanguage;
  pageSize: number;
  feedSize: number;
  /** The years the archive holds: other years get no year page, and a date outside them is a warning. */
  dates: DateRange;
  /** The terms the archive's data may be reused on (`data-licence`), when the settings give them. */
  dataLicence?: string;
  /** Images from other hosts in article bodies: shown as links (`link`) or fetched (`show`); src/render/external-images.ts. */
  externalImages: ExternalImages;
}

/** `SITE_URL` as an address without trailing slash, and the path it names; a clear error for anything else. */
export function siteUrlToBase(value: string): { baseUrl: string; pathPrefix: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Cannot read \`SITE_URL\`: \`${value}\` is not an absolute address (such as https://example.org/archive)`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new Error(
      `Cannot read \`SITE_URL\`: \`${value}\` must be an http or https address with no query, fragment or user (such as https://example.org/archive)`,
    );
  }
  const path = url.pathname.replace(/\/+$/, "");
  return { baseUrl: `${url.origin}${path}`, pathPrefix: `${path}/` };
}

/** The settings without `content/site.yml`: its defaults, and the address from `SITE_URL`. */
export function siteConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  return {
    title: "Hemeroteca",
    tagline: "An archive of the press",
    ...(env.SITE_URL ? siteUrlToBase(env.SITE_URL) : { baseUrl: "", pathPrefix: "/" }),
    language: "en",
    pageSize: 50,
    feedSize: 50,
    dates: defaultDateRange(),
    externalImages: "link",
  };
}

/**
 * The settings of an archive: the settings file beside its articles folder
 * (`content/site.yml`) over the defaults, and any problem with the file.
 */
export function loadSiteConfig(
  root: string,
  articlesDir?: string,
  env: NodeJS.ProcessEnv = process.env,
): { site: SiteConfig; problems: Problem[] } {
  const site = siteConfigFromEnv(env);
  const { settings, problems } = readSiteFile(root, siteFileFor(articlesDir));
  if (!settings) return { site, problems };
  return {
    site: {
      ...site,
      title: settings.title,
      tagline: settings.tagline,
      pageSize: settings["page-size"] ?? site.pageSize,
      feedSize: settings["feed-size"] ?? site.feedSize,
      language: settings.interface ?? site.language,
      dates: siteDateRange(settings),
      externalImages: settings["external-images"] ?? site.externalImages,
      ...(settings["data-licence"] ? { dataLicence: settings["data-licence"] } : {}),
    },
    problems,
  };
}
