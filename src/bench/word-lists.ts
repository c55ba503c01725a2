/**
 * Fixed vocabularies for the synthetic benchmark corpus. Plain dictionary
 * words, never news text: the corpus only needs the shape and the size of
 * real articles (word lengths, two languages with accents, many distinct terms).
 */
export const ENGLISH_WORDS = `about above across action after again against almost along already also always among
ancient animal answer apple area around arrive autumn basket beach become before began behind believe below
beside between beyond bicycle bird black blanket blue board boat body bottle branch bread bridge bright bring
brother brown build butter button cabin camera candle carpet carry castle center chair change cheese circle
city clean clock close cloud coast coffee cold color common corner cotton country course cover cream crowd
garden gather gentle glass golden grain grass green ground group grow half hammer harbor harvest heavy height
hidden hill history hollow honey horse house hundred island journey kettle kitchen ladder lake lamp language
large later leaf letter light line listen little long machine market meadow metal middle mirror moment morning
mountain music narrow nature near needle night north number ocean office orange order paper pattern pencil
people pepper picture piece place plain planet plant pocket point quiet rabbit rain reason record river road
rock round salt sand school season second seven shadow shape sharp shelf shore silver simple single sister
small smooth snow soft sound south space spring square stair station stone story street strong summer table
thread through timber today together tower travel tree valley village voice wagon water weather west wheel
window winter wooden world yellow young measure method notice object observe ordinary organize partner
pattern perhaps period popular possible prepare present pretty produce promise proper provide public purpose
question quickly rather ready receive region remain remember repeat report require result return rhythm`
  .split(/\s+/)
  .filter(Boolean);

export const SPANISH_WORDS = `abierto abrazo acción acuerdo además agua aire alegría algodón almendra alto amarillo
amigo ancho antiguo año árbol arena arriba azul bahía bajo balcón barco barrio bosque botella brazo brillante
buscar caballo cabeza cadena calle calor cámara camino campana campo canción cantar capítulo cariño carta casa
castillo cebolla cerca cielo cinco ciudad claro cocina color comenzar común corazón correr cosecha costa crecer
cuaderno cuarto cuento cuerda dentro derecho desierto despacio día dibujo diez dinero dorado dulce edificio
encontrar enero escalera escuela espacio espejo estación estrella fácil familia fiesta flor fondo fuego fuente
fuerte ganado granja grande guitarra hablar hacia harina hermano hierba hilo historia hoja hombre hora huerto
idioma igual imagen invierno isla jardín joven juego junto lago lámpara largo lección leche lejos lengua libro
limpio línea llave lluvia luna luz madera maíz mañana mano mapa mar mesa miel minuto mirar momento montaña mundo
música nada naranja niebla noche norte nube nuevo número océano oficina orilla otoño padre país paisaje pájaro
palabra pan papel parque paso pequeño piedra pintura plaza pluma pueblo puente puerta querer rama rápido recuerdo
red reloj río roca rojo ropa sal salud seco semana semilla sendero silencio sol sombra sueño tarde techo tela
tiempo tierra tranquilo trigo valle vaso vecino ventana verano verde viaje viento vino voz zapato además camino
ciencia cuidado diseño escritura esfuerzo estudio frontera función lectura medida método mirada modelo nivel
orden paciencia página período pregunta proceso razón registro región respuesta ritmo sentido señal sistema`
  .split(/\s+/)
  .filter(Boolean);

/** Sixty tags, distinct in their slugs (so no "differs only in case or accents" warnings). */
export const TAGS = `agriculture archives astronomy bridges canals carpentry ceramics climate coastlines
cooperatives dairy dance education energy farming festivals fisheries forests gardens geology glassmaking
harbours health highlands housing irrigation journeys kitchens languages libraries lighthouses literature maps
markets metalwork mining mountains museums music navigation orchards painting paper pottery printing railways
rivers roads schools science seasons shipping storytelling textiles theatre timber tools trade villages
weather weaving wells`
  .split(/\s+/)
  .filter(Boolean);

