import { useId, useState } from 'react';

interface BulkBarProps {
  count: number;
  busy: boolean;
  onAcknowledge: (note: string) => void;
  onClose: (note: string) => void;
  /** Opens the declare form for the ticked alerts. */
  onDeclare: () => void;
  /** Opens the picker of ongoing incidents for the ticked alerts. */
  onAddToIncident: () => void;
  onClear: () => void;
}

/** Acts on every ticked alert at once, with one optional note for all of them, or groups them into an incident. */
export function BulkBar({ count, busy, onAcknowledge, onClose, onDeclare, onAddToIncident, onClear }: BulkBarProps) {
  const id = useId();
  const [note, setNote] = useState('');
  return (
    <div className="bulk-bar" role="region" aria-label="Act on selected alerts">
      <p className="bulk-count">
        <strong>{count}</strong> selected
      </p>
      <div className="field bulk-note">
        <label htmlFor={id} className="visually-hidden">
          Note for the timeline (optional)
        </label>
        <input id={id} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note (optional), e.g. “one root cause: the deploy”" />
      </div>
      <div className="bulk-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onAcknowledge(note.trim())}>
          Acknowledge {count}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onClose(note.trim())}>
          Close {count}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onDeclare}>
          Declare incident
        </button>
        <button type="button" className="button" disabled={busy} onClick={onAddToIncident}>
          Add to incident
        </button>
        <button type="button" className="button button-ghost" disabled={busy} onClick={onClear}>
          Clear selection
        </button>
      </div>
    </div>
  );
}
