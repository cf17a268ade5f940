import type { IntegrationKind } from '../../gql/graphql';

/** What each kind of door is for, in words an administrator picks from. */
export const integrationKinds: { kind: IntegrationKind; label: string; hint: string }[] = [
  { kind: 'OPSGENIE', label: 'Opsgenie API', hint: 'Anything that can send to Opsgenie: Alertmanager, Grafana, scripts, SDKs.' },
  { kind: 'ALERTMANAGER', label: 'Prometheus Alertmanager', hint: 'Alertmanager’s webhook receiver; resolved alerts close.' },
  { kind: 'GRAFANA', label: 'Grafana', hint: 'A Grafana webhook contact point.' },
  { kind: 'PAGERDUTY', label: 'PagerDuty Events v2', hint: 'Tools that send PagerDuty events (routing key).' },
  { kind: 'GENERIC', label: 'Generic JSON webhook', hint: 'Any JSON body, turned into an alert by your expressions.' },
  { kind: 'EMAIL', label: 'Email', hint: 'The subject becomes the message, the body the description.' },
  { kind: 'HEARTBEAT', label: 'Heartbeat pings', hint: 'Lets jobs ping this service’s heartbeats.' },
];

export const kindLabel = (kind: IntegrationKind) => integrationKinds.find((k) => k.kind === kind)?.label ?? kind;

/** Snippet tabs worth showing: a kind without an Alertmanager or Grafana config has an empty one. */
export function snippetTabs(snippets: { curl: string; alertmanager: string; grafana: string }) {
  return [
    { id: 'curl', label: 'curl', text: snippets.curl },
    { id: 'alertmanager', label: 'Alertmanager', text: snippets.alertmanager },
    { id: 'grafana', label: 'Grafana', text: snippets.grafana },
  ].filter((t) => t.text.trim() !== '');
}

/** "accepted", "rejected: …" from the last request, as a tone and words. */
export function lastResultTone(result: string): 'ok' | 'bad' | 'off' {
  if (!result) return 'off';
  return /^(ok|accepted|created|deduplicated|closed|acknowledged|2\d\d)/i.test(result) ? 'ok' : /(reject|error|fail|invalid|denied|limit|4\d\d|5\d\d)/i.test(result) ? 'bad' : 'ok';
}

export const mappingFields = [
  { key: 'message', label: 'Message', placeholder: 'body.title', required: true },
  { key: 'alias', label: 'Alias (dedupe key)', placeholder: 'body.id' },
  { key: 'priority', label: 'Priority', placeholder: 'body.level == "critical" ? "P1" : "P3"' },
  { key: 'description', label: 'Description', placeholder: 'body.text' },
  { key: 'tags', label: 'Tags', placeholder: 'body.labels' },
  { key: 'details', label: 'Details', placeholder: '{"host": body.host}' },
  { key: 'close', label: 'Close when', placeholder: 'body.state == "ok"' },
] as const;

/** The mapping to send: empty expressions left out. */
export function cleanMapping(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
}

/** Reads the pasted sample; says in words what is wrong with it. */
export function parseSample(text: string): { sample?: Record<string, unknown>; problem?: string } {
  if (!text.trim()) return { problem: 'Paste a JSON body your tool sends, to test the mapping on it.' };
  try {
    const v = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return { problem: 'The sample must be a JSON object, { … }.' };
    return { sample: v };
  } catch (e) {
    return { problem: `The sample is not valid JSON: ${(e as Error).message}` };
  }
}
