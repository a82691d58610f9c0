import type { OffsetResetResponse } from '@/lib/actions/api-schemas';

const offset = (value: number | null) => (value === null ? '— (none)' : value.toLocaleString('en-US'));

/** Per partition: the offset now, the offset after the reset and the lag it gives. */
export function ResetPreviewTable({ preview }: { preview: OffsetResetResponse }) {
  return (
    <div className="table-block" role="region" aria-label="Offsets before and after the reset" tabIndex={0}>
      <table className="data" data-testid="reset-preview">
        <caption className="visually-hidden">Offsets before and after the reset</caption>
        <thead>
          <tr>
            <th scope="col">Partition</th><th scope="col">Current offset</th><th scope="col">New offset</th>
            <th scope="col">Log start … end</th><th scope="col">Lag now <span className="unit">(msgs)</span></th><th scope="col">Lag after <span className="unit">(msgs)</span></th>
          </tr>
        </thead>
        <tbody>
          {preview.partitions.map((row) => (
            <tr key={row.partition}>
              <td>{row.partition}</td>
              <td className="mono">{offset(row.current_offset)}</td>
              <td className="mono">{offset(row.new_offset)}{row.clamped ? <span className="muted"> (clamped to the log)</span> : null}</td>
              <td className="mono">{offset(row.log_start_offset)} … {offset(row.log_end_offset)}</td>
              <td>{offset(row.lag_before)}</td>
              <td>{offset(row.lag_after)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row" colSpan={4}>Total</th><td>{offset(preview.total_lag_before)}</td><td data-testid="preview-total-lag-after">{offset(preview.total_lag_after)}</td></tr>
        </tfoot>
      </table>
    </div>
  );
}
