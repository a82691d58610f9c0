import { errorResponse } from '@/lib/api/errors';
import { readBodyText } from '@/lib/api/read-json-body';
import { checkSignIn } from './sign-in-guard';

const signInFormMaxBytes = 16_384;

/**
 * For `POST /api/auth/callback/credentials`: a 429 with Retry-After when the user name or the
 * client address is locked, else null (next-auth goes on). It reads a copy of the form, so
 * next-auth still gets the body. `url` is in the body because next-auth's signIn() reads it.
 */
export async function refuseThrottledSignIn(request: Request, segments: readonly string[]): Promise<Response | null> {
  if (request.method !== 'POST' || segments[0] !== 'callback' || segments[1] !== 'credentials') return null;
  const form = new URLSearchParams(await readBodyText(request.clone(), signInFormMaxBytes));
  const decision = checkSignIn(form.get('username') ?? '', request.headers);
  if (decision.allowed) return null;
  const retryAfterSeconds = Math.ceil(decision.retryAfterMs / 1_000);
  const response = errorResponse(429, 'too_many_requests', `Too many failed sign-in attempts; try again in ${retryAfterSeconds} s`, undefined, {
    'retry-after': String(retryAfterSeconds),
  });
  const body = (await response.json()) as Record<string, unknown>;
  const loginUrl = new URL('/login?error=TooManySignInAttempts', request.url).toString();
  return Response.json({ ...body, url: loginUrl }, { status: 429, headers: response.headers });
}
