import { describe, expect, it } from 'vitest';
import { sortRows, toCsv, type Column } from './column';

interface Row { name: string; lag: number | null }
const columns: Column<Row>[] = [
  { id: 'name', header: 'Group', value: (row) => row.name },
  { id: 'lag', header: 'Lag', unit: 'messages', value: (row) => row.lag },
];
const rows: Row[] = [{ name: 'b-2', lag: 5 }, { name: 'a, "x"', lag: null }, { name: 'b-10', lag: 50 }];

describe('table columns', () => {
  it('sorts numbers numerically and keeps unknown values last in both directions', () => {
    expect(sortRows(rows, columns[1], 'desc').map((row) => row.lag)).toEqual([50, 5, null]);
    expect(sortRows(rows, columns[1], 'asc').map((row) => row.lag)).toEqual([5, 50, null]);
  });

  it('sorts names naturally (b-2 before b-10)', () => {
    expect(sortRows(rows, columns[0], 'asc').map((row) => row.name)).toEqual(['a, "x"', 'b-2', 'b-10']);
  });

  it('exports CSV with units in the header and quoted cells', () => {
    expect(toCsv(rows.slice(0, 2), columns)).toBe('Group,Lag (messages)\nb-2,5\n"a, ""x""",\n');
  });
});
