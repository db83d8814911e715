// Roles, weakest first: a viewer reads; an editor also changes what belongs to their organisation; an admin
// also manages users. Each role can do everything the ones before it can.
import { fail } from '../../core/errors.ts';
import { ROLES, type Role } from '../../core/users/user-shapes.ts';

export { ROLES, type Role };

export function parseRole(text: string, parameter = 'role'): Role {
  const role = ROLES.find((r) => r === text.trim().toLowerCase());
  if (!role) {
    fail('FP_AUTH_BAD_ROLE', `There is no role ${JSON.stringify(text)}.`, {
      where: { parameter },
      received: text,
      accepted: ROLES.join(', '),
    });
  }
  return role;
}

/** Whether `role` includes the rights of `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
