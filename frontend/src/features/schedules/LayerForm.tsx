import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateScheduleLayerMutation } from './documents';
import { fromLocalInput, toLocalInput } from './timeline';
import type { ScheduleLayerShiftUnit, Weekday } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions, FormProblem } from '../../ui/Form';

const weekdays: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const cap = (s: string) => s[0] + s.slice(1).toLowerCase();

interface LayerFormProps {
  scheduleID: string;
  timeZone: string;
  members: { id: string; name: string }[];
  onDone: (saved: boolean) => void;
}

/** A new rotation: who takes turns, in which order, how long each turn lasts and when it hands off. */
export function LayerForm({ scheduleID, timeZone, members, onDone }: LayerFormProps) {
  const [name, setName] = useState('Primary');
  const [order, setOrder] = useState<string[]>([]);
  const [length, setLength] = useState('1');
  const [unit, setUnit] = useState<ScheduleLayerShiftUnit>('WEEKS');
  const [start, setStart] = useState(() => toLocalInput(new Date(), timeZone).slice(0, 10) + 'T09:00');
  const [handoff, setHandoff] = useState('09:00');
  const [day, setDay] = useState<Weekday>('MONDAY');
  const [restricted, setRestricted] = useState(false);
  const [days, setDays] = useState<Weekday[]>(weekdays.slice(0, 5));
  const [windowFrom, setWindowFrom] = useState('09:00');
  const [windowTo, setWindowTo] = useState('17:00');
  const [problem, setProblem] = useState<string>();
  const [state, create] = useMutation(CreateScheduleLayerMutation);

  function toggle(id: string) {
    setOrder((o) => (o.includes(id) ? o.filter((x) => x !== id) : [...o, id]));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const startAt = fromLocalInput(start, timeZone);
    if (!startAt) return setProblem('Pick when the rotation starts.');
    if (order.length === 0) return setProblem('Pick at least one person to take turns.');
    if (restricted && days.length === 0) return setProblem('Pick the days the rotation covers, or untick “Only at certain times”.');
    setProblem(undefined);
    const result = await create({
      scheduleID,
      input: {
        name: name.trim(),
        participantIDs: order,
        shiftLength: Number(length),
        shiftUnit: unit,
        startAt: startAt.toISOString(),
        handoffTime: handoff,
        handoffDay: day,
        // One weekly window per day; an end at or before the start runs past midnight.
        restrictions: restricted ? days.map((d) => ({ day: d, start: windowFrom, end: windowTo })) : [],
      },
    });
    if (!result.error) onDone(true);
  }

  return (
    <form onSubmit={submit} className="stack">
      <Field id="layer-name" label="Rotation name">
        <input id="layer-name" required value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </Field>
      <fieldset className="field">
        <legend>Who takes turns (in the order you tick them)</legend>
        {members.map((m) => (
          <label key={m.id} className="radio">
            <input type="checkbox" checked={order.includes(m.id)} onChange={() => toggle(m.id)} />
            {m.name}
            {order.includes(m.id) && <span className="muted"> — turn {order.indexOf(m.id) + 1}</span>}
          </label>
        ))}
      </fieldset>
      <div className="inline-form">
        <Field id="layer-length" label="Each turn lasts">
          <input id="layer-length" type="number" min={1} required value={length} onChange={(e) => setLength(e.target.value)} />
        </Field>
        <Field id="layer-unit" label="Unit">
          <select id="layer-unit" value={unit} onChange={(e) => setUnit(e.target.value as ScheduleLayerShiftUnit)}>
            <option value="HOURS">hours</option>
            <option value="DAYS">days</option>
            <option value="WEEKS">weeks</option>
          </select>
        </Field>
      </div>
      <Field id="layer-start" label={`First turn in effect from (${timeZone})`}>
        <input id="layer-start" type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
      </Field>
      {unit !== 'HOURS' && (
        <div className="inline-form">
          <Field id="layer-handoff" label="Hand off at">
            <input id="layer-handoff" type="time" required value={handoff} onChange={(e) => setHandoff(e.target.value)} />
          </Field>
          {unit === 'WEEKS' && (
            <Field id="layer-day" label="On">
              <select id="layer-day" value={day} onChange={(e) => setDay(e.target.value as Weekday)}>
                {weekdays.map((d) => (
                  <option key={d} value={d}>
                    {cap(d)}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
      )}
      <label className="radio">
        <input type="checkbox" checked={restricted} onChange={(e) => setRestricted(e.target.checked)} />
        Only at certain times (outside them this rotation has nobody; lower rotations fill in)
      </label>
      {restricted && (
        <fieldset className="field">
          <legend>Covered times, in {timeZone}</legend>
          <div className="chips">
            {weekdays.map((d) => (
              <label key={d} className="radio">
                <input type="checkbox" checked={days.includes(d)} onChange={() => setDays((ds) => (ds.includes(d) ? ds.filter((x) => x !== d) : [...ds, d]))} />
                {cap(d).slice(0, 3)}
              </label>
            ))}
          </div>
          <div className="inline-form">
            <Field id="layer-window-from" label="From">
              <input id="layer-window-from" type="time" required value={windowFrom} onChange={(e) => setWindowFrom(e.target.value)} />
            </Field>
            <Field id="layer-window-to" label="To (next day if earlier)">
              <input id="layer-window-to" type="time" required value={windowTo} onChange={(e) => setWindowTo(e.target.value)} />
            </Field>
          </div>
        </fieldset>
      )}
      <FormProblem message={problem} />
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={() => onDone(false)} busy={state.fetching}>
        Add rotation
      </FormActions>
    </form>
  );
}
