/** The importer: raw converted pages -> article files (see `import-pages.ts` for the pipeline). */
export { importFiles, type ImportOptions, type ImportResult, type ImportedRecord } from "./import-pages.ts";
export { ImportError } from "../records/import-error.ts";
export { UNRECOGNISED, type SourceReport, type RecordAccount } from "./accounting.ts";
export { reportToText, filesToText } from "./report.ts";
export { detectLayout } from "./detect-layout.ts";
export { splitListing } from "./split-listing.ts";
export { splitPrintIssue } from "./split-print-issue.ts";
export { splitArticle } from "./split-article.ts";
export { detectLanguage } from "./detect-language.ts";
export { parseVocabulary, assignTags, TAGS_FILE } from "./assign-tags.ts";
export { manifestPathFor } from "../records/import-manifest.ts";
export type { Draft, DroppedLine, Line, SourceKind, SplitResult } from "./types.ts";
