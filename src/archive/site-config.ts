/** Site-wide settings; the address comes from the environment so forks can deploy anywhere. */
export interface SiteConfig {
  title: string;
  tagline: string;
  /** Absolute origin (and path prefix) the site is served from, without trailing slash. */
  baseUrl: string;
  /**
   * The path the site is served below, with both slashes: `/` at the root of
   * a host, `/archive/` for `https://example.org/archive` (GitHub project
   * pages). Pages are written with site-relative addresses and given this
   * prefix last (src/site/path-prefix.ts).
   */
  pathPrefix: string;
  /** Language of the site's own interface. */
  language: string;
  pageSize: number;
  feedSize: number;
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
    throw new Error(`Cannot read \`SITE_URL\`: \`${value}\` must be an http or https address with no query, fragment or user (such as https://example.org/archive)`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  return { baseUrl: `${url.origin}${path}`, pathPrefix: `${path}/` };
}

export function siteConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  return {
    title: "Hemeroteca",
    tagline: "The left and labour press on Peru's political crisis, 2020–2023",
    ...siteUrlToBase(env.SITE_URL || "http://localhost:8080"),
    language: "en",
    pageSize: 50,
    feedSize: 50,
  };
}
