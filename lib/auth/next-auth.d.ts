import type { Role } from '@/lib/auth/roles';

// What lib/auth/options.ts puts into the JWT and the session, so callers get typed fields.
declare module 'next-auth' {
  interface User {
    id: string;
    name: string;
    role: Role;
  }

  interface Session {
    user: {
      id: string;
      /** The username. */
      name: string;
      role: Role;
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    id: string;
    name: string;
    role: Role;
    /** When the user was last re-read from the database (ms since the epoch). */
    checkedAt: number;
  }
}
