'use client';

import { useState } from 'react';
import type { ShareLinkJson } from '@/lib/share/share-link-record';
import { requestJson } from '@/lib/teams/api-request';
import { ScrollRegion } from '@/components/table/scroll-region';

const statusBadge = { active: 'ok', expired: 'warn', revoked: 'bad' } as const;
// UTC on both server and browser, so the server-rendered table and the hydrated one agree.
const utcTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const formatTime = (iso: string) => `${utcTime.format(new Date(iso))} UTC`;

function describeChart(chart: ShareLinkJson['chart']): string {
  return chart.kind === 'kafka_group'
    ? `Group ${chart.name} (${chart.cluster_id ?? ''})`
    : `Stream ${chart.name} / ${chart.group ?? ''}`;
}

export function ShareLinkList({ initialLinks, showCreator }: { initialLinks: ShareLinkJson[]; showCreator: boolean }) {
  const [links, setLinks] = useState(initialLinks);
  const [error, setError] = useState<string | null>(null);

  async function revoke(id: string) {
    setError(null);
    const result = await requestJson(`/api/v1/share-links/${encodeURIComponent(id)}`, { method: 'DELETE' });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const revokedAt = new Date().toISOString();
    setLinks((current) => current.map((link) => (link.id === id ? { ...link, revoked_at: revokedAt, status: 'revoked' } : link)));
  }

  if (links.length === 0) {
    return <p className="muted">No share links yet. Use “Share” on a trend chart, or the form above, to create one.</p>;
  }
  return (
    <>
      {error ? <div className="banner" role="alert">{error}</div> : null}
      <ScrollRegion label="Share links"><table className="data" data-testid="share-links">
        <caption className="visually-hidden">Share links</caption>
        <thead>
          <tr>
            <th scope="col">Chart</th><th scope="col">Range</th><th scope="col">Series</th>
            {showCreator ? <th scope="col">Created by</th> : null}
            <th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id} data-share-link-id={link.id}>
              <td>{describeChart(link.chart)}</td>
              <td>{link.chart.range}</td>
              <td>{link.chart.series.join(', ')}</td>
              {showCreator ? <td>{link.created_by}</td> : null}
              <td>{formatTime(link.created_at)}</td>
              <td>{formatTime(link.expires_at)}</td>
              <td><span className={`badge ${statusBadge[link.status]}`}>{link.status}</span></td>
              <td>
                {link.status === 'active' ? (
                  <button type="button" className="secondary" onClick={() => revoke(link.id)} aria-label={`Revoke share link ${link.id}`}>Revoke</button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table></ScrollRegion>
    </>
  );
}
