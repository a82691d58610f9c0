import type { AlertChannelJson } from '@/lib/notifications/api-schemas';

/** What a failed request said: the message and, for invalid input, a problem per field. */
export interface RequestProblem {
  message: string;
  fields: Record<string, string>;
}

export async function readProblem(response: Response): Promise<RequestProblem> {
  const body = (await response.json().catch(() => null)) as
    | { error?: { message?: string; details?: { parameter?: string; problem?: string }[] } }
    | null;
  const fields: Record<string, string> = {};
  for (const detail of body?.error?.details ?? []) {
    if (detail.parameter && detail.problem) fields[detail.parameter] = detail.problem;
  }
  return { message: body?.error?.message ?? `Request failed (HTTP ${response.status})`, fields };
}

export async function saveChannel(channel: AlertChannelJson | null, body: Record<string, unknown>) {
  const response = await fetch(channel ? `/api/v1/alert-channels/${encodeURIComponent(channel.id)}` : '/api/v1/alert-channels', {
    method: channel ? 'PATCH' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) return { ok: false as const, problem: await readProblem(response) };
  return { ok: true as const, channel: (await response.json()) as AlertChannelJson };
}
