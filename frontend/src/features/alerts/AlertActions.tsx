import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import {
  AcknowledgeAlertMutation,
  AddAlertNoteMutation,
  AssigneeChoicesQuery,
  AssignAlertMutation,
  CloseAlertMutation,
  EscalateAlertMutation,
  SnoozeAlertMutation,
  UnacknowledgeAlertMutation,
  UpdateAlertMutation,
} from './documents';
import { priorities } from './statusFilter';
import { AddToIncidentForm } from '../incidents/AddToIncidentForm';
import { DeclareIncidentForm } from '../incidents/DeclareIncidentForm';
import type { AlertDetailFragment, AlertPriority } from '../../gql/graphql';
import type { Viewer } from '../auth/useViewer';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { isTyping } from '../../keyboard/shortcuts';
import { toLocalInput } from '../../time/format';

export type Panel = 'snooze' | 'note' | 'assign' | 'escalate' | 'priority' | 'edit' | 'declare' | 'link';

/** Which actions an alert in this state offers; none for those who may not act. */
export function availableActions(status: AlertDetailFragment['status'], mayAct: boolean) {
  if (!mayAct) return { primary: undefined, secondary: [] as string[] };
  if (status === 'OPEN') return { primary: 'acknowledge' as const, secondary: ['close', 'snooze', 'note', 'assign', 'escalate', 'priority', 'edit'] };
  if (status === 'ACKED') return { primary: 'close' as const, secondary: ['unacknowledge', 'snooze', 'note', 'assign', 'escalate', 'priority', 'edit'] };
  return { primary: undefined, secondary: ['note'] };
}

const panelLabels: Record<Panel, string> = {
  snooze: 'Snooze',
  note: 'Add note',
  assign: 'Assign',
  escalate: 'Escalate now',
  priority: 'Change priority',
  edit: 'Edit text',
  declare: 'Declare incident',
  link: 'Add to incident',
};

const snoozeChoices = [
  { label: '15 min', minutes: 15 },
  { label: '1 h', minutes: 60 },
  { label: '4 h', minutes: 240 },
];

interface AlertActionsProps {
  alert: AlertDetailFragment;
  viewer: Viewer;
  mayAct: boolean;
  /** Said aloud and shown after an action succeeds. */
  onDone: (message: string) => void;
}

/** The one primary action (Acknowledge, then Close) and every secondary action one click away. */
export function AlertActions({ alert, viewer, mayAct, onDone }: AlertActionsProps) {
  const [panel, setPanel] = useState<Panel>();
  const [ack, acknowledge] = useMutation(AcknowledgeAlertMutation);
  const [closing, close] = useMutation(CloseAlertMutation);
  const [unack, unacknowledge] = useMutation(UnacknowledgeAlertMutation);
  const { primary, secondary } = availableActions(alert.status, mayAct);
  const error = ack.error ?? closing.error ?? unack.error;
  const busy = ack.fetching || closing.fetching || unack.fetching;

  const doAck = async () => (await acknowledge({ ids: [alert.id] })).data && onDone('Acknowledged. Paging has stopped.');
  const doClose = async () => (await close({ ids: [alert.id] })).data && onDone('Closed.');
  const doUnack = async () => (await unacknowledge({ id: alert.id })).data && onDone('Back to open. Paging resumes.');

  // `a` acknowledges and `r` closes this alert from anywhere on the page.
  const keys = useRef({ doAck, doClose, canAck: false, canClose: false, busy });
  keys.current = { doAck, doClose, canAck: primary === 'acknowledge', canClose: primary === 'close' || secondary.includes('close'), busy };
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('dialog[open]')) return;
      const k = keys.current;
      if (k.busy) return;
      if (e.key === 'a' && k.canAck) {
        e.preventDefault();
        k.doAck();
      } else if (e.key === 'r' && k.canClose) {
        e.preventDefault();
        k.doClose();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!primary && secondary.length === 0) return null;

  return (
    <section className="actions card" aria-label="Actions">
      <div className="action-bar">
        {primary === 'acknowledge' && (
          <button type="button" className="button button-primary button-big" onClick={doAck} disabled={busy} aria-keyshortcuts="a">
            Acknowledge <kbd className="kbd-hint">a</kbd>
          </button>
        )}
        {primary === 'close' && (
          <button type="button" className="button button-primary button-big" onClick={doClose} disabled={busy} aria-keyshortcuts="r">
            Close <kbd className="kbd-hint">r</kbd>
          </button>
        )}
        {secondary.includes('close') && (
          <button type="button" className="button" onClick={doClose} disabled={busy} aria-keyshortcuts="r">
            Close
          </button>
        )}
        {secondary.includes('unacknowledge') && (
          <button type="button" className="button" onClick={doUnack} disabled={busy}>
            Unacknowledge
          </button>
        )}
        {(Object.keys(panelLabels) as Panel[])
          .filter((p) => secondary.includes(p))
          .map((p) => (
            <button key={p} type="button" className="button" aria-expanded={panel === p} onClick={() => setPanel(panel === p ? undefined : p)}>
              {panelLabels[p]}
            </button>
          ))}
        {mayAct &&
          !alert.incident &&
          alert.status !== 'CLOSED' &&
          (['declare', 'link'] as const).map((p) => (
            <button key={p} type="button" className="button" aria-expanded={panel === p} onClick={() => setPanel(panel === p ? undefined : p)}>
              {panelLabels[p]}
            </button>
          ))}
      </div>
      {error && <ErrorNotice error={error} />}
      {panel === 'declare' && <DeclareIncidentForm alerts={[alert]} onCancel={() => setPanel(undefined)} />}
      {panel === 'link' && (
        <AddToIncidentForm alertIDs={[alert.id]} onDone={(i) => (setPanel(undefined), onDone(`Added to the incident “${i.title}”.`))} onCancel={() => setPanel(undefined)} />
      )}
      {panel === 'snooze' && <SnoozeForm alert={alert} onDone={(m) => (setPanel(undefined), onDone(m))} onCancel={() => setPanel(undefined)} />}
      {panel === 'note' && <NoteForm alert={alert} onDone={(m) => (setPanel(undefined), onDone(m))} onCancel={() => setPanel(undefined)} />}
      {panel === 'assign' && <AssignForm alert={alert} viewer={viewer} onDone={(m) => (setPanel(undefined), onDone(m))} onCancel={() => setPanel(undefined)} />}
      {panel === 'escalate' && <EscalateForm alert={alert} onDone={(m) => (setPanel(undefined), onDone(m))} onCancel={() => setPanel(undefined)} />}
      {panel === 'priority' && <PriorityForm alert={alert} onDone={(m) => (setPanel(undefined), onDone(m))} onCancel={() => setPanel(undefined)} />}
      {panel === 'edit' && <EditForm alert={alert} onDone={(m) => (setPanel(undefined), onDone(m))} onCancel={() => setPanel(undefined)} />}
    </section>
  );
}

