// Entry of the project's worker threads (the parse pool, the search indexer): registers
// tsx's loader in this thread, then runs the TypeScript module named by
// `workerData.entry`. (In Node 20 a worker's `--import tsx` does not apply to the
// worker's own entry module, so the loader is registered here instead.)
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
