/** Worker-thread entry of `writeExportsInWorker` (exports-cache.ts): writes or restores the data exports of the records it is sent. */
import { runExportsJob, type ExportsJob } from "../cache/exports-cache.ts";
import { answerWorkerJob } from "./worker-job.ts";

answerWorkerJob("exports-worker.ts", (job: ExportsJob) => runExportsJob(job));
