/**
 * Swedish texts of the public results pages ("public" namespace), the part for a unit's published results.
 * Loaded only by the pages that show them; the English file must have exactly the same keys (the
 * compiler and a unit test check).
 */
const texts = {
  unit: {
    title: 'Resultat för {{name}}',
    loading: 'Hämtar resultaten…',
    notFoundTitle: 'Enheten hittades inte',
    notFoundBody: 'Vi hittar ingen enhet med publicerade resultat på den adressen. Den kan ha tagits bort eller så är länken felskriven.',
    facts: 'Om enheten',
    jointHeading: 'Resultaten redovisas gemensamt',
    jointBody: 'Utföraren lämnar en gemensam rapport för flera enheter. Resultaten nedan gäller alla dessa enheter tillsammans:',
    resultsHeading: 'Resultat per period',
    resultsLead: 'Publicerade värden efter regionens granskning. Ett rättat värde visas med det nya värdet; rättelsen finns i rättelseloggen längre ned.',
    noResults: 'Det finns inga publicerade resultat för enheten ännu.',
    resultsCaption: 'Resultat för {{period}}',
    answer: 'Svar',
    trendHeading: 'Utveckling över tid',
    trendCaption: '{{indicator}} per period',
    trendChartLabel: '{{indicator}}: diagram över värdet per period. Samma uppgifter finns i tabellen.',
    trendTableLabel: 'Tabell: {{indicator}} per period',
    trendTooFew: 'Det finns bara en period, så det finns ingen utveckling att visa ännu.',
    assessmentsHeading: 'Regionens bedömning per mål',
    assessmentsCaption: 'Bedömning per mål, {{period}}',
    assessmentsLead: 'Regionen bedömer efter granskningen hur väl enheten uppfyller varje mål i programmet.',
    noAssessments: 'Regionen har inte publicerat någon bedömning ännu.',
    goal: 'Mål',
    rating: 'Bedömning',
    motivation: 'Motivering',
    responseHeading: 'Utförarens kommentar',
    responseLead: 'Utföraren kan lämna en kort kommentar till sina resultat. Regionen har godkänt att den publiceras, men den är utförarens egen text.',
    noResponse: 'Utföraren har inte lämnat någon kommentar.',
    correctionsHeading: 'Rättelser',
    correctionsLead: 'När regionen rättar ett publicerat värde sparas det gamla värdet. Här ser du alla rättelser.',
    noCorrections: 'Inga värden har rättats.',
    correctionsCaption: 'Rättelselogg',
    oldValue: 'Tidigare värde',
    newValue: 'Nytt värde',
    date: 'Datum',
    reason: 'Skäl',
    definitionsHeading: 'Vad indikatorerna mäter',
    definitionsLead: 'Så här räknas värdena ut. Målvärdena beslutas av regionen för varje år.',
    compareLink: 'Jämför med andra enheter',
    textPublic: 'Svar i text',
  },
  rating: {
    MET: 'Uppfyllt',
    PARTLY_MET: 'Delvis uppfyllt',
    NOT_MET: 'Inte uppfyllt',
    NOT_ASSESSED: 'Inte bedömt',
  },
  chart: {
    target: 'Mål',
    noValue: 'visas inte',
  },
};

export type PublicUnitTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
