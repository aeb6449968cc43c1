import { describe, expect, it } from 'vitest';
import { readReportFilter, toReportFilter } from './MyReportsPage';

describe('my reports filter', () => {
  it('shows the reports of running rounds unless the address asks for closed or all rounds', () => {
    expect(toReportFilter(readReportFilter(new URLSearchParams('')))).toEqual({ roundClosed: false });
    expect(toReportFilter(readReportFilter(new URLSearchParams('omgangar=avslutade')))).toEqual({ roundClosed: true });
    expect(toReportFilter(readReportFilter(new URLSearchParams('omgangar=alla&status=DRAFT&forsenade=1')))).toEqual({ status: ['DRAFT'], overdue: true });
    expect(readReportFilter(new URLSearchParams('omgangar=nonsense&status=NOPE'))).toEqual({ status: '', overdue: false, rounds: 'current' });
  });
});
