/**
 * A channel URL shown back to people: scheme and host, then the last 4 characters, e.g.
 * `https://hooks.slack.com/…x9Qz`. Slack URLs carry their token in the path, and webhook
 * URLs often carry one in the query, so neither is ever shown in full.
 */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…${url.slice(-4)}`;
  } catch {
    return `…${url.slice(-4)}`;
  }
}

/** A secret is only ever shown as its last 4 characters. */
export function maskSecret(secret: string | null): string | null {
  if (secret === null || secret === '') return null;
  return `…${secret.slice(-4)}`;
}
