/**
 * The code that makes the site's files: all of src/ (pages use helpers from
 * everywhere in it), the templates, the Eleventy config that puts their output
 * into the site, and package-lock.json for the locked libraries. A file kept by
 * a key of what it is made of (a feed, an article's page) has this code's
 * fingerprint in its key, so any change to the code is a miss.
 */
import { codeScope } from "../../lib/cache-registry.ts";

/** The scope the registry gives the caches keyed by the whole site's code (feeds, article page keys). */
export const SITE_CODE = codeScope("articlePageKeys");
