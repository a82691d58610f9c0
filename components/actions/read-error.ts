/** The API's own message for a failed call, or the status when the body is not the error JSON. */
export async function readApiError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `Request failed (HTTP ${response.status})`;
}
