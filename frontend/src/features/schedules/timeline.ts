// The layout of a schedule's timeline: which span a view covers in a time
// zone, where its ticks fall, and where each shift's bar sits. Pure
// functions, so DST days and lane packing are unit-tested.

export type View = 'day' | 'week' | 'month';

export interface Span {
  start: Date;
  end: Date;
}

/** A bar on the timeline: offset and width in percent of the view. */
export interface Bar<T> extends Span {
  left: number;
  width: number;
  item: T;
  /** Which stacked lane the bar sits in (0 for rows that never overlap). */
  lane: number;
  /** The shift runs on past the view's start or end. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface Tick {
  at: Date;
  left: number;
  label: string;
  /** Midnight in the zone: drawn stronger. */
  major: boolean;
}

interface Civil {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 = Sunday
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of instant `d` in `timeZone`. */
export function civil(d: Date, timeZone: string): Civil {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    partsCache.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    weekday: weekdays.indexOf(p.weekday),
  };
}

/**
 * The first instant at which `timeZone`'s clock reads the given wall-clock
 * time or later (a time in a spring-forward gap moves to the gap's end, an
 * ambiguous one takes its first occurrence), as package oncall does.
 */
export function zoned(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const want = Date.UTC(year, month - 1, day, hour, minute);
  const readingAt = (t: number) => {
    const c = civil(new Date(t), timeZone);
    return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute);
  };
  // Offsets are within ±14 h: try the candidates, keep the earliest exact one.
  const candidates = new Set<number>();
  for (const guess of [want - 14 * 3600_000, want, want + 14 * 3600_000]) {
    candidates.add(want - (readingAt(guess) - guess));
  }
  const exact = [...candidates].filter((t) => readingAt(t) === want).sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]);
  // In a gap: the first minute after it whose reading is past the wanted time.
  let t = Math.min(...candidates);
  while (readingAt(t) < want) t += 60_000;
  return new Date(t);
}

/** The span a view shows around `anchor` in `timeZone`: a day, a Monday-to-Monday week, or a calendar month. */
export function viewSpan(view: View, anchor: Date, timeZone: string): Span {
  const c = civil(anchor, timeZone);
  if (view === 'day') {
    return { start: zoned(c.year, c.month, c.day, 0, 0, timeZone), end: zoned(c.year, c.month, c.day + 1, 0, 0, timeZone) };
  }
  if (view === 'week') {
    const back = (c.weekday + 6) % 7;
    return {
      start: zoned(c.year, c.month, c.day - back, 0, 0, timeZone),
      end: zoned(c.year, c.month, c.day - back + 7, 0, 0, timeZone),
    };
  }
  return { start: zoned(c.year, c.month, 1, 0, 0, timeZone), end: zoned(c.year, c.month + 1, 1, 0, 0, timeZone) };
}

/** The anchor one view earlier (-1) or later (+1). */
export function shiftView(view: View, anchor: Date, timeZone: string, by: -1 | 1): Date {
  const c = civil(anchor, timeZone);
  if (view === 'day') return zoned(c.year, c.month, c.day + by, 12, 0, timeZone);
  if (view === 'week') return zoned(c.year, c.month, c.day + 7 * by, 12, 0, timeZone);
  return zoned(c.year, c.month + by, 1, 12, 0, timeZone);
}

const pct = (t: number, span: Span) => ((t - span.start.getTime()) / (span.end.getTime() - span.start.getTime())) * 100;

/** Ticks of a view: every 3 hours of a day, every day of a week or month (labels on Mondays for a month). */
export function ticks(view: View, span: Span, timeZone: string): Tick[] {
  const out: Tick[] = [];
  const first = civil(span.start, timeZone);
  const dayLabel = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric' });
  for (let i = 0; ; i++) {
    let at: Date;
    let label: string;
    if (view === 'day') {
      at = zoned(first.year, first.month, first.day, 3 * i, 0, timeZone);
      const c = civil(at, timeZone);
      label = `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
    } else {
      at = zoned(first.year, first.month, first.day + i, 0, 0, timeZone);
      const c = civil(at, timeZone);
      label = view === 'week' || c.weekday === 1 || c.day === 1 ? dayLabel.format(at) : '';
    }
    if (at.getTime() >= span.end.getTime()) break;
    // Two readings may map to one instant on a DST night: keep the first.
    if (out.length > 0 && out[out.length - 1].at.getTime() >= at.getTime()) continue;
    const c = civil(at, timeZone);
    out.push({ at, left: pct(at.getTime(), span), label, major: c.hour === 0 && c.minute === 0 });
  }
  return out;
}

/**
 * Bars for items within a view, clipped to it; items that overlap are put
 * in separate lanes (first fit, in start order), so none hides another.
 */
export function layoutBars<T extends { start: string | Date; end: string | Date }>(items: T[], span: Span): { bars: Bar<T>[]; lanes: number } {
  const from = span.start.getTime();
  const to = span.end.getTime();
  const inView = items
    .map((item) => ({ item, s: new Date(item.start).getTime(), e: new Date(item.end).getTime() }))
    .filter(({ s, e }) => e > from && s < to && e > s)
    .sort((a, b) => a.s - b.s || a.e - b.e);
  const laneEnds: number[] = [];
  const bars = inView.map(({ item, s, e }) => {
    let lane = laneEnds.findIndex((end) => end <= s);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(e);
    } else {
      laneEnds[lane] = e;
    }
    const cs = Math.max(s, from);
    const ce = Math.min(e, to);
    return {
      item,
      start: new Date(s),
      end: new Date(e),
      left: pct(cs, span),
      width: pct(ce, span) - pct(cs, span),
      lane,
      clippedStart: s < from,
      clippedEnd: e > to,
    };
  });
  return { bars, lanes: Math.max(1, laneEnds.length) };
}

/** A stable colour slot (0–7) for a person, so they keep one colour across rows. */
export function colourSlot(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 8;
}

/** "HH:MM" for an input of type time, and "YYYY-MM-DDTHH:MM" for datetime-local, in `timeZone`. */
export function toLocalInput(d: Date, timeZone: string): string {
  const c = civil(d, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${c.year}-${p(c.month)}-${p(c.day)}T${p(c.hour)}:${p(c.minute)}`;
}

/** Reads a datetime-local value as wall-clock time in `timeZone`. */
export function fromLocalInput(value: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return undefined;
  return zoned(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), timeZone);
}

/** What the timeline needs of a cover request. */
export interface CoverLike {
  startsAt: string;
  endsAt: string;
  status: string;
  requester: { id: string; name: string };
}

/**
 * The open cover requests as bars of their own timeline row, so everyone
 * looking at the schedule sees which shifts need someone; undefined when
 * none is open.
 */
export function coverBars(requests: readonly CoverLike[]) {
  const open = requests.filter((r) => r.status === 'OPEN');
  if (open.length === 0) return undefined;
  return open.map((r) => ({ start: r.startsAt, end: r.endsAt, users: [r.requester], note: 'needs cover' }));
}
