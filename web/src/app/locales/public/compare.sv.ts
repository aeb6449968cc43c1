/**
 * Swedish texts of the public results pages ("public" namespace), the part for the comparison of units.
 * Loaded only by the pages that show them; the English file must have exactly the same keys (the
 * compiler and a unit test check).
 */
const texts = {
  compare: {
    title: 'Jämför enheter',
    heading: 'Jämför enheter',
    lead: 'Välj en indikator och en period för att se alla enheter sida vid sida, och hur egen regi och privata utförare ligger till i genomsnitt.',
    pickersHeading: 'Välj vad du vill jämföra',
    indicatorLabel: 'Indikator',
    periodLabel: 'Period',
    municipalityLabel: 'Kommun',
    chooseIndicator: 'Välj indikator',
    choosePeriod: 'Välj period',
    show: 'Visa',
    loading: 'Hämtar jämförelsen…',
    pickFirst: 'Välj en indikator och en period.',
    noPublished: 'Det finns inga publicerade resultat att jämföra ännu.',
    empty: 'Det finns inga publicerade värden för det här valet.',
    unitsHeading: 'Alla enheter',
    unitsChartLabel: '{{indicator}} {{period}} per enhet, med målvärdet som lodrät linje. Samma uppgifter finns i tabellen.',
    unitsCaption: '{{indicator}}, {{period}}, per enhet',
    aggregatesHeading: 'Per driftform',
    aggregatesLead: 'Antal enheter med ett visat värde, medelvärde och median per driftform. Värden som inte visas (färre än 5) räknas inte med.',
    aggregatesChartLabel: 'Medelvärde och median per driftform. Samma uppgifter finns i tabellen.',
    aggregatesCaption: '{{indicator}}, {{period}}, per driftform',
    count: 'Antal enheter',
    mean: 'Medelvärde',
    median: 'Median',
    targetLine: 'Målvärde {{value}}',
    result: 'Jämförelse: {{indicator}}, {{period}}',
    resultIn: 'Jämförelse: {{indicator}}, {{period}}, {{municipality}}',
    direction: 'Riktning',
  },
};

export type PublicCompareTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
