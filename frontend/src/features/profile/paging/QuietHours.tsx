import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { SetQuietHoursMutation } from './documents';
import { minutesToTime, quietHoursSentence, timeToMinutes } from './ruleSentence';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FormProblem } from '../../../ui/Form';

/** Daily quiet hours in the viewer's time zone: low-urgency pages wait until they end. */
export function QuietHours({ start, end, timeZone }: { start?: number | null; end?: number | null; timeZone: string }) {
  const [from, setFrom] = useState(start != null ? minutesToTime(start) : '22:00');
  const [to, setTo] = useState(end != null ? minutesToTime(end) : '07:00');
  const [problem, setProblem] = useState<string>();
  const [state, save] = useMutation(SetQuietHoursMutation);
  const saved = state.data?.setQuietHours;
  const current = saved ? [saved.quietHoursStart, saved.quietHoursEnd] : [start, end];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const s = timeToMinutes(from);
    const t = timeToMinutes(to);
    if (s === undefined || t === undefined) return setProblem('Enter both times as HH:MM.');
    if (s === t) return setProblem('Start and end must differ; use “Turn off” for no quiet hours.');
    setProblem(undefined);
    await save({ start: s, end: t });
  }

  return (
    <form onSubmit={submit} className="stack card" aria-labelledby="quiet-heading">
      <h2 id="quiet-heading">Quiet hours</h2>
      <p className="muted" data-testid="quiet-sentence">
        {quietHoursSentence(current[0], current[1])} Times are in {timeZone}.
      </p>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="quiet-from">From</label>
          <input id="quiet-from" type="time" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="quiet-to">Until (next day if earlier)</label>
          <input id="quiet-to" type="time" required value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary" disabled={state.fetching}>
          Save quiet hours
        </button>
        {current[0] != null && (
          <button type="button" className="button" disabled={state.fetching} onClick={() => save({ start: null, end: null })}>
            Turn off
          </button>
        )}
      </div>
      <FormProblem message={problem} />
      {state.error && <ErrorNotice error={state.error} />}
    </form>
  );
}
