import {
  alertChannelDeletedJsonSchema, alertChannelIdParamsSchema, alertChannelJsonSchema, alertChannelListJsonSchema, alertChannelTestJsonSchema,
  alertDeliveriesQuerySchema, alertDeliveryListJsonSchema, createAlertChannelBodySchema, updateAlertChannelBodySchema,
} from '@/lib/notifications/api-schemas';
import type { ApiArea } from '../types';

export const notificationsArea: ApiArea = {
  name: 'Alert channels',
  description: 'Webhook and Slack channels that receive firing, resolved and repeat notifications, with their delivery history. Admins only: channels hold receiver URLs and signing secrets, which answers show masked.',
  operations: [
    {
      method: 'get', path: '/api/v1/alert-channels', role: 'admin', summary: 'Every channel (URLs and secrets masked)',
      responses: { 200: { description: 'Channels', schema: alertChannelListJsonSchema } },
    },
    {
      method: 'post', path: '/api/v1/alert-channels', role: 'admin', summary: 'Create a channel', body: createAlertChannelBodySchema,
      description: 'A webhook channel needs a secret of at least 16 characters to sign its requests; Slack channels ignore it.',
      bodyExample: { name: 'payments on-call', kind: 'webhook', url: 'https://hooks.example.com/lagboard', secret: 'a-signing-secret-of-32-characters', team_id: null, min_severity: 'warning', rule_ids: [], repeat_interval_seconds: 3600 },
      responses: { 201: { description: 'The channel', schema: alertChannelJsonSchema } },
    },
    {
      method: 'get', path: '/api/v1/alert-channels/{channel_id}', role: 'admin', summary: 'One channel', pathParameters: alertChannelIdParamsSchema,
      responses: { 200: { description: 'The channel', schema: alertChannelJsonSchema } },
    },
    {
      method: 'patch', path: '/api/v1/alert-channels/{channel_id}', role: 'admin', summary: 'Change a channel',
      description: '`secret` left out keeps the stored one; `null` removes it (Slack channels only).',
      pathParameters: alertChannelIdParamsSchema, body: updateAlertChannelBodySchema, bodyExample: { enabled: false },
      responses: { 200: { description: 'The channel', schema: alertChannelJsonSchema } },
    },
    {
      method: 'delete', path: '/api/v1/alert-channels/{channel_id}', role: 'admin', summary: 'Delete a channel', pathParameters: alertChannelIdParamsSchema,
      responses: { 200: { description: 'Deleted', schema: alertChannelDeletedJsonSchema } },
    },
    {
      method: 'get', path: '/api/v1/alert-channels/{channel_id}/deliveries', role: 'admin', summary: "A channel's deliveries, newest first, with every try",
      pathParameters: alertChannelIdParamsSchema, query: alertDeliveriesQuerySchema,
      responses: { 200: { description: 'Deliveries (status codes, times and error kinds; never the URL or secret)', schema: alertDeliveryListJsonSchema } },
    },
    {
      method: 'post', path: '/api/v1/alert-channels/{channel_id}/test', role: 'admin', summary: 'Send one test message now',
      description: "A receiver's failure is a result (`ok: false` with the try), not an API error.",
      pathParameters: alertChannelIdParamsSchema,
      responses: { 200: { description: 'The outcome of the try', schema: alertChannelTestJsonSchema } },
    },
  ],
};
