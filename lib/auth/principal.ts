import type { Role } from '@/lib/auth/roles';

export type { Role };

/** Who is calling: a signed-in browser session or a script holding an API token. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  via: 'session' | 'token';
}
