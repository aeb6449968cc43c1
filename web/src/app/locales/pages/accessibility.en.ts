import type { PageAccessibilityTexts } from './accessibility.sv';

/** English texts of the accessibility statement: the same keys as accessibility.sv.ts, fetched when English is chosen. */
const texts: PageAccessibilityTexts = {
  accessibility: {
    title: 'Accessibility statement',
    heading: 'Accessibility statement for Insyn',
    intro:
      'Region Jämtland Härjedalen is responsible for Insyn. We want as many people as possible to be able to use the service. This statement describes how Insyn complies with the Swedish Act on accessibility to digital public services (2018:1937), the known problems, and how you can report problems to us so that we can fix them.',
    statusHeading: 'How accessible is Insyn?',
    status:
      'Insyn is partially compliant with the Act on accessibility to digital public services, because of the problems described below. The goal is for the whole service to meet WCAG 2.1 level AA.',
    problemsHeading: 'Content that is not accessible',
    problemGraphiql:
      'The developer tool GraphiQL, where analysts can query the API directly, is a third-party tool. It has not been fully tested with screen readers and is only available in English. The same information is available on the ordinary pages of Insyn.',
    problemLanguage:
      'The programme, goals, guidelines and indicators are adopted in Swedish and are shown in Swedish even when you have chosen English.',
    contactHeading: 'What can you do if you cannot use parts of Insyn?',
    contact:
      'If you need content from Insyn that is not accessible to you, contact us and we will try to give you the information in another way.',
    reportHeading: 'Report accessibility problems',
    report:
      'We are always working to improve accessibility. If you find problems that are not described here, or if you think that we do not meet the requirements of the law, let us know so that we know the problem exists.',
    reportLink: 'Send an email to {{email}}',
    reportAnswer: 'We normally reply within five working days.',
    supervisionHeading: 'Supervision',
    supervision:
      'The Agency for Digital Government (Digg) is responsible for supervising the Act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can contact Digg and tell them.',
    supervisionLink: 'Report inadequate accessibility to Digg',
    technicalHeading: 'Technical information about accessibility',
    technical:
      'Insyn is built to meet level AA of the Web Content Accessibility Guidelines (WCAG) version 2.1. The pages work with keyboard, screen readers and magnification, and can be used in a view 320 pixels wide.',
    testingHeading: 'How we tested Insyn',
    testing:
      'We make our own assessment: every page is tested automatically with axe-core in Swedish and English, in wide and narrow views, and manually with the keyboard. This statement was last updated on {{date}}.',
    updatedDate: '2026-11-24',
  },
};

export default texts;
