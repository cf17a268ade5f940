import type { AlertStatus } from '../../gql/graphql';

interface Outcome {
  id: string;
  before: AlertStatus | undefined;
  after: AlertStatus;
  message: string;
}

const plural = (n: number) => (n === 1 ? '1 alert' : `${n} alerts`);

/**
 * What a bulk acknowledge or close did, in words. The server leaves alerts
 * that are already in (or past) that state as they are; say so instead of
 * pretending they changed.
 */
export function bulkOutcome(kind: 'acknowledge' | 'close', outcomes: Outcome[]): string {
  const target: AlertStatus = kind === 'acknowledge' ? 'ACKED' : 'CLOSED';
  const changed = outcomes.filter((o) => o.before !== o.after && o.after === target);
  const unchanged = outcomes.length - changed.length;
  const verb = kind === 'acknowledge' ? 'Acknowledged' : 'Closed';
  const what = changed.length === 1 ? `“${changed[0].message}”` : plural(changed.length);
  if (changed.length === 0) {
    return kind === 'acknowledge'
      ? `Nothing to acknowledge: ${outcomes.length === 1 ? 'it was' : 'they were'} already acknowledged or closed.`
      : `Nothing to close: ${outcomes.length === 1 ? 'it was' : 'they were'} already closed.`;
  }
  const rest = unchanged > 0 ? ` ${plural(unchanged)} ${unchanged === 1 ? 'was' : 'were'} already ${kind === 'acknowledge' ? 'acknowledged or closed' : 'closed'}.` : '';
  return `${verb} ${what}.${rest}`;
}
