import { useEffect, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { ServiceChoicesQuery, type ServiceChoice } from '../services/documents';
import { ErrorNotice } from '../../ui/ErrorNotice';


interface Props {
  /** The input's id; the caller's label points at it. */
  id: string;
  text: string;
  onText: (text: string) => void;
  chosen: ServiceChoice | null;
  onChoose: (service: ServiceChoice | null) => void;
  /** Services not to offer (those already affected). */
  exclude: string[];
  describedBy?: string;
  invalid?: boolean;
}

/** How many matches the list shows; more are reached by typing. */
export const shownChoices = 8;

/**
 * A combobox that searches the services the viewer can see by name (on the
 * server, so it scales past one page of services). Typing filters and
 * highlights the first match; ↓/↑ move, Enter or a click picks, Escape
 * closes the list (or clears the text when it is closed). Picking only fills
 * the field: the caller's button does the change.
 */
export function ServicePicker({ id, text, onText, chosen, onChoose, exclude, describedBy, invalid }: Props) {
  const listID = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useDebounced(text.trim(), 200);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ServiceChoicesQuery,
    variables: { search: search || null, exclude: exclude.length > 0 ? exclude : null, first: shownChoices },
    pause: !open,
  });
  const found: ServiceChoice[] = data?.services.edges?.flatMap((e) => (e?.node ? [{ id: e.node.id, name: e.node.name, team: e.node.team.name }] : [])) ?? [];
  const settled = !!data && !fetching && search === text.trim();
  // Until the answer for the text as typed arrives, offer only the earlier
  // matches that still match (and are not affected meanwhile), so Enter never
  // picks a service the text rules out.
  const typed = text.trim().toLowerCase();
  const options = settled ? found : found.filter((s) => s.name.toLowerCase().includes(typed) && !exclude.includes(s.id));
  const more = settled ? Math.max(0, (data?.services.totalCount ?? 0) - options.length) : 0;

  // While typing, the first match is the one Enter picks.
  const firstID = options[0]?.id;
  useEffect(() => {
    if (text.trim()) setActive(firstID ? 0 : -1);
  }, [firstID, text]);

  function choose(s: ServiceChoice) {
    onChoose(s);
    onText(s.name);
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive((a) => Math.max(a, 0));
        } else setActive((a) => Math.min(a + 1, options.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Enter':
        // Enter picks the highlighted match; with the list closed it submits the form.
        if (open && options[active]) {
          e.preventDefault();
          choose(options[active]);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
        } else if (text) {
          e.preventDefault();
          onText('');
          onChoose(null);
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  }

  const activeOption = open ? options[active] : undefined;
  let status = '';
  if (open && settled) {
    if (options.length === 0) status = text.trim() ? `No service matches “${text.trim()}”.` : 'Every service is already affected.';
    else status = `${options.length + more} ${options.length + more === 1 ? 'service matches' : 'services match'}; ↓ and ↑ move, Enter picks.`;
  }

  return (
    <div className="combobox">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listID}
        aria-activedescendant={activeOption ? `${listID}-${activeOption.id}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        placeholder="Search services…"
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          if (chosen && e.target.value !== chosen.name) onChoose(null);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {open && (
        <div className="combobox-popup">
          {error ? (
            <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
          ) : !data ? (
            <p className="muted combobox-note">Searching…</p>
          ) : (
            <>
              <ul id={listID} role="listbox" aria-label="Services" className="combobox-list">
                {options.map((s, i) => (
                  <li
                    key={s.id}
                    id={`${listID}-${s.id}`}
                    role="option"
                    aria-selected={i === active}
                    className="combobox-option"
                    // Keep the focus in the field, so the list does not close before the click.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(s)}
                  >
                    <span>
                      {s.name}
                      {s.team && <span className="muted"> · {s.team}</span>}
                    </span>
                  </li>
                ))}
              </ul>
              {settled && options.length === 0 && <p className="muted combobox-note">{status}</p>}
              {more > 0 && <p className="muted combobox-note">{more} more: type to narrow the list.</p>}
            </>
          )}
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

/** The value, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return settled;
}
