import { describe, expect, it } from 'vitest';
import { hasRole, isRole, roles } from './roles';

describe('hasRole', () => {
  // Rows: the user's role; columns: the role required, in order viewer, operator, admin.
  const expected: Record<(typeof roles)[number], [boolean, boolean, boolean]> = {
    viewer: [true, false, false],
    operator: [true, true, false],
    admin: [true, true, true],
  };

  it.each(roles)('%s may do what the roles up to it may, no more', (userRole) => {
    expect(roles.map((required) => hasRole(userRole, required))).toEqual(expected[userRole]);
  });
});

describe('isRole', () => {
  it('accepts the three roles and nothing else', () => {
    expect(roles.every(isRole)).toBe(true);
    expect(['Admin', 'root', '', null, 1].some(isRole)).toBe(false);
  });
});
