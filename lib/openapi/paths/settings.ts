import { removedResponseSchema } from '@/lib/api/api-schemas';
import { createTokenBody, preferencesResponseSchema, tokenCreatedResponseSchema, tokenIdParameters, tokenListResponseSchema } from '@/lib/auth/api-schemas';
import { userPreferencesInput } from '@/lib/auth/user-preferences';
import { shareLinkBodySchema, shareLinkCreatedResponseSchema, shareLinkIdParameters, shareLinkListResponseSchema } from '@/lib/share/api-schemas';
import {
  createTeamBodySchema, teamExportQuery, teamExportResponseSchema, teamFileSchema, teamIdParameters, teamImportQuery, teamImportResponseSchema,
  teamListResponseSchema, teamResponseSchema, updateTeamBodySchema,
} from '@/lib/teams/api-schemas';
import type { ApiArea } from '../types';

export const settingsArea: ApiArea = {
  name: 'Settings',
  description: 'API tokens, your preferences, teams and share links.',
  operations: [
    { method: 'get', path: '/api/v1/tokens', summary: 'Your API tokens', responses: { 200: { description: 'Tokens (never their hash)', schema: tokenListResponseSchema } } },
    {
      method: 'post', path: '/api/v1/tokens', summary: 'Create an API token', body: createTokenBody, bodyExample: { name: 'prometheus' },
      responses: { 201: { description: 'The plain token, shown once', schema: tokenCreatedResponseSchema } },
    },
    {
      method: 'delete', path: '/api/v1/tokens/{token_id}', summary: 'Revoke an API token', pathParameters: tokenIdParameters,
      responses: { 200: { description: 'Revoked', schema: removedResponseSchema('revoked') } },
    },
    { method: 'get', path: '/api/v1/me/preferences', summary: 'Your preferences', responses: { 200: { description: 'Preferences', schema: preferencesResponseSchema } } },
    {
      method: 'put', path: '/api/v1/me/preferences', summary: 'Change your preferences', body: userPreferencesInput, bodyExample: { refresh_interval_seconds: 30 },
      responses: { 200: { description: 'Saved preferences', schema: preferencesResponseSchema } },
    },
    { method: 'get', path: '/api/v1/teams', summary: 'Teams (admins: all; others: their own)', responses: { 200: { description: 'Teams', schema: teamListResponseSchema } } },
    {
      method: 'post', path: '/api/v1/teams', role: 'admin', summary: 'Create a team', body: createTeamBodySchema,
      bodyExample: { name: 'payments', members: ['alice'], patterns: [{ kind: 'kafka_group', pattern: 'payments-*' }], thresholds: { slo_threshold_p95_lag: 250 } },
      responses: { 201: { description: 'The team', schema: teamResponseSchema } },
    },
    { method: 'get', path: '/api/v1/teams/{team_id}', summary: 'One team', pathParameters: teamIdParameters, responses: { 200: { description: 'The team', schema: teamResponseSchema } } },
    {
      method: 'patch', path: '/api/v1/teams/{team_id}', role: 'admin', summary: 'Change a team', pathParameters: teamIdParameters, body: updateTeamBodySchema,
      responses: { 200: { description: 'The team', schema: teamResponseSchema } },
    },
    {
      method: 'delete', path: '/api/v1/teams/{team_id}', role: 'admin', summary: 'Delete a team', pathParameters: teamIdParameters,
      responses: { 200: { description: 'Deleted', schema: removedResponseSchema('deleted') } },
    },
    {
      method: 'post', path: '/api/v1/teams/import', role: 'admin', summary: 'Import teams from a file', query: teamImportQuery, body: teamFileSchema,
      responses: { 200: { description: 'What changed (or would, with dry_run)', schema: teamImportResponseSchema } },
    },
    {
      method: 'get', path: '/api/v1/teams/export', role: 'admin', summary: 'Export every team in the import format', query: teamExportQuery,
      responses: { 200: { description: 'Team file', schema: teamExportResponseSchema } },
    },
    { method: 'get', path: '/api/v1/share-links', summary: 'Your share links (admins: all)', responses: { 200: { description: 'Links', schema: shareLinkListResponseSchema } } },
    {
      method: 'post', path: '/api/v1/share-links', role: 'operator', summary: 'Create a signed, expiring link to one chart', body: shareLinkBodySchema,
      bodyExample: { kind: 'kafka_group', cluster_id: 'local', name: 'fraud-scoring-slow', range: '6h', series: ['total_lag'], expires_in_days: 7 },
      responses: { 201: { description: 'The link', schema: shareLinkCreatedResponseSchema } },
    },
    {
      method: 'delete', path: '/api/v1/share-links/{share_link_id}', summary: 'Revoke a share link', pathParameters: shareLinkIdParameters,
      responses: { 200: { description: 'Revoked', schema: removedResponseSchema('revoked') } },
    },
  ],
};
