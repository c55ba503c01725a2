/** Function words of the two languages of the default collection (folded: no accents, lower case). */
export const EN_STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but of to in on at by for from with without into onto over under about after before " +
    "is are was were be been being has have had do does did will would can could should may might must " +
    "this that these those it its they them their there here he she his her we our you your i me my " +
    "as than then so not no nor if when while where which who whom whose what why how all any some " +
    "more most such only also very just up down out off again against between through during since until " +
    "amid among per via"
  ).split(" "),
);

export const ES_STOPWORDS: ReadonlySet<string> = new Set(
  (
    "el la los las lo un una unos unas y e o u ni pero sino de del al a en con sin por para sobre entre " +
    "hacia hasta desde durante contra segun tras ante bajo que quien quienes cual cuales cuyo como cuando " +
    "donde porque pues si no ya mas muy tambien solo su sus se le les me te nos os mi tu nuestro nuestra " +
    "es son fue fueron era eran ser sido esta estan estaba estaban ha han habia hay este esta estos estas " +
    "ese esa esos esas aquel aquella ello ella ellos ellas usted ustedes cada todo toda todos todas otro " +
    "otra otros otras mismo misma tras"
  ).split(" "),
);

/**
 * Portuguese function words, for telling a Portuguese item from a Spanish one
 * (not in ALL_STOPWORDS: the line model's features are fitted on that list).
 */
export const PT_STOPWORDS: ReadonlySet<string> = new Set(
  (
    "o a os as um uma uns umas e ou nem mas de do da dos das ao aos no na nos nas em num numa pelo pela " +
    "pelos pelas por para com sem sobre entre ate desde durante contra apos que quem qual quais cujo como " +
    "quando onde porque se nao ja mais muito tambem so seu sua seus suas ele ela eles elas lhe lhes voce " +
    "e sao foi foram era eram ser sido esta estao estava estavam tem tinha ha havia este esta estes estas " +
    "esse essa esses essas isso isto aquele aquela cada todo toda todos todas outro outra outros outras mesmo"
  ).split(" "),
);

export const ALL_STOPWORDS: ReadonlySet<string> = new Set([...EN_STOPWORDS, ...ES_STOPWORDS]);
