import { actionsArea } from './paths/actions';
import { alertsArea } from './paths/alerts';
import { historyArea } from './paths/history';
import { kafkaArea } from './paths/kafka';
import { notificationsArea } from './paths/notifications';
import { redisArea } from './paths/redis';
import { settingsArea } from './paths/settings';
import { systemArea } from './paths/system';
import type { ApiArea } from './types';

/**
 * Every area of the API, in the order the reference page shows them.
 *
 * To add a route: export its zod schemas (path, query, body, response) from its area's
 * `lib/<area>/api-schemas.ts`, parse the request with those objects in the route handler, and
 * list the operation in the area's `lib/openapi/paths/<area>.ts`. A new area is one new file in
 * `lib/openapi/paths/` plus one line here. `tests/integration/openapi.test.ts` fails while any
 * `app/api/**\/route.ts` has no path in the description.
 */
export const apiAreas: readonly ApiArea[] = [
  kafkaArea, redisArea, historyArea, alertsArea, notificationsArea, actionsArea, settingsArea, systemArea,
];
