export { newCli, NEW_USAGE, type NewIo } from "./cli.ts";
export { planArticle, uniqueId, archiveIds, BODY_PLACEHOLDER, type Plan } from "./plan-article.ts";
export { askForFields, PromptCancelled } from "./ask-fields.ts";
export { FIELDS, validateField, splitList, type FieldName, type FieldValues } from "./article-fields.ts";
export { writeNewArticle, ArticleExistsError } from "./write-article.ts";
