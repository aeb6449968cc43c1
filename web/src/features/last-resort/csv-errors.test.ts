import { describe, expect, it } from 'vitest';
import { exampleCsv, rowErrors } from './csv-errors';

describe('the bad rows of a refused listing file', () => {
  it('reads row and column from each field, in file order', () => {
    expect(
      rowErrors([
        { path: 'csv.7.listed_persons', message: 'A whole number, 0 or more' },
        { path: 'csv.3.month', message: 'A month 1–12' },
        { path: 'csv.3.hsa_id', message: 'No such unit' },
      ]),
    ).toEqual([
      { line: 3, column: 'hsa_id', message: 'No such unit' },
      { line: 3, column: 'month', message: 'A month 1–12' },
      { line: 7, column: 'listed_persons', message: 'A whole number, 0 or more' },
    ]);
  });

  it('shows a problem with the whole file or a row without column', () => {
    expect(rowErrors([{ path: 'csv', message: 'Too large' }, { path: 'csv.4.', message: 'Expected 4 columns' }])).toEqual([
      { line: 0, column: '', message: 'Too large' },
      { line: 4, column: '', message: 'Expected 4 columns' },
    ]);
    expect(rowErrors(undefined)).toEqual([]);
  });

  it('offers an example file with every column', () => {
    expect(exampleCsv().split('\n')[0]).toBe('unit_id;year;month;listed_persons');
  });
});
