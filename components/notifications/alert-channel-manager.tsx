'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { AlertChannelJson, AlertDeliveryJson } from '@/lib/notifications/api-schemas';
import { useChannelDeliveries } from '@/lib/swr/use-channel-deliveries';
import { AlertChannelDeliveries } from './alert-channel-deliveries';
import { AlertChannelForm, type TeamOption } from './alert-channel-form';
import { readProblem } from './channel-api';

interface TestResult {
  channelName: string;
  delivery: AlertDeliveryJson;
}

function describeTest({ channelName, delivery }: TestResult): string {
  const code = delivery.last_status_code === null ? 'no HTTP answer' : `HTTP ${delivery.last_status_code}`;
  return delivery.status === 'delivered'
    ? `Test message delivered to “${channelName}” (${code}).`
    : `Test message to “${channelName}” failed: ${delivery.last_error_kind ?? 'error'} (${code}).`;
}

function repeatLabel(seconds: number | null): string {
  return seconds === null ? 'no repeat' : `every ${Math.round(seconds / 60)} min`;
}

export function AlertChannelManager({ initialChannels, teams }: { initialChannels: AlertChannelJson[]; teams: TeamOption[] }) {
  const [channels, setChannels] = useState(initialChannels);
  const [editing, setEditing] = useState<AlertChannelJson | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<TestResult | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The channel whose deliveries are shown lives in the URL, so the view can be shared.
  const selectedId = searchParams.get('channel');
  const selected = channels.find((channel) => channel.id === selectedId) ?? null;

  const deliveries = useChannelDeliveries(selected?.id ?? null);

  function select(channelId: string | null) {
    const params = new URLSearchParams(searchParams.toString());
    if (channelId) params.set('channel', channelId);
    else params.delete('channel');
    router.replace(params.size > 0 ? `${pathname}?${params}` : pathname, { scroll: false });
  }

  function saved(channel: AlertChannelJson) {
    setChannels((current) => (current.some((known) => known.id === channel.id)
      ? current.map((known) => (known.id === channel.id ? channel : known))
      : [...current, channel]));
    setEditing(null);
  }

  async function sendTest(channel: AlertChannelJson) {
    setTesting(channel.id);
    setError(null);
    setTestResult(null);
    const response = await fetch(`/api/v1/alert-channels/${encodeURIComponent(channel.id)}/test`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    setTesting(null);
    if (!response.ok) {
      setError((await readProblem(response)).message);
      return;
    }
    const { delivery } = (await response.json()) as { delivery: AlertDeliveryJson };
    setTestResult({ channelName: channel.name, delivery });
    if (selectedId === channel.id) void deliveries.mutate();
    else select(channel.id);
  }

  async function remove(channel: AlertChannelJson) {
    if (!window.confirm(`Delete the channel “${channel.name}” and its delivery log?`)) return;
    const response = await fetch(`/api/v1/alert-channels/${encodeURIComponent(channel.id)}`, { method: 'DELETE' });
    if (!response.ok) {
      setError((await readProblem(response)).message);
      return;
    }
    setChannels((current) => current.filter((known) => known.id !== channel.id));
    if (selectedId === channel.id) select(null);
  }

  return (
    <>
      {error ? <div className="banner" role="alert">{error}</div> : null}
      <div role="status" data-testid="channel-test-result" className={testResult ? 'banner info' : 'visually-hidden'}>{testResult ? describeTest(testResult) : ''}</div>
      {editing === null ? <p><button type="button" onClick={() => setEditing('new')}>New channel</button></p> : (
        <AlertChannelForm key={editing === 'new' ? 'new' : editing.id} channel={editing === 'new' ? null : editing} teams={teams}
          onSaved={saved} onCancel={() => setEditing(null)} />
      )}
      {channels.length === 0 ? (
        <p className="muted">No alert channels yet. Alerts are shown in Lagboard but sent nowhere until you add one.</p>
      ) : (
        <div className="table-block" role="region" aria-label="Alert channels" tabIndex={0}>
          <table className="data">
            <caption className="visually-hidden">Alert channels</caption>
            <thead>
              <tr>
                <th scope="col">Name</th><th scope="col">Kind</th><th scope="col">URL</th><th scope="col">Receives</th>
                <th scope="col">Minimum severity</th><th scope="col">Rules</th><th scope="col">Repeat</th><th scope="col">State</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {channels.map((channel) => (
                <tr key={channel.id} aria-current={channel.id === selectedId ? 'true' : undefined}>
                  <td>{channel.name}</td>
                  <td>{channel.kind === 'slack' ? 'Slack' : 'Webhook'}</td>
                  <td className="mono">{channel.url_masked}</td>
                  <td>{channel.team_name ? `team ${channel.team_name}` : 'every alert'}</td>
                  <td>{channel.min_severity}</td>
                  <td>{channel.rule_ids.length === 0 ? 'every rule' : channel.rule_ids.join(', ')}</td>
                  <td>{repeatLabel(channel.repeat_interval_seconds)}</td>
                  <td>{channel.enabled ? <span className="badge ok">enabled</span> : <span className="badge warn">disabled</span>}</td>
                  <td className="actions">
                    <button type="button" className="secondary small" onClick={() => void sendTest(channel)} disabled={testing === channel.id}
                      aria-label={`Send test to ${channel.name}`}>{testing === channel.id ? 'Sending…' : 'Send test'}</button>{' '}
                    <button type="button" className="secondary small" onClick={() => select(channel.id)} aria-label={`Deliveries of ${channel.name}`}>Deliveries</button>{' '}
                    <button type="button" className="secondary small" onClick={() => setEditing(channel)} aria-label={`Edit ${channel.name}`}>Edit</button>{' '}
                    <button type="button" className="secondary small" onClick={() => void remove(channel)} aria-label={`Delete ${channel.name}`}>Delete</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected ? (
        <section className="card" aria-labelledby="deliveries-heading">
          <h2 id="deliveries-heading">Last deliveries to “{selected.name}”</h2>
          <p><button type="button" className="secondary small" onClick={() => void deliveries.mutate()}>Refresh</button></p>
          {deliveries.error ? (
            <div className="banner" role="alert">
              Deliveries could not be loaded: {(deliveries.error as Error).message}{' '}
              <button type="button" className="secondary small" onClick={() => void deliveries.mutate()}>Retry</button>
            </div>
          ) : <AlertChannelDeliveries channelName={selected.name} deliveries={deliveries.data?.deliveries ?? null} />}
        </section>
      ) : null}
    </>
  );
}
