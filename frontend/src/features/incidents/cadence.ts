import { formatDuration } from '../../time/format';

export interface Due {
  /** "Next update due in 12 min", "Update overdue by 5 min", or "No update due". */
  text: string;
  overdue: boolean;
}

/** What the incident owes stakeholders, as a countdown from now. */
export function nextUpdate(nextUpdateDueAt: string | null | undefined, now: Date): Due {
  if (!nextUpdateDueAt) return { text: 'No update due', overdue: false };
  const ms = Date.parse(nextUpdateDueAt) - now.getTime();
  if (ms < 0) return { text: `Update overdue by ${formatDuration(-ms)}`, overdue: true };
  return { text: `Next update due in ${formatDuration(ms)}`, overdue: false };
}
