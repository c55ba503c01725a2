/** Worker-thread entry of `writeExportsInWorker` (exports-cache.ts): writes or restores the data exports of the records it is sent. */
import { writeExportsCached, type ExportsJob } from "./exports-cache.ts";
import { answerWorkerJob } from "./worker-job.ts";

answerWorkerJob("exports-worker.ts", (job: ExportsJob) => writeExportsCached({ site: job.site, articles: job.articles }, job.output, job.cacheDir));
