import type { ApiTokenRecord } from '@/lib/auth/api-tokens';

/** The public view of a token: never its hash. */
export function toTokenJson(record: ApiTokenRecord) {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    created_at: record.createdAt.toISOString(),
    last_used_at: record.lastUsedAt?.toISOString() ?? null,
    revoked_at: record.revokedAt?.toISOString() ?? null,
    expires_at: record.expiresAt?.toISOString() ?? null,
  };
}

export type ApiTokenJson = ReturnType<typeof toTokenJson>;
