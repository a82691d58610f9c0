import type { Role as DatabaseRole } from '@/lib/generated/prisma/enums';

/** Lowest to highest: each role may do everything the ones before it may. */
export const roles = ['viewer', 'operator', 'admin'] as const;

export type Role = (typeof roles)[number];

// Fails to compile when the Prisma enum and this list drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rolesMatchDatabase: Same<Role, DatabaseRole> = true;
void rolesMatchDatabase;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function hasRole(userRole: Role, required: Role): boolean {
  return roles.indexOf(userRole) >= roles.indexOf(required);
}
