/**
 * Swedish texts of the public results pages ("public" namespace), the part for what every public results page shows: the breadcrumb, values, levels against the target and periods.
 * Loaded only by the pages that show them; the English file must have exactly the same keys (the
 * compiler and a unit test check).
 */
const texts = {
  common: {
    breadcrumb: 'Du är här',
    start: 'Start',
    loading: 'Hämtar…',
    none: '–',
    period: 'Period',
    indicator: 'Indikator',
    value: 'Värde',
    target: 'Målvärde',
    level: 'Jämfört med målet',
    unit: 'Enhet',
    provider: 'Utförare',
    ownership: 'Driftform',
    kind: 'Typ',
    municipality: 'Kommun',
    allMunicipalities: 'Alla kommuner',
    allOwnerships: 'Alla driftformer',
    yes: 'Ja',
    no: 'Nej',
    noTarget: 'Inget målvärde',
    publishedAt: 'Publicerad {{date}}',
    demoNotice: 'Uppgifterna i den här demon är påhittade exempel.',
    directionHigher: 'Ett högre värde är bättre.',
    directionLower: 'Ett lägre värde är bättre.',
  },
  level: {
    GREEN: 'Uppfyller målet',
    AMBER: 'Nära målet',
    RED: 'Når inte målet',
    NONE: 'Inget mål att jämföra med',
    legendHeading: 'Så läser du färgerna',
    legend: 'Varje värde jämförs med årets målvärde. Färgen upprepar bara texten bredvid:',
  },
  suppressed: {
    label: 'Färre än 5 – visas inte',
    SMALL_COUNT: 'Värdet bygger på färre än 5 personer eller händelser. Det visas inte, så att ingen enskild person kan pekas ut.',
    other: 'Värdet visas inte för att skydda enskilda personer.',
  },
  period: {
    H: '{{year}}, halvår {{n}}',
    T: '{{year}}, tertial {{n}}',
    Q: '{{year}}, kvartal {{n}}',
  },
};

export type PublicSharedTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
