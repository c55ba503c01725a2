/** Site-wide settings; the address comes from the environment so forks can deploy anywhere. */
export interface SiteConfig {
  title: string;
  tagline: string;
  /** Absolute origin (and path prefix) the site is served from, without trailing slash. */
  baseUrl: string;
  /** Language of the site's own interface. */
  language: string;
  pageSize: number;
  feedSize: number;
}

export function siteConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const baseUrl = (env.SITE_URL ?? "http://localhost:8080").replace(/\/+$/, "");
  return {
    title: "Hemeroteca",
    tagline: "The left and labour press on Peru's political crisis, 2020–2023",
    baseUrl,
    language: "en",
    pageSize: 50,
    feedSize: 50,
  };
}
