import type { PublicStatusTexts } from './status.sv';

/** English texts of the public results pages, the part for an insight request's status by tracking code: the same keys as status.sv.ts. */
const texts: PublicStatusTexts = {
  status: {
    title: 'Follow your request',
    heading: 'Follow your request for insight',
    lead: 'Enter the tracking code you received when you sent the request.',
    code: 'Tracking code',
    codeHint: 'You received the code when you sent the request. It looks like 7K2QD-9XH4M-R3T8B-W6N1P. Upper or lower case does not matter.',
    show: 'Show status',
    searching: 'Searching…',
    codeMissing: 'Enter the tracking code.',
    notFound: 'We cannot find a request with that code. Check that you copied it correctly.',
    failed: 'The request could not be loaded. Check your internet connection and try again.',
    rateLimited: 'Too many attempts in a short time. Wait a while and try again.',
    resultHeading: 'Request {{reference}}',
    subject: 'Subject',
    currentStatus: 'Status',
    receivedAt: 'Received',
    dueAt: 'The provider should answer by',
    closedAt: 'Closed',
    timelineHeading: 'What has happened?',
    decisionHeading: 'Decision',
    decision: 'Decision',
    legalGround: 'Legal ground',
    decisionText: 'Reasoning',
    appealHeading: 'If you want to appeal',
    noDecision: 'The region has not made a decision yet.',
    newRequest: 'Send a new request for insight',
  },
  insightStatus: {
    RECEIVED: 'Received',
    REGISTERED: 'Registered',
    FORWARDED: 'Sent to the provider',
    ANSWERED: 'The provider has answered',
    DECIDED: 'Decided',
    CLOSED: 'Closed',
  },
  insightEvent: {
    SUBMITTED: 'The request was received',
    RECEIVED: 'The request was received',
    REGISTERED: 'The request was registered',
    FORWARDED: 'The request was sent to the provider',
    REMINDED: 'The provider was reminded',
    ANSWERED: 'The provider answered',
    DECIDED: 'The region made a decision',
    CLOSED: 'The request was closed',
    other: 'The request was updated',
  },
  decision: {
    DISCLOSED: 'The information is disclosed',
    PARTLY_DISCLOSED: 'The information is partly disclosed',
    REFUSED: 'The information is not disclosed',
  },
};

export default texts;
