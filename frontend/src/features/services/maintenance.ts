interface WindowLike {
  startsAt: string;
  endsAt: string;
}

export type Phase = 'active' | 'upcoming' | 'past';

export function phaseOf(w: WindowLike, now: Date): Phase {
  const t = now.getTime();
  if (new Date(w.endsAt).getTime() <= t) return 'past';
  if (new Date(w.startsAt).getTime() > t) return 'upcoming';
  return 'active';
}

/** Active first, then upcoming soonest first, then past newest first. */
export function groupWindows<T extends WindowLike>(list: T[], now: Date): Record<Phase, T[]> {
  const out: Record<Phase, T[]> = { active: [], upcoming: [], past: [] };
  for (const w of list) out[phaseOf(w, now)].push(w);
  out.upcoming.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  out.past.sort((a, b) => b.endsAt.localeCompare(a.endsAt));
  out.active.sort((a, b) => a.endsAt.localeCompare(b.endsAt));
  return out;
}

/** Says what is wrong with a start and end, or nothing. */
export function windowProblem(startsAt: Date, endsAt: Date, now: Date): string | undefined {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) return 'Enter both a start and an end.';
  if (endsAt <= startsAt) return 'The end must be after the start.';
  if (endsAt <= now) return 'This window would already be over; pick an end in the future.';
  return undefined;
}
