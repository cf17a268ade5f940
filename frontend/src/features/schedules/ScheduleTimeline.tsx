import { colourSlot, layoutBars, ticks, type Span, type View } from './timeline';

export interface TimelineItem {
  start: string;
  end: string;
  users: { id: string; name: string }[];
  /** Extra words for the bar, e.g. "replaces Ada". */
  note?: string;
}

export interface TimelineRow {
  key: string;
  label: string;
  items: TimelineItem[];
  testId: string;
}

interface ScheduleTimelineProps {
  view: View;
  span: Span;
  timeZone: string;
  now: Date;
  rows: TimelineRow[];
  /** Called with a shift of the final schedule, to override it; absent for read-only viewers. */
  onPick?: (item: TimelineItem) => void;
}

const LANE_PX = 36;

/** Who is on call across the view: the final schedule, each layer, and the overrides, on one time axis. */
export function ScheduleTimeline({ view, span, timeZone, now, rows, onPick }: ScheduleTimelineProps) {
  const axis = ticks(view, span, timeZone);
  const fmt = new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  const nowLeft = ((now.getTime() - span.start.getTime()) / (span.end.getTime() - span.start.getTime())) * 100;
  const showNow = nowLeft >= 0 && nowLeft <= 100;

  return (
    <div className="timeline" data-testid="schedule-timeline">
      <div className="tl-row tl-axis" aria-hidden="true">
        <div className="tl-label" />
        <div className="tl-track">
          {axis.map((t) => (
            <span key={t.at.toISOString()} className={t.major ? 'tl-tick tl-tick-major' : 'tl-tick'} style={{ left: `${t.left}%` }}>
              {t.label}
            </span>
          ))}
        </div>
      </div>
      {rows.map((row) => {
        const { bars, lanes } = layoutBars(row.items, span);
        return (
          <div key={row.key} className="tl-row" data-testid={row.testId}>
            <div className="tl-label">{row.label}</div>
            <div className="tl-track" style={{ height: `${lanes * LANE_PX}px` }} role="list" aria-label={`${row.label}, ${view} of ${fmt.format(span.start)}`}>
              {axis.map((t) => (
                <span key={t.at.toISOString()} className={t.major ? 'tl-grid tl-grid-major' : 'tl-grid'} style={{ left: `${t.left}%` }} aria-hidden="true" />
              ))}
              {showNow && <span className="tl-now" style={{ left: `${nowLeft}%` }} aria-hidden="true" />}
              {bars.length === 0 && <span className="tl-empty">nobody on call</span>}
              {bars.map((b) => {
                const who = b.item.users.map((u) => u.name).join(' + ') || 'nobody';
                const text = b.item.note ? `${who} (${b.item.note})` : who;
                const title = `${text}: ${fmt.format(b.start)} – ${fmt.format(b.end)}`;
                const style = { left: `${b.left}%`, width: `${b.width}%`, top: `${b.lane * LANE_PX + 2}px` };
                const cls = `tl-bar slot-${colourSlot(b.item.users[0]?.id ?? '')}${b.clippedStart ? ' tl-clip-start' : ''}${b.clippedEnd ? ' tl-clip-end' : ''}`;
                return onPick ? (
                  <button key={`${b.start.toISOString()}-${b.lane}`} type="button" role="listitem" className={cls} style={style} title={`${title}. Select to override.`} aria-label={title} data-testid="shift-bar" onClick={() => onPick(b.item)}>
                    {text}
                  </button>
                ) : (
                  <span key={`${b.start.toISOString()}-${b.lane}`} role="listitem" className={cls} style={style} title={title} aria-label={title} data-testid="shift-bar">
                    {text}
                  </span>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
