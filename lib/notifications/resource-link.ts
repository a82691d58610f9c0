import type { AlertFacts } from './alert-facts';

/** What the alert is about, in words: "group orders on cluster local", "stream events:chat". */
export function describeResource(alert: Pick<AlertFacts, 'clusterId' | 'groupId' | 'topic' | 'stream' | 'source'>): string {
  if (alert.stream !== null) return alert.groupId !== null ? `group ${alert.groupId} on stream ${alert.stream}` : `stream ${alert.stream}`;
  const cluster = alert.clusterId !== null ? ` on cluster ${alert.clusterId}` : '';
  if (alert.groupId !== null) return `group ${alert.groupId}${cluster}`;
  if (alert.topic !== null) return `topic ${alert.topic}${cluster}`;
  return alert.source;
}

/** The dashboard page that shows the alert's resource. */
export function resourcePath(alert: Pick<AlertFacts, 'clusterId' | 'groupId' | 'topic' | 'stream'>): string {
  if (alert.stream !== null) return `/streams/${encodeURIComponent(alert.stream)}`;
  if (alert.clusterId !== null && alert.groupId !== null) {
    return `/clusters/${encodeURIComponent(alert.clusterId)}/groups/${encodeURIComponent(alert.groupId)}`;
  }
  if (alert.clusterId !== null && alert.topic !== null) {
    return `/clusters/${encodeURIComponent(alert.clusterId)}/topics/${encodeURIComponent(alert.topic)}`;
  }
  if (alert.clusterId !== null) return `/clusters/${encodeURIComponent(alert.clusterId)}/groups`;
  return '/';
}

/** An absolute link when the public URL is known (LAGBOARD_PUBLIC_URL or NEXTAUTH_URL), else null. */
export function resourceUrl(alert: Pick<AlertFacts, 'clusterId' | 'groupId' | 'topic' | 'stream'>, publicBaseUrl: string | null): string | null {
  return publicBaseUrl === null ? null : `${publicBaseUrl}${resourcePath(alert)}`;
}
