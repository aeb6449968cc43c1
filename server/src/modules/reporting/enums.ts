import { registerEnumType } from 'type-graphql';

export enum TemplateStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}
registerEnumType(TemplateStatus, { name: 'TemplateStatus', description: 'A published template is frozen; changes make a new version.' });

export enum QuestionType {
  BOOLEAN = 'BOOLEAN',
  INTEGER = 'INTEGER',
  DECIMAL = 'DECIMAL',
  PERCENT = 'PERCENT',
  TEXT = 'TEXT',
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTI_CHOICE = 'MULTI_CHOICE',
  DATE = 'DATE',
  ATTACHMENT = 'ATTACHMENT',
  INDICATOR_VALUE = 'INDICATOR_VALUE',
}
registerEnumType(QuestionType, { name: 'QuestionType' });

export enum RoundStatus {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(RoundStatus, { name: 'RoundStatus' });

export enum ReportStatus {
  NOT_STARTED = 'NOT_STARTED',
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(ReportStatus, { name: 'ReportStatus' });

/** Statuses in which the provider's users may change answers. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = [ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.CHANGES_REQUESTED];

export enum ReportOrder {
  DUE_AT = 'DUE_AT',
  SUBMITTED_AT = 'SUBMITTED_AT',
}
registerEnumType(ReportOrder, { name: 'ReportOrder', description: 'DUE_AT: earliest due first. SUBMITTED_AT: longest waiting first.' })
