/**
 * Worker-thread entry of the search index (search-index-threads.ts): indexes
 * or puts back the bundles it claims from the queue it shares with the other
 * worker. Pagefind is fed from this thread's own event loop, so the feeding
 * does not wait on Eleventy's rendering in the main thread.
 */
import type { SearchIndexJob } from "./search-index-threads.ts";
import { indexClaimedBundles } from "./search-index-cache.ts";
import { answerWorkerJob } from "../build/workers/worker-job.ts";
import { bodiesAt } from "../records/article-bodies.ts";

answerWorkerJob("search-index-worker.ts", (job: SearchIndexJob) =>
  indexClaimedBundles(
    { site: job.site, articles: job.articles, bodyOf: bodiesAt(job.articles, job.bodies).bodyOf },
    job.outputPath,
    job.options,
    job.queue,
    job.first,
  ),
);
