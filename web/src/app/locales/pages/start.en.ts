import type { PageStartTexts } from './start.sv';

/** English texts of the start page: the same keys as start.sv.ts, fetched when English is chosen. */
const texts: PageStartTexts = {
  start: {
    title: 'Insyn – Region Jämtland Härjedalen',
    heading: 'Insight into the care the region is responsible for',
    lead: 'Here everyone can see how the region’s providers of health care and dental care are followed up. The same goals, the same guidelines and the same follow-up apply to the region’s own units and to private providers.',
    equalTerms: 'In-house and private providers on equal terms',
    equalTermsBody:
      'Since 1 July 2024 the council’s programme covers all providers, including the region’s in-house units. Results are shown side by side, so that you can compare.',
    programLabel: 'Programme in force',
    programLoading: 'Loading the programme in force…',
    programMissing: 'No programme has been adopted yet.',
    programLink: 'Read the programme',
    cardsHeading: 'What you find in Insyn',
    cardProgram: 'The council’s goals and guidelines for all providers, and the decisions that govern follow-up.',
    cardIndicators: 'What is measured, how it is measured and which targets apply each year.',
    cardProviders: 'All providers – in-house, private, municipal companies and non-profits – with their units and agreements.',
    cardAccessibility: 'How accessible Insyn is and how to report problems.',
  },
};

export default texts;
