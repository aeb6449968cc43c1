/**
 * Swedish texts of the public results pages ("public" namespace), the part for the start page's way into the results (the municipality chooser).
 * Loaded only by the pages that show them; the English file must have exactly the same keys (the
 * compiler and a unit test check).
 */
const texts = {
  chooser: {
    heading: 'Se resultat i din kommun',
    lead: 'Välj en kommun för att se enheterna där, vem som driver dem och hur de når målen.',
    label: 'Kommuner i Jämtlands län',
    units_one: '{{count}} enhet',
    units_other: '{{count}} enheter',
    unitsLoading: 'Hämtar antal enheter…',
    compareLink: 'Jämför alla enheter',
    openDataLink: 'Ladda ner öppna data',
    insightLink: 'Begär insyn hos en utförare',
  },
};

export type PublicChooserTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
