/** The server's bound on a cadence: a week, in minutes (incident.MaxCadenceMinutes). */
export const MAX_CADENCE_MINUTES = 7 * 24 * 60;

/** A cadence in words: "every 30 min", "every 2 h", "no cadence". */
export function cadenceWords(minutes: number): string {
  if (minutes <= 0) return 'no cadence';
  if (minutes % 60 === 0) return `every ${minutes / 60} h`;
  if (minutes > 60) return `every ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `every ${minutes} min`;
}

/** What is wrong with a typed cadence, checked before the server does; undefined when fine. */
export function cadenceProblem(typed: string): string | undefined {
  if (!/^\d+$/.test(typed.trim())) return 'Type a whole number of minutes; 0 means no cadence.';
  const n = Number(typed);
  if (n > MAX_CADENCE_MINUTES) return `At most ${MAX_CADENCE_MINUTES} minutes (a week).`;
  return undefined;
}
