'use client';

import { useMemo } from 'react';
import { sortRows, toCsv, type Column, type SortDirection } from './column';
import { useTableUrlState } from './use-table-url-state';

export interface TableFilter<Row> {
  id: string;
  label: string;
  /** A row can carry several values (a group reads several topics); it matches if any is chosen. */
  value: (row: Row) => string | readonly string[];
}

const filterValuesOf = <Row,>(filter: TableFilter<Row>, row: Row): readonly string[] => {
  const value = filter.value(row);
  return typeof value === 'string' ? [value] : value;
};

interface DataTableProps<Row> {
  tableId: string;
  caption: string;
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  searchText: (row: Row) => string;
  filters?: TableFilter<Row>[];
  defaultSort?: { columnId: string; direction: SortDirection };
  pageSize?: number;
  emptyMessage: string;
  csvFileName: string;
  rowAttributes?: (row: Row) => Record<string, string>;
}

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Sortable, searchable, filterable, paged table whose state is kept in the URL. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { tableId, rows, columns, filters = [], pageSize = 100, searchText } = props;
  const { read, write } = useTableUrlState(tableId);
  const search = read('q').toLowerCase();
  const sortColumnId = read('sort') || props.defaultSort?.columnId || '';
  const direction: SortDirection = (read('dir') || props.defaultSort?.direction) === 'asc' ? 'asc' : 'desc';
  const filterValues = Object.fromEntries(filters.map((filter) => [filter.id, read(filter.id)]));
  const filterKey = JSON.stringify(filterValues);
  const requestedPage = Math.max(0, Number.parseInt(read('page') || '1', 10) - 1 || 0);

  const visibleRows = useMemo(() => {
    const activeFilters = JSON.parse(filterKey) as Record<string, string>;
    const matching = rows.filter((row) =>
      (!search || searchText(row).toLowerCase().includes(search)) &&
      filters.every((filter) => !activeFilters[filter.id] || filterValuesOf(filter, row).includes(activeFilters[filter.id] as string)));
    return sortRows(matching, columns.find((column) => column.id === sortColumnId), direction);
  }, [rows, search, filterKey, filters, columns, sortColumnId, direction, searchText]);

  // Options depend on the rows only, not on every keystroke in the search box.
  const filterOptions = useMemo(
    () => filters.map((filter) => [...new Set(rows.flatMap((row) => filterValuesOf(filter, row)))].sort()),
    [rows, filters],
  );

  const pageCount = Math.max(1, Math.ceil(visibleRows.length / pageSize));
  const page = Math.min(requestedPage, pageCount - 1);
  const pageRows = visibleRows.slice(page * pageSize, (page + 1) * pageSize);

  const toggleSort = (columnId: string) => {
    const nextDirection = sortColumnId === columnId && direction === 'desc' ? 'asc' : 'desc';
    write({ sort: columnId, dir: nextDirection, page: null });
  };

  return (
    <div className="table-block">
      <div className="table-tools" role="search">
        <input type="search" aria-label={`Search ${props.caption}`} placeholder="Search by name…" defaultValue={read('q')}
          onChange={(event) => write({ q: event.target.value, page: null })} />
        {filters.map((filter, filterIndex) => {
          const active = read(filter.id);
          // A value from a shared link that no row has (any more) stays selectable, so the select
          // shows the filter that is in force instead of "All".
          const known = filterOptions[filterIndex] ?? [];
          const options = active && !known.includes(active) ? [...known, active] : known;
          return (
            <select key={filter.id} aria-label={`Filter by ${filter.label}`} value={filterValues[filter.id]}
              onChange={(event) => write({ [filter.id]: event.target.value, page: null })}>
              <option value="">All {filter.label}</option>
              {options.map((option) => <option key={option} value={option}>{option}</option>)}
            </select>
          );
        })}
        <span className="muted">{visibleRows.length} of {rows.length}</span>
        <button type="button" className="secondary" onClick={() => download(props.csvFileName, toCsv(visibleRows, columns))}>Export CSV</button>
      </div>
      {visibleRows.length === 0 ? (
        <p className="muted">{rows.length === 0 ? props.emptyMessage : 'Nothing matches the search and filters.'}</p>
      ) : (
        // A wide table scrolls inside its own region, never the page; tabIndex lets keyboard users scroll it.
        <div className="table-scroll" role="region" aria-label={props.caption} tabIndex={0}>
        <table className="data" data-testid={tableId}>
          <caption className="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = column.id === sortColumnId;
                return (
                  <th key={column.id} scope="col" className={column.align === 'right' ? 'number' : undefined}
                    aria-sort={sorted ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    {column.sortable === false ? column.header : (
                      <button type="button" className="sort" onClick={() => toggleSort(column.id)}>
                        {column.header}{column.unit ? <span className="unit"> ({column.unit})</span> : null}
                        {/* aria-sort on the header says the direction; the arrow is for the eye only. */}
                        {sorted ? <span aria-hidden="true">{direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {pageRows.map((row) => (
              <tr key={props.rowKey(row)} {...props.rowAttributes?.(row)}>
                {columns.map((column) => (
                  <td key={column.id} className={column.align === 'right' ? 'number' : undefined} data-column={column.id}>
                    {column.render ? column.render(row) : (column.value(row) ?? '—')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {pageCount > 1 ? (
        <nav className="pager" aria-label="Pages">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => write({ page: String(page) })}>Previous</button>
          <span>Page {page + 1} of {pageCount}</span>
          <button type="button" className="secondary" disabled={page >= pageCount - 1} onClick={() => write({ page: String(page + 2) })}>Next</button>
        </nav>
      ) : null}
    </div>
  );
}
