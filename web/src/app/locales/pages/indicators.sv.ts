/**
 * Swedish texts of the indicators page: part of the app's main texts (the default namespace), bundled with
 * the page's own code instead of the code every page loads. The English file must have exactly the
 * same keys (the compiler and a unit test check).
 */
const texts = {
  indicators: {
    title: 'Indikatorer',
    heading: 'Indikatorer och målvärden',
    lead: 'Indikatorerna mäter hur väl utförarna når programmets mål. Varje indikator har ett målvärde per år och en gräns för gul nivå.',
    loading: 'Hämtar indikatorer…',
    none: 'Det finns inga indikatorer ännu.',
    code: 'Kod',
    unit: 'Enhet',
    direction: 'Riktning',
    definition: 'Definition',
    goal: 'Mål',
    source: 'Källa',
    noGoal: 'Inte kopplad till ett mål',
    targetsCaption: 'Målvärden per år för {{name}}',
    year: 'År',
    target: 'Målvärde',
    amberThreshold: 'Gräns för gul nivå',
    currentYear: '(i år)',
    noTargets: 'Inga målvärden är satta.',
    legendHigher:
      'Grön: minst målvärdet. Gul: från gränsen för gul nivå upp till målvärdet. Röd: under gränsen för gul nivå.',
    legendLower:
      'Grön: högst målvärdet. Gul: över målvärdet men högst gränsen för gul nivå. Röd: över gränsen för gul nivå.',
    areaCount_one: '{{count}} indikator',
    areaCount_other: '{{count}} indikatorer',
  },
};

export type PageIndicatorsTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
