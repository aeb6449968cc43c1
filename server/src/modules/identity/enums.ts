import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  REVIEWER = 'REVIEWER',
  PROVIDER = 'PROVIDER',
  AUDITOR = 'AUDITOR',
  ANALYST = 'ANALYST',
}
registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    ADMIN: { description: 'Everything, including users, program, templates and rounds.' },
    REVIEWER: { description: 'The region\'s reviewers (beställare, uppföljningshandläggare).' },
    PROVIDER: { description: 'A provider\'s own staff: their own provider only.' },
    AUDITOR: { description: 'Revisorer: read everything, change nothing.' },
    ANALYST: { description: 'The BI read model, usually through an API token.' },
  },
});
