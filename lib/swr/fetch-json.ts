/** SWR fetcher: JSON on success; on failure an Error carrying the API's own message. */
export async function fetchJson<Payload>(url: string): Promise<Payload> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error(body?.error?.message ?? `Request failed (HTTP ${response.status})`);
  }
  return (await response.json()) as Payload;
}
