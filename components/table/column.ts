import type { ReactNode } from 'react';

/**
 * One column definition serves the table, its sorting, its filter text and its CSV export,
 * so the three can never disagree about what a column holds.
 */
export interface Column<Row> {
  id: string;
  header: string;
  /** Shown after the header, e.g. "messages" or "s". */
  unit?: string;
  /** The raw value: sorting and CSV use it. null sorts last. */
  value: (row: Row) => string | number | null;
  render?: (row: Row) => ReactNode;
  align?: 'left' | 'right';
  sortable?: boolean;
}

export type SortDirection = 'asc' | 'desc';

export function compareValues(left: string | number | null, right: string | number | null): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right), undefined, { numeric: true });
}

export function sortRows<Row>(rows: Row[], column: Column<Row> | undefined, direction: SortDirection): Row[] {
  if (!column) return rows;
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((left, right) => {
    const leftValue = column.value(left);
    const rightValue = column.value(right);
    // Unknown values stay at the bottom whichever way the column is sorted.
    if (leftValue === null || rightValue === null) return compareValues(leftValue, rightValue);
    return sign * compareValues(leftValue, rightValue);
  });
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(rows: Row[], columns: Column<Row>[]): string {
  const header = columns.map((column) => csvCell(column.unit ? `${column.header} (${column.unit})` : column.header));
  const lines = rows.map((row) => columns.map((column) => csvCell(column.value(row))).join(','));
  return [header.join(','), ...lines].join('\n') + '\n';
}