interface FormProps {
  alert: AlertDetailFragment;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function PanelForm({ title, onSubmit, onCancel, submit, busy, error, children }: {
  title: string;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  submit?: string;
  busy: boolean;
  error?: CombinedError;
  children: ReactNode;
}) {
  return (
    <form className="action-panel stack" onSubmit={onSubmit} aria-label={title}>
      <h2 className="panel-title">{title}</h2>
      {children}
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        {submit && (
          <button type="submit" className="button button-primary" disabled={busy}>
            {submit}
          </button>
        )}
      </div>
    </form>
  );
}

function NoteField({ value, onChange, label = 'Note for the timeline (optional)', required = false }: { value: string; onChange: (v: string) => void; label?: string; required?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={value} required={required} onChange={(e) => onChange(e.target.value)} autoFocus={required} />
    </div>
  );
}

function SnoozeForm({ alert, onDone, onCancel }: FormProps) {
  const id = useId();
  const [state, snooze] = useMutation(SnoozeAlertMutation);
  const [note, setNote] = useState('');
  const [custom, setCustom] = useState(() => toLocalInput(new Date(Date.now() + 2 * 3_600_000)));
  const [problem, setProblem] = useState('');

  async function until(date: Date) {
    if (!(date.getTime() > Date.now())) {
      setProblem('Pick a time in the future.');
      return;
    }
    setProblem('');
    const r = await snooze({ id: alert.id, until: date.toISOString(), note: note.trim() || null });
    if (r.data) onDone('Snoozed. Paging resumes when the snooze ends.');
  }

  return (
    <PanelForm
      title="Snooze: silence paging for a while"
      onSubmit={(e) => {
        e.preventDefault();
        until(new Date(custom));
      }}
      onCancel={onCancel}
      submit="Snooze until then"
      busy={state.fetching}
      error={state.error}
    >
      <div className="choice-row" role="group" aria-label="Snooze for">
        {snoozeChoices.map((c) => (
          <button key={c.minutes} type="button" className="button" disabled={state.fetching} onClick={() => until(new Date(Date.now() + c.minutes * 60_000))}>
            {c.label}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor={id}>Or until (your browser’s time)</label>
        <input id={id} type="datetime-local" value={custom} onChange={(e) => setCustom(e.target.value)} />
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <NoteField value={note} onChange={setNote} />
    </PanelForm>
  );
}

function NoteForm({ alert, onDone, onCancel }: FormProps) {
  const [state, add] = useMutation(AddAlertNoteMutation);
  const [note, setNote] = useState('');
  return (
    <PanelForm
      title="Add a note"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!note.trim()) return;
        if ((await add({ id: alert.id, note: note.trim() })).data) onDone('Note added.');
      }}
      onCancel={onCancel}
      submit="Add note"
      busy={state.fetching}
      error={state.error}
    >
      <NoteField value={note} onChange={setNote} label="Note" required />
    </PanelForm>
  );
}

function AssignForm({ alert, viewer, onDone, onCancel }: FormProps & { viewer: Viewer }) {
  const id = useId();
  const [{ data, fetching, error: loadError }] = useQuery({ query: AssigneeChoicesQuery });
  const users = data?.users.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const [state, assign] = useMutation(AssignAlertMutation);
  const [owner, setOwner] = useState(alert.owner?.id ?? viewer.id);
  const [note, setNote] = useState('');

  async function to(ownerID: string) {
    const r = await assign({ id: alert.id, ownerID, note: note.trim() || null });
    const name = r.data?.assignAlert.owner?.name;
    if (r.data) onDone(ownerID === viewer.id ? 'You own this alert now.' : `Assigned to ${name ?? 'them'}.`);
  }

  return (
    <PanelForm
      title="Assign an owner"
      onSubmit={(e) => {
        e.preventDefault();
        to(owner);
      }}
      onCancel={onCancel}
      submit="Assign"
      busy={state.fetching || fetching}
      error={state.error ?? loadError}
    >
      {alert.owner?.id !== viewer.id && (
        <div className="choice-row">
          <button type="button" className="button" disabled={state.fetching} onClick={() => to(viewer.id)}>
            Assign to me
          </button>
        </div>
      )}
      <div className="field">
        <label htmlFor={id}>Owner</label>
        <select id={id} value={owner} onChange={(e) => setOwner(e.target.value)} disabled={fetching && !data}>
          {!users.some((u) => u.id === owner) && <option value={owner}>{owner === viewer.id ? viewer.name : (alert.owner?.name ?? 'Loading…')}</option>}
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
              {u.id === viewer.id ? ' (you)' : ''}
            </option>
          ))}
        </select>
      </div>
      <NoteField value={note} onChange={setNote} />
    </PanelForm>
  );
}

