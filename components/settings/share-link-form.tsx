'use client';

import { useState, type FormEvent } from 'react';
import { chartRangeLabels, chartRangeNames, seriesCatalogue, type ChartRange, type ShareChartKind } from '@/lib/share/chart-catalogue';
import { ShareLinkCreated } from '@/components/share/share-link-created';
import { useCreateShareLink } from '@/components/share/use-create-share-link';

/** Creates a link for any chart by hand; trend charts have their own "Share" button. */
export function ShareLinkForm({ clusterIds }: { clusterIds: string[] }) {
  const [kind, setKind] = useState<ShareChartKind>('kafka_group');
  const { create, created, error, busy } = useCreateShareLink();
  const seriesOptions = Object.entries(seriesCatalogue[kind]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    await create({
      kind,
      cluster_id: kind === 'kafka_group' ? text('cluster_id') || null : null,
      name: text('name'),
      group: kind === 'redis_stream_group' ? text('group') || null : null,
      range: text('range') as ChartRange,
      series: form.getAll('series').map(String),
    }, Number(text('expires_in_days')) || 7);
  }

  return (
    <section className="card">
      <h2>Create a share link</h2>
      <form className="stack" onSubmit={submit} aria-label="Create a share link">
        <label>
          Chart of
          <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as ShareChartKind)}>
            <option value="kafka_group">Kafka consumer group</option>
            <option value="redis_stream_group">Redis stream consumer group</option>
          </select>
        </label>
        {kind === 'kafka_group' ? (
          <label>
            Cluster
            <select name="cluster_id">{clusterIds.map((id) => <option key={id} value={id}>{id}</option>)}</select>
          </label>
        ) : null}
        <label>
          {kind === 'kafka_group' ? 'Consumer group id' : 'Stream'}
          <input name="name" required maxLength={255} />
        </label>
        {kind === 'redis_stream_group' ? (
          <label>
            Stream consumer group
            <input name="group" required maxLength={255} />
          </label>
        ) : null}
        <label>
          Range
          <select name="range" defaultValue="24h">
            {chartRangeNames.map((range) => <option key={range} value={range}>{chartRangeLabels[range]}</option>)}
          </select>
        </label>
        <fieldset>
          <legend>Series</legend>
          {seriesOptions.map(([id, definition], index) => (
            <label key={`${kind}-${id}`} style={{ flexDirection: 'row', fontWeight: 400 }}>
              <input type="checkbox" name="series" value={id} defaultChecked={index === 0} /> {definition.label} ({definition.unit})
            </label>
          ))}
        </fieldset>
        <label>
          Expires after (days, at most 90)
          <input name="expires_in_days" type="number" min={1} max={90} defaultValue={7} required />
        </label>
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create share link'}</button>
      </form>
      {created ? <ShareLinkCreated address={created.address} expiresAt={created.link.expires_at} /> : null}
      {error ? <div className="banner" role="alert">{error}</div> : null}
    </section>
  );
}
