// How the profile page says a person's notification rules and quiet hours in
// words: "High urgency: push to Pixel at once, SMS to Work phone after 2 min".

export type Urgency = 'HIGH' | 'LOW';
export type Kind = 'PUSH' | 'SMS' | 'VOICE' | 'EMAIL' | 'WEBHOOK';

export interface RuleLike {
  urgency: Urgency;
  delayMinutes: number;
  contactMethod: { kind: Kind; name: string };
}

/** How a sentence names each kind of contact method. */
export const kindWords: Record<Kind, string> = {
  PUSH: 'push',
  SMS: 'SMS',
  VOICE: 'call',
  EMAIL: 'email',
  WEBHOOK: 'webhook',
};

/** The labels of the kinds in lists and forms. */
export const kindLabels: Record<Kind, string> = {
  PUSH: 'Device (push)',
  SMS: 'SMS',
  VOICE: 'Voice call',
  EMAIL: 'Email',
  WEBHOOK: 'Webhook',
};

export const urgencyLabels: Record<Urgency, string> = { HIGH: 'High urgency', LOW: 'Low urgency' };

/** "at once", "after 1 min", "after 2 min", "after 1 h". */
export function delayWords(minutes: number): string {
  if (minutes <= 0) return 'at once';
  if (minutes % 60 === 0) return `after ${minutes / 60} h`;
  return `after ${minutes} min`;
}

/** One rule: "SMS to Work phone after 2 min". */
export function ruleWords(r: RuleLike): string {
  return `${kindWords[r.contactMethod.kind]} to ${r.contactMethod.name} ${delayWords(r.delayMinutes)}`;
}

/**
 * The rules of one urgency as one sentence, earliest first:
 * "High urgency: push to Pixel at once, SMS to Work phone after 2 min".
 * Without rules it says that nobody will reach the person.
 */
export function ruleSentence(urgency: Urgency, rules: RuleLike[]): string {
  const mine = rules.filter((r) => r.urgency === urgency).sort((a, b) => a.delayMinutes - b.delayMinutes);
  if (mine.length === 0) return `${urgencyLabels[urgency]}: you will not be notified. Add a rule below.`;
  return `${urgencyLabels[urgency]}: ${mine.map(ruleWords).join(', ')}`;
}

/** Minutes after midnight as "HH:MM" (for <input type="time">). */
export function minutesToTime(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "HH:MM" as minutes after midnight; undefined when it is not a time. */
export function timeToMinutes(t: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(t.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return h * 60 + min;
}

/** "Low-urgency pages wait between 22:00 and 07:00 (the next day)." or that there are none. */
export function quietHoursSentence(start: number | null | undefined, end: number | null | undefined): string {
  if (start == null || end == null) return 'No quiet hours: low-urgency pages reach you at any time.';
  const next = end < start ? ' the next day' : '';
  return `Low-urgency pages wait between ${minutesToTime(start)} and ${minutesToTime(end)}${next}; high urgency always comes through.`;
}
