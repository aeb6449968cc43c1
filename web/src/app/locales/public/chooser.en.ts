import type { PublicChooserTexts } from './chooser.sv';

/** English texts of the public results pages, the part for the start page's way into the results (the municipality chooser): the same keys as chooser.sv.ts. */
const texts: PublicChooserTexts = {
  chooser: {
    heading: 'See results in your municipality',
    lead: 'Choose a municipality to see its units, who runs them and how they meet the targets.',
    label: 'Municipalities in Jämtland County',
    units_one: '{{count}} unit',
    units_other: '{{count}} units',
    unitsLoading: 'Counting units…',
    compareLink: 'Compare all units',
    openDataLink: 'Download open data',
    insightLink: 'Request insight into a provider',
  },
};

export default texts;
