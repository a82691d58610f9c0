/** One HTTP try's outcome: never the URL, the secret or the receiver's error text. */
export type ErrorKind = 'timeout' | 'connection' | 'invalid_url' | 'http_redirect' | 'http_4xx' | 'http_5xx';

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  /** Null on success. */
  errorKind: ErrorKind | null;
  durationMs: number;
}

/**
 * POSTs one message with a hard timeout, so a slow receiver costs at most `timeoutMs` of one
 * of its channel's slots and nothing else. The response body is read and thrown away (it keeps
 * the connection reusable) and never stored: receivers may echo what they were sent.
 */
export async function postMessage(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<AttemptOutcome> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  let target: URL;
  try {
    target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('scheme');
  } catch {
    return { ok: false, statusCode: null, errorKind: 'invalid_url', durationMs: 0 };
  }
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Lagboard-Notifier/1', ...headers },
      body,
      signal,
      redirect: 'manual',
    });
    await response.arrayBuffer().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    // Redirects are not followed: a receiver must be configured with its final URL.
    const errorKind: ErrorKind | null = ok ? null : response.status >= 500 ? 'http_5xx' : response.status >= 400 ? 'http_4xx' : 'http_redirect';
    return { ok, statusCode: response.status, errorKind, durationMs: elapsed() };
  } catch {
    return { ok: false, statusCode: null, errorKind: timeout.aborted ? 'timeout' : 'connection', durationMs: elapsed() };
  }
}