export const FIRST_NAMES = [
  "Alba",
  "Bruno",
  "Carmen",
  "Dario",
  "Elena",
  "Fabian",
  "Gloria",
  "Hugo",
  "Irene",
  "Jonas",
  "Karla",
  "Lucas",
  "Marta",
  "Nicolas",
  "Olga",
  "Pablo",
  "Rosa",
  "Samuel",
  "Teresa",
  "Ulises",
  "Vera",
  "Walter",
  "Ximena",
  "Yago",
];
export const LAST_NAMES = [
  "Arce",
  "Benitez",
  "Campos",
  "Duarte",
  "Espinoza",
  "Fuentes",
  "Galvez",
  "Herrera",
  "Iriarte",
  "Jara",
  "Lozano",
  "Medina",
  "Navarro",
  "Ortega",
  "Paredes",
  "Quiroga",
  "Rivas",
  "Salazar",
  "Toledo",
  "Urrutia",
  "Valdez",
  "Zamora",
];
export const PLACES = [
  "Port Ellis",
  "Villa Serena",
  "North Haven",
  "San Ramón",
  "Lakeside",
  "Puerto Claro",
  "Millbrook",
  "Altamira",
  "Riverton",
  "Santa Lucía",
  "Cedar Falls",
  "Monteverde",
];

/** The most frequent words of running text come first, as in any real article. */
const ENGLISH_FUNCTION_WORDS = `the of and to in a is that for on with as was by at from it his her their this which
they be are were not have has had but or an will one all would there been more who when can than its into two some
other new first our about after also over only many most such these those so then them where while under`
  .split(/\s+/)
  .filter(Boolean);
const SPANISH_FUNCTION_WORDS = `de la que el en y a los se del las un por con no una su para es al lo como más pero sus
le ya o este fue entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni
contra otros ese eso ante ellos esto antes algunos unos otro otras otra él tanto esa estos mucho cual poco ella`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = {
  en: [
    "ba",
    "ber",
    "bro",
    "ca",
    "cal",
    "der",
    "dle",
    "fa",
    "fen",
    "gar",
    "ham",
    "ing",
    "ker",
    "la",
    "ley",
    "lin",
    "low",
    "ma",
    "mer",
    "mon",
    "nor",
    "ock",
    "pa",
    "per",
    "ri",
    "ron",
    "sa",
    "ster",
    "ston",
    "ta",
    "ter",
    "thor",
    "ton",
    "val",
    "ver",
    "wel",
    "win",
    "worth",
    "ya",
    "zel",
  ],
  es: [
    "ba",
    "bra",
    "ca",
    "ción",
    "cu",
    "da",
    "de",
    "do",
    "es",
    "fa",
    "ga",
    "gua",
    "ja",
    "la",
    "lle",
    "lo",
    "ma",
    "me",
    "mo",
    "na",
    "ni",
    "ño",
    "pa",
    "pe",
    "que",
    "ra",
    "re",
    "rí",
    "ro",
    "sa",
    "se",
    "ta",
    "te",
    "to",
    "tu",
    "va",
    "ve",
    "za",
    "zo",
    "ía",
  ],
} as const;

/** How many distinct words each language draws from: enough for a realistic search vocabulary. */
export const LEXICON_SIZE = 30_000;

interface Lexicon {
  words: string[];
  /** Cumulative Zipf weights, for drawing common words often and rare ones seldom. */
  cumulative: Float64Array;
}

const lexicons = new Map<string, Lexicon>();

/**
 * The dictionary words first (the most frequent), then invented words made of
 * syllables, each with weight 1/rank (Zipf's law, as in real text), so a
 * large corpus has a long tail of rare terms like a real archive.
 */
export function lexiconOf(language: "en" | "es"): Lexicon {
  const cached = lexicons.get(language);
  if (cached) return cached;
  const base = language === "es" ? [...SPANISH_FUNCTION_WORDS, ...SPANISH_WORDS] : [...ENGLISH_FUNCTION_WORDS, ...ENGLISH_WORDS];
  const syllables = SYLLABLES[language];
  const words = [...new Set(base)];
  const seen = new Set(words);
  // A fixed linear congruential walk: the lexicon is the same everywhere, independent of any seed.
  let state = language === "es" ? 7 : 3;
  const step = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16;
  while (words.length < LEXICON_SIZE) {
    const length = 2 + (step() % 3);
    let word = "";
    for (let i = 0; i < length; i++) word += syllables[step() % syllables.length];
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank++) cumulative[rank] = total += 1 / (rank + 1);
  const lexicon = { words, cumulative };
  lexicons.set(language, lexicon);
  return lexicon;
}

/** A word drawn by Zipf's law from `u` in [0, 1). */
export function zipfWord(lexicon: Lexicon, u: number): string {
  const target = u * lexicon.cumulative[lexicon.cumulative.length - 1]!;
  let low = 0;
  let high = lexicon.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lexicon.cumulative[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return lexicon.words[low]!;
}
