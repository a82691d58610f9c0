import { z } from 'zod';
import type { ApiArea } from '../types';

export const systemArea: ApiArea = {
  name: 'System',
  description: 'Probes, Prometheus metrics and this description.',
  operations: [
    {
      method: 'get', path: '/api/health', role: 'public', summary: 'Liveness probe',
      description: 'For load balancers: needs no credentials and reveals nothing.',
      responses: { 200: { description: 'The process answers', schema: z.object({ status: z.literal('ok') }), example: { status: 'ok' } } },
    },
    {
      method: 'get', path: '/api/metrics', summary: 'Prometheus exposition',
      description: 'Text format 0.0.4: `event_consumer_lag{stream,consumer_group}` and the `lagboard_*` series.',
      responses: { 200: { description: 'Metrics', contentType: 'text/plain', example: 'event_consumer_lag{stream="events:chat",consumer_group="signalr-consumers"} 277' } },
    },
    {
      method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI 3.1 description',
      description: 'Generated from the zod schemas the routes validate with (lib/openapi).',
      responses: { 200: { description: 'OpenAPI document', schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) } },
    },
    {
      method: 'get', path: '/api/auth/{nextauth}', role: 'public', summary: 'next-auth endpoints (sign-in, session, sign-out)',
      description: "next-auth's own routes (`/api/auth/session`, `/api/auth/csrf`, `/api/auth/callback/credentials`, …); used by the sign-in page, not by scripts.",
      pathParameters: z.object({ nextauth: z.string().meta({ example: 'session' }) }),
      responses: { 200: { description: 'next-auth answer' } },
    },
    {
      method: 'post', path: '/api/auth/{nextauth}', role: 'public', summary: 'next-auth sign-in and sign-out',
      pathParameters: z.object({ nextauth: z.string().meta({ example: 'callback/credentials' }) }),
      responses: { 200: { description: 'next-auth answer' } },
    },
  ],
};
