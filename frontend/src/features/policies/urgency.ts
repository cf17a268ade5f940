// Which alert priorities page at high urgency on a service: up to and
// including its cut (package escalation's UrgencyOf).

import type { ServiceHighUrgencyUpTo } from '../../gql/graphql';

export const priorities: ServiceHighUrgencyUpTo[] = ['P1', 'P2', 'P3', 'P4', 'P5'];

/** "P1 and P2 page at high urgency; P3–P5 at low urgency." */
export function urgencyWords(cut: ServiceHighUrgencyUpTo): string {
  const i = priorities.indexOf(cut);
  const high = priorities.slice(0, i + 1);
  const low = priorities.slice(i + 1);
  const range = (ps: ServiceHighUrgencyUpTo[]) => (ps.length === 1 ? ps[0] : ps.length === 2 ? `${ps[0]} and ${ps[1]}` : `${ps[0]}–${ps[ps.length - 1]}`);
  const page = high.length === 1 ? 'pages' : 'page';
  if (low.length === 0) return 'Every priority (P1–P5) pages at high urgency.';
  return `${range(high)} ${page} at high urgency; ${range(low)} at low urgency.`;
}
