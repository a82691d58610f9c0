import type { NotificationFacts } from './alert-facts';
import { describeResource, resourcePath, resourceUrl } from './resource-link';

const headlineByKind = {
  firing: ':red_circle: FIRING',
  repeat: ':red_circle: STILL FIRING',
  resolved: ':large_green_circle: RESOLVED',
  test: ':information_source: TEST',
} as const;

/** Slack reads `<…>` as links and mentions and `&` as an entity: names and summaries are escaped. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function formatFigure(value: number, unit: string): string {
  const rounded = Number.isInteger(value) ? value.toString() : value.toFixed(2);
  if (unit === 'percent') return `${rounded} %`;
  if (unit === 'ratio') return `${(value * 100).toFixed(1)} %`;
  if (unit === 'seconds') return `${rounded} s`;
  return `${rounded} ${unit}`;
}

/**
 * A Slack-compatible incoming-webhook message (also read by Mattermost and Rocket.Chat): the
 * resource, the figure against its threshold, since when, the incident id and a link. `text` is
 * the whole message for clients that ignore blocks, and the notification preview.
 */
export function slackPayload(facts: NotificationFacts, publicBaseUrl: string | null) {
  const { alert } = facts;
  const resource = escapeText(describeResource(alert));
  const figure = `${formatFigure(facts.value, alert.unit)} (threshold ${formatFigure(alert.threshold, alert.unit)})`;
  const since = facts.kind === 'resolved'
    ? `Resolved at ${(alert.resolvedAt ?? facts.at).toISOString()}${alert.firingSince ? `, firing since ${alert.firingSince.toISOString()}` : ''}`
    : `Since ${(alert.firingSince ?? facts.at).toISOString()}`;
  const url = resourceUrl(alert, publicBaseUrl);
  const link = url !== null ? `<${url}|Open in Lagboard>` : `Lagboard page: ${resourcePath(alert)}`;
  const headline = `${headlineByKind[facts.kind]} [${alert.severity}] ${escapeText(alert.ruleId)} — ${resource}`;
  const details = [escapeText(alert.summary), `Value: ${escapeText(figure)}`, since, `Incident: ${escapeText(alert.id)}`, link];
  return {
    text: [headline, ...details].join('\n'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${headline}*` } },
      { type: 'section', text: { type: 'mrkdwn', text: details.join('\n') } },
    ],
  };
}
