import { registerEnumType } from 'type-graphql';

export enum ProgramStatus {
  DRAFT = 'DRAFT',
  ADOPTED = 'ADOPTED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(ProgramStatus, { name: 'ProgramStatus' });

export enum GoalCategory {
  ACCESSIBILITY = 'ACCESSIBILITY',
  PATIENT_SAFETY = 'PATIENT_SAFETY',
  EQUAL_CARE = 'EQUAL_CARE',
  QUALITY = 'QUALITY',
  STAFF_COMPETENCE = 'STAFF_COMPETENCE',
  ENVIRONMENT = 'ENVIRONMENT',
  TRANSPARENCY = 'TRANSPARENCY',
  COOPERATION = 'COOPERATION',
  OTHER = 'OTHER',
}
registerEnumType(GoalCategory, { name: 'GoalCategory' });

export enum Obligation {
  SHALL = 'SHALL',
  SHOULD = 'SHOULD',
}
registerEnumType(Obligation, { name: 'Obligation', description: 'SHALL (ska) or SHOULD (bör).' });

export enum IndicatorUnit {
  PERCENT = 'PERCENT',
  COUNT = 'COUNT',
  RATE_PER_1000 = 'RATE_PER_1000',
  SEK = 'SEK',
  INDEX = 'INDEX',
  DAYS = 'DAYS',
}
registerEnumType(IndicatorUnit, { name: 'IndicatorUnit' });

export enum Direction {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}
registerEnumType(Direction, { name: 'Direction' });

export enum ServiceArea {
  PRIMARY_CARE = 'PRIMARY_CARE',
  DENTAL_CARE = 'DENTAL_CARE',
  ALL = 'ALL',
}
registerEnumType(ServiceArea, { name: 'ServiceArea' });

export enum DocumentKind {
  PROGRAM = 'PROGRAM',
  EQUAL_CONDITIONS = 'EQUAL_CONDITIONS',
  OTHER = 'OTHER',
}
registerEnumType(DocumentKind, { name: 'DocumentKind' });

export enum TargetColour {
  GREEN = 'GREEN',
  AMBER = 'AMBER',
  RED = 'RED',
}
registerEnumType(TargetColour, { name: 'TargetColour' });
