/** The importer's score on the corpus of real pages (see `score-corpus.ts`). */
export { scoreCorpus, scorePages, readCorpusFolds, type CorpusScore, type CorpusFolds, type ScoreOptions } from "./score-corpus.ts";
export { checkFreshFold, foldOf, parseFreshPages, readFreshPages, type Fold } from "./folds.ts";
export { scoreToText, totalsToText } from "./format-score.ts";
export { TruthFileError, parseTruth, TruthSchema, type Truth, type TruthItem } from "./truth-file.ts";
export { locateTruth, plainHeadline, type LocatedItem, type LocatedPage } from "./locate-truth.ts";
export { readCorpus, readCorpusPage, readDevDomains, parseDevDomains } from "./read-corpus.ts";
export {
  COUNT_KEYS,
  addCounts,
  zeroCounts,
  scorePage,
  segmentItems,
  countBoilerplateInRecords,
  countFields,
  countUnaccounted,
  type Counts,
  type PageScore,
  type Segmentation,
} from "./count-page.ts";
export { runImporter, type ImporterOutcome, type ScoredRecord } from "./run-importer.ts";
export { RATES, scoreRates, floorFrom, belowFloor, FloorSchema, type Floor, type RateName } from "./score-rates.ts";
export { truthLabels } from "./truth-labels.ts";
export { crossValidateLineModel } from "./cross-validate-line-model.ts";
