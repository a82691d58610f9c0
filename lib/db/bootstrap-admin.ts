import { Prisma } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import type { DatabaseClient } from './create-client';

export type BootstrapOutcome = 'created' | 'exists' | 'not-configured';

/**
 * Creates the first admin from LAGBOARD_ADMIN_USER / LAGBOARD_ADMIN_PASSWORD when no user of
 * that name exists. An existing user is never touched, so changing the variable later does
 * not silently reset a password someone has since changed.
 */
export async function bootstrapAdmin(
  prisma: DatabaseClient,
  admin: { adminUser: string | null; adminPassword: string | null },
): Promise<BootstrapOutcome> {
  const { adminUser, adminPassword } = admin;
  if (!adminUser || !adminPassword) return 'not-configured';
  if (await prisma.user.findUnique({ where: { username: adminUser }, select: { id: true } })) return 'exists';
  try {
    await prisma.user.create({
      data: { username: adminUser, passwordHash: await hashPassword(adminPassword), role: 'admin' },
    });
    return 'created';
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 'exists';
    throw error;
  }
}
