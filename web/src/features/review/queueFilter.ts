import { Ownerships, type Ownership } from '@insyn/shared';
import type { ReportFilter, ReportOrder, ReportStatus } from '../../gql/graphql';

export const REPORT_STATUSES: readonly ReportStatus[] = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED'];

/** The queue opens on what waits for a reviewer. */
export const DEFAULT_STATUS: ReportStatus = 'SUBMITTED';

export type Assignment = '' | 'mine' | 'nobody';

/**
 * The reviewer queue's filter as it lives in the URL, so a filtered list can be bookmarked,
 * shared and reloaded: ?status=SUBMITTED&omgang=…&valfrihetssystem=…&driftform=PRIVATE
 * &kommun=2380&forsenade=1&tilldelning=mig. No status parameter means the default (SUBMITTED);
 * `status=alla` means every status.
 */
export interface QueueFilterState {
  /** null: every status. */
  status: ReportStatus | null;
  roundId: string;
  choiceSystemId: string;
  ownership: Ownership | '';
  municipalityCode: string;
  overdue: boolean;
  assignment: Assignment;
}

export const QUEUE_PARAMS = {
  status: 'status',
  round: 'omgang',
  choiceSystem: 'valfrihetssystem',
  ownership: 'driftform',
  municipality: 'kommun',
  overdue: 'forsenade',
  assignment: 'tilldelning',
} as const;

const ALL = 'alla';
const ASSIGNMENT_PARAM: Record<Exclude<Assignment, ''>, string> = { mine: 'mig', nobody: 'ingen' };

export const DEFAULT_FILTER: QueueFilterState = {
  status: DEFAULT_STATUS,
  roundId: '',
  choiceSystemId: '',
  ownership: '',
  municipalityCode: '',
  overdue: false,
  assignment: '',
};

function isStatus(value: string): value is ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(value);
}

function isOwnership(value: string): value is Ownership {
  return (Ownerships as readonly string[]).includes(value);
}

/** An id as the API hands them out: no spaces or odd characters, not endless. */
function idParam(value: string | null): string {
  const v = (value ?? '').trim();
  return /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : '';
}

export function readQueueFilter(params: URLSearchParams): QueueFilterState {
  const status = params.get(QUEUE_PARAMS.status);
  const ownership = params.get(QUEUE_PARAMS.ownership) ?? '';
  const municipality = params.get(QUEUE_PARAMS.municipality) ?? '';
  const assignment = params.get(QUEUE_PARAMS.assignment);
  return {
    status: status === null ? DEFAULT_STATUS : status === ALL ? null : isStatus(status) ? status : DEFAULT_STATUS,
    roundId: idParam(params.get(QUEUE_PARAMS.round)),
    choiceSystemId: idParam(params.get(QUEUE_PARAMS.choiceSystem)),
    ownership: isOwnership(ownership) ? ownership : '',
    municipalityCode: /^\d{4}$/.test(municipality) ? municipality : '',
    overdue: params.get(QUEUE_PARAMS.overdue) === '1',
    assignment: assignment === ASSIGNMENT_PARAM.mine ? 'mine' : assignment === ASSIGNMENT_PARAM.nobody ? 'nobody' : '',
  };
}

/** The URL parameters of a filter: only what differs from the default, always in the same order. */
export function writeQueueFilter(state: QueueFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.status === null) params.set(QUEUE_PARAMS.status, ALL);
  else if (state.status !== DEFAULT_STATUS) params.set(QUEUE_PARAMS.status, state.status);
  if (state.roundId) params.set(QUEUE_PARAMS.round, state.roundId);
  if (state.choiceSystemId) params.set(QUEUE_PARAMS.choiceSystem, state.choiceSystemId);
  if (state.ownership) params.set(QUEUE_PARAMS.ownership, state.ownership);
  if (state.municipalityCode) params.set(QUEUE_PARAMS.municipality, state.municipalityCode);
  if (state.overdue) params.set(QUEUE_PARAMS.overdue, '1');
  if (state.assignment) params.set(QUEUE_PARAMS.assignment, ASSIGNMENT_PARAM[state.assignment]);
  return params;
}

/** Whether anything but the default is chosen. */
export function isFiltered(state: QueueFilterState): boolean {
  return writeQueueFilter(state).toString() !== '';
}

/**
 * The GraphQL filter: only the given conditions, always in the same shape (the same filter is
 * the same cached list). `withStatus: false` leaves the status out, for the counts per status.
 */
export function toReportFilter(state: QueueFilterState, { withStatus = true } = {}): ReportFilter {
  const filter: ReportFilter = {};
  if (withStatus && state.status) filter.status = [state.status];
  if (state.roundId) filter.roundId = state.roundId;
  if (state.choiceSystemId) filter.choiceSystemId = state.choiceSystemId;
  if (state.ownership) filter.ownership = [state.ownership];
  if (state.municipalityCode) filter.municipalityCode = state.municipalityCode;
  if (state.overdue) filter.overdue = true;
  if (state.assignment) filter.assignedToMe = state.assignment === 'mine';
  return filter;
}

/** Submitted reports longest waiting first (the reviewer's work); the others by due date. */
export function queueOrder(state: QueueFilterState): ReportOrder {
  return state.status === 'SUBMITTED' ? 'SUBMITTED_AT' : 'DUE_AT';
}
