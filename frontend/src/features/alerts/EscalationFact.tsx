import { useEffect } from 'react';
import type { EscalationPageFragment, EscalationProgressFragment } from '../../gql/graphql';
import { formatAbsolute } from '../../time/format';
import { useNow } from '../../time/useNow';
import { RelativeTime } from '../../ui/RelativeTime';
import { countdown, nextChange, nextWords, pageWords, positionWords, stateWords, unreachableWords } from './escalation';

interface EscalationFactProps {
  progress: EscalationProgressFragment;
  timeZone: string;
  /** Called shortly after a step or a planned page falls due, to read what it did. */
  onDue: () => void;
}

/** How many planned pages are listed before "and N more". */
const SHOWN = 3;

/**
 * The alert's escalation in a few lines: where the policy is, who the next
 * step pages and when (a live countdown), the pages still planned, or why
 * paging stopped.
 */
export function EscalationFact({ progress: p, timeZone, onDue }: EscalationFactProps) {
  const now = useNow(1000);
  useRefreshAt(nextChange(p), onDue);
  const stopped = stateWords(p);
  const paused = p.state === 'SNOOZED' && p.snoozedUntil;
  return (
    <div className="fact" data-testid="escalation-progress">
      <dt>Escalation</dt>
      <dd>
        {paused ? (
          <span>
            Snoozed until {formatAbsolute(new Date(p.snoozedUntil as string), timeZone)} (
            <RelativeTime value={p.snoozedUntil as string} now={now} timeZone={timeZone} />)
          </span>
        ) : stopped ? (
          <strong className={p.state === 'EXHAUSTED' || p.state === 'MAINTENANCE' ? 'fact-warn' : undefined}>{stopped}</strong>
        ) : (
          <span>{positionWords(p)}</span>
        )}
        {/* Stopped is one line: on a phone the primary action stays above the fold. */}
        {(paused || p.state === 'KEEP_PAGING') && <span className="fact-sub">{positionWords(p)}</span>}
        {p.next && (
          <span className="fact-sub">
            {nextWords(p.next, p.round)} <Countdown at={p.next.dueAt} now={now} timeZone={timeZone} />
          </span>
        )}
        {p.next && p.next.unreachable.length > 0 && <span className="fact-sub fact-warn">{unreachableWords(p.next.unreachable)}</span>}
        {p.planned.length > 0 && (
          <span className="fact-sub">
            Planned:{' '}
            {p.planned.slice(0, SHOWN).map((pg, i) => (
              <PlannedPage key={i} page={pg} now={now} timeZone={timeZone} last={i === Math.min(p.planned.length, SHOWN) - 1} />
            ))}
            {p.planned.length > SHOWN && ` and ${p.planned.length - SHOWN} more`}
          </span>
        )}
      </dd>
    </div>
  );
}

function PlannedPage({ page, now, timeZone, last }: { page: EscalationPageFragment; now: Date; timeZone: string; last: boolean }) {
  return (
    <>
      {pageWords(page)}
      {page.user && page.contactMethodName ? ` (${page.contactMethodName})` : ''} <Countdown at={page.at} now={now} timeZone={timeZone} />
      {last ? '' : '; '}
    </>
  );
}

/** "in 1 min 30 s", ticking; the absolute time on hover and focus. */
function Countdown({ at, now, timeZone }: { at: string; now: Date; timeZone: string }) {
  const absolute = formatAbsolute(new Date(at), timeZone);
  return (
    <time className="reltime" dateTime={at} title={absolute} data-tooltip={absolute} tabIndex={0}>
      {countdown(at, now)}
    </time>
  );
}

/**
 * Calls fn 2 s after `at` (the engine has fired the step by then), then every
 * 5 s until that moment is a minute past (a busy worker may be late);
 * nothing for times hours away. A new `at` starts over.
 */
function useRefreshAt(at: number | undefined, fn: () => void) {
  useEffect(() => {
    if (at === undefined) return;
    let id = 0;
    const schedule = () => {
      const wait = at + 2000 - Date.now();
      if (wait > 6 * 3600_000 || wait < -60_000) return;
      id = window.setTimeout(
        () => {
          fn();
          schedule();
        },
        wait > 0 ? wait : 5000,
      );
    };
    schedule();
    return () => window.clearTimeout(id);
  }, [at, fn]);
}
