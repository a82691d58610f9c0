'use client';

import type { AlertDeliveryJson } from '@/lib/notifications/api-schemas';

const statusBadge: Record<AlertDeliveryJson['status'], string> = { delivered: 'ok', pending: 'warn', sending: 'warn', failed: 'bad' };

/** The channel's last deliveries, newest first: what was sent, its outcome, code, try and time. */
export function AlertChannelDeliveries({ channelName, deliveries }: { channelName: string; deliveries: AlertDeliveryJson[] | null }) {
  if (deliveries === null) return <div className="skeleton" aria-label="Loading deliveries" />;
  if (deliveries.length === 0) return <p className="muted">Nothing sent to “{channelName}” yet. Use Send test to check the receiver.</p>;
  return (
    <div className="table-block">
      <table className="data" aria-label={`Deliveries of ${channelName}`}>
        <thead>
          <tr>
            <th scope="col">Time</th><th scope="col">Message</th><th scope="col">Status</th>
            <th scope="col" className="number">HTTP code</th><th scope="col" className="number">Attempt</th><th scope="col">Error</th>
            <th scope="col">Alert</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => {
            const last = delivery.attempts.at(-1);
            return (
              <tr key={delivery.id}>
                <td>{new Date(last?.at ?? delivery.created_at).toLocaleString()}</td>
                <td>{delivery.kind}</td>
                <td><span className={`badge ${statusBadge[delivery.status]}`}>{delivery.status}</span></td>
                <td className="number">{delivery.last_status_code ?? '—'}</td>
                <td className="number">{delivery.attempt}</td>
                <td>{delivery.last_error_kind ?? '—'}</td>
                <td className="mono">{delivery.alert_id ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
