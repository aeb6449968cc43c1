import type { PageProgramTexts } from './program.sv';

/** English texts of the program page (and the program on the start page): the same keys as program.sv.ts, fetched when English is chosen. */
const texts: PageProgramTexts = {
  program: {
    title: 'Programme',
    heading: 'Programme for providers',
    lead: 'Every term the council adopts a programme with goals and guidelines for everyone who carries out the region’s services, how they are followed up and how the public’s insight is secured (Local Government Act, chapter 5, section 3).',
    loading: 'Loading the programme…',
    none: 'There is no programme to show yet.',
    term: 'Term of office',
    status: 'Status',
    version: 'Version',
    goalsHeading: 'Goals',
    goalsLead: 'The goals apply to all providers, in-house and private.',
    goalCategory: 'Area',
    goalGuidelines: 'Guidelines for the goal',
    goalIndicators: 'Measured by',
    guidelinesHeading: 'Guidelines',
    guidelinesLead: 'The guidelines state what providers shall or should do.',
    guidelineGoal: 'Goal',
    guidelineNoGoal: 'Not linked to a single goal',
    obligation: 'Requirement',
    documentsHeading: 'Decisions that govern Insyn',
    documentsLead: 'The council decisions that follow-up and transparency are based on.',
    documentKind: 'Type',
    documentsNone: 'No decisions are registered.',
  },
};

export default texts;
