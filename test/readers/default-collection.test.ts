/**
 * The default collection (content/articles), as readers get it. The reader
 * fixture covers every kind of page with placeholder text; this covers the
 * text the importer took from the sources, with its quotes, lists, links and
 * headings. Only what every valid collection's site must be is asserted
 * (collection-site-checks.ts), so editors' changes that pass `npm run check`
 * never fail it; test/editors/edited-collection.test.ts proves that on a copy
 * changed the ways editors change it.
 */
import { describeCollectionSite } from "./support/collection-site-checks.ts";

describeCollectionSite("the default collection's site", async () => "content/articles");
