import { badRequest } from '@/lib/api/errors';

/**
 * Two admins creating the same team name at once both pass the "name free" check; the unique
 * index stops the second, and this turns Prisma's P2002 into the same 400 the check gives.
 */
export function rethrowNameConflict(name: string) {
  return (error: unknown): never => {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002') {
      throw badRequest(`A team named "${name}" already exists`);
    }
    throw error;
  };
}
