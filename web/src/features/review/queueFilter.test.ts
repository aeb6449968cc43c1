import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, isFiltered, queueOrder, readQueueFilter, toReportFilter, writeQueueFilter, type QueueFilterState } from './queueFilter';

const read = (query: string) => readQueueFilter(new URLSearchParams(query));

describe('the review queue filter in the URL', () => {
  it('opens on submitted reports when the URL says nothing', () => {
    expect(read('')).toEqual(DEFAULT_FILTER);
    expect(DEFAULT_FILTER.status).toBe('SUBMITTED');
    expect(writeQueueFilter(DEFAULT_FILTER).toString()).toBe('');
    expect(isFiltered(DEFAULT_FILTER)).toBe(false);
    expect(toReportFilter(DEFAULT_FILTER)).toEqual({ status: ['SUBMITTED'] });
    // Longest waiting first.
    expect(queueOrder(DEFAULT_FILTER)).toBe('SUBMITTED_AT');
    expect(queueOrder(read('status=alla'))).toBe('DUE_AT');
  });

  it('reads every filter and writes it back the same, in a fixed order', () => {
    const state: QueueFilterState = {
      status: 'CHANGES_REQUESTED',
      roundId: 'c1b2-33',
      choiceSystemId: 'cs-9',
      ownership: 'PRIVATE',
      municipalityCode: '2380',
      overdue: true,
      assignment: 'mine',
    };
    const query = writeQueueFilter(state).toString();
    expect(query).toBe('status=CHANGES_REQUESTED&omgang=c1b2-33&valfrihetssystem=cs-9&driftform=PRIVATE&kommun=2380&forsenade=1&tilldelning=mig');
    expect(read(query)).toEqual(state);
    expect(isFiltered(state)).toBe(true);
    expect(toReportFilter(state)).toEqual({
      status: ['CHANGES_REQUESTED'],
      roundId: 'c1b2-33',
      choiceSystemId: 'cs-9',
      ownership: ['PRIVATE'],
      municipalityCode: '2380',
      overdue: true,
      assignedToMe: true,
    });
  });

  it('"alla" is every status; "ingen" asks for unassigned reports', () => {
    const all = read('status=alla&tilldelning=ingen');
    expect(all.status).toBeNull();
    expect(all.assignment).toBe('nobody');
    expect(toReportFilter(all)).toEqual({ assignedToMe: false });
    expect(writeQueueFilter(all).toString()).toBe('status=alla&tilldelning=ingen');
  });

  it('ignores what it does not understand instead of sending it to the API', () => {
    expect(read('status=DELETED&driftform=EVIL&kommun=23&forsenade=ja&tilldelning=alla&omgang=%27%20OR%201%3D1')).toEqual(DEFAULT_FILTER);
  });

  it('leaves the status out of the counts per status, and keeps the other filters', () => {
    const state = read('status=APPROVED&driftform=IN_HOUSE&forsenade=1');
    expect(toReportFilter(state, { withStatus: false })).toEqual({ ownership: ['IN_HOUSE'], overdue: true });
  });
});
