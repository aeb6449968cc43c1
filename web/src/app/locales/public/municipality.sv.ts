/**
 * Swedish texts of the public results pages ("public" namespace), the part for a municipality's units.
 * Loaded only by the pages that show them; the English file must have exactly the same keys (the
 * compiler and a unit test check).
 */
const texts = {
  municipality: {
    title: 'Resultat i {{name}}',
    heading: 'Enheter i {{name}}',
    lead: 'Här ser du hälsocentraler och tandkliniker i kommunen, vem som driver dem och hur de når några av programmets viktigaste mål den senaste perioden.',
    loading: 'Hämtar enheterna…',
    notFoundTitle: 'Kommunen hittades inte',
    notFoundBody: 'Vi hittar ingen kommun med den koden. Välj en kommun på startsidan.',
    filterHeading: 'Visa driftform',
    count_one: 'Visar {{count}} enhet',
    count_other: 'Visar {{count}} enheter',
    empty: 'Det finns inga enheter med publicerade resultat som matchar filtret.',
    keyIndicators: 'Viktiga indikatorer',
    noResults: 'Inga publicerade resultat ännu.',
    unitLink: 'Alla resultat för {{name}}',
    otherMunicipalities: 'Andra kommuner',
  },
};

export type PublicMunicipalityTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
