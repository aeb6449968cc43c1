import type { PublicMunicipalityTexts } from './municipality.sv';

/** English texts of the public results pages, the part for a municipality's units: the same keys as municipality.sv.ts. */
const texts: PublicMunicipalityTexts = {
  municipality: {
    title: 'Results in {{name}}',
    heading: 'Units in {{name}}',
    lead: 'Health centres and dental clinics in the municipality, who runs them, and how they meet some of the programme’s most important targets in the latest period.',
    loading: 'Loading the units…',
    notFoundTitle: 'Municipality not found',
    notFoundBody: 'There is no municipality with that code. Choose a municipality on the home page.',
    filterHeading: 'Show ownership',
    count_one: 'Showing {{count}} unit',
    count_other: 'Showing {{count}} units',
    empty: 'No units with published results match the filter.',
    keyIndicators: 'Key indicators',
    noResults: 'No published results yet.',
    unitLink: 'All results for {{name}}',
    otherMunicipalities: 'Other municipalities',
  },
};

export default texts;
