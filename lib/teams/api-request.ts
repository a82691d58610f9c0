/**
 * For the settings pages' client components: one JSON request against the app's own API, with
 * the API's error message (never a stack) when it fails. No server imports: runs in the browser.
 */
export type ApiResult<Data> = { ok: true; data: Data } | { ok: false; message: string };

export async function requestJson<Data>(url: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<Data>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return { ok: false, message: 'The server could not be reached' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as Data };
  const error = (body as { error?: { message?: string; details?: Array<{ parameter?: string; problem?: string }> | unknown } } | null)?.error;
  const details = Array.isArray(error?.details)
    ? error.details.map((detail: { parameter?: string; problem?: string }) => `${detail.parameter ?? ''}: ${detail.problem ?? ''}`).join('; ')
    : '';
  return { ok: false, message: `${error?.message ?? `Request failed (HTTP ${response.status})`}${details ? ` — ${details}` : ''}` };
}
