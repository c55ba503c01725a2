/** Worker-thread entry of the parse pool (parse-pool.ts): answers its requests with `parseArticle`. */
import { parseArticle } from "./parse-article.ts";
import { answerParseRequests } from "./parse-requests.ts";

answerParseRequests(parseArticle);