function EscalateForm({ alert, onDone, onCancel }: FormProps) {
  const [state, escalate] = useMutation(EscalateAlertMutation);
  const [note, setNote] = useState('');
  return (
    <PanelForm
      title="Escalate now"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await escalate({ id: alert.id, note: note.trim() || null })).data) onDone('Escalated: the next step is paged now.');
      }}
      onCancel={onCancel}
      submit="Escalate now"
      busy={state.fetching}
      error={state.error}
    >
      <p className="muted">The next step of the escalation policy is paged right away instead of waiting.</p>
      <NoteField value={note} onChange={setNote} label="Why (optional, goes on the timeline)" />
    </PanelForm>
  );
}

const priorityWords: Record<AlertPriority, string> = { P1: 'Critical', P2: 'High', P3: 'Moderate', P4: 'Low', P5: 'Informational' };

function PriorityForm({ alert, onDone, onCancel }: FormProps) {
  const [state, update] = useMutation(UpdateAlertMutation);
  const [priority, setPriority] = useState<AlertPriority>(alert.priority);
  return (
    <PanelForm
      title="Change priority"
      onSubmit={async (e) => {
        e.preventDefault();
        if (priority === alert.priority) return onCancel();
        if ((await update({ id: alert.id, priority })).data) onDone(`Priority is now ${priority}.`);
      }}
      onCancel={onCancel}
      submit="Save priority"
      busy={state.fetching}
      error={state.error}
    >
      <fieldset className="field">
        <legend className="visually-hidden">Priority</legend>
        <div className="radio-grid">
          {priorities.map((p) => (
            <label key={p} className="radio">
              <input type="radio" name="priority" value={p} checked={priority === p} onChange={() => setPriority(p)} />
              <span className={`badge priority-${p.toLowerCase()}`}>{p}</span> {priorityWords[p]}
            </label>
          ))}
        </div>
      </fieldset>
    </PanelForm>
  );
}

function EditForm({ alert, onDone, onCancel }: FormProps) {
  const id = useId();
  const [state, update] = useMutation(UpdateAlertMutation);
  const [message, setMessage] = useState(alert.message);
  const [description, setDescription] = useState(alert.description);
  return (
    <PanelForm
      title="Edit message and description"
      onSubmit={async (e) => {
        e.preventDefault();
        const change = {
          message: message.trim() !== alert.message ? message.trim() : null,
          description: description !== alert.description ? description : null,
        };
        if (change.message === null && change.description === null) return onCancel();
        if ((await update({ id: alert.id, ...change })).data) onDone('Saved.');
      }}
      onCancel={onCancel}
      submit="Save"
      busy={state.fetching}
      error={state.error}
    >
      <div className="field">
        <label htmlFor={`${id}-m`}>Message</label>
        <input id={`${id}-m`} required value={message} onChange={(e) => setMessage(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-d`}>Description</label>
        <textarea id={`${id}-d`} rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
    </PanelForm>
  );
}
