import { useCallback, useMemo, useState } from 'react';

// Which alerts of the list are ticked for a bulk action. Pure functions, so
// the rules are tested without a browser; a small hook holds the state.

export type Selection = ReadonlySet<string>;

export function toggle(selection: Selection, id: string): Selection {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Ticks every visible alert, or clears them all if every one is ticked already. */
export function toggleAll(selection: Selection, visible: readonly string[]): Selection {
  const allTicked = visible.length > 0 && visible.every((id) => selection.has(id));
  return allTicked ? new Set() : new Set(visible);
}

/** Keeps only alerts still on screen: a refetch or a filter change must not act on hidden ones. */
export function keepVisible(selection: Selection, visible: readonly string[]): Selection {
  const shown = new Set(visible);
  const next = [...selection].filter((id) => shown.has(id));
  return next.length === selection.size ? selection : new Set(next);
}

/** "all", "some" or "none" of the visible alerts are ticked: drives the header checkbox. */
export function coverage(selection: Selection, visible: readonly string[]): 'all' | 'some' | 'none' {
  const n = visible.filter((id) => selection.has(id)).length;
  if (n === 0) return 'none';
  return n === visible.length ? 'all' : 'some';
}

export function useSelection(visible: readonly string[]) {
  const [raw, setRaw] = useState<Selection>(() => new Set());
  const selection = useMemo(() => keepVisible(raw, visible), [raw, visible]);
  return {
    selection,
    ids: useMemo(() => visible.filter((id) => selection.has(id)), [visible, selection]),
    toggle: useCallback((id: string) => setRaw((s) => toggle(s, id)), []),
    toggleAll: useCallback(() => setRaw((s) => toggleAll(keepVisible(s, visible), visible)), [visible]),
    clear: useCallback(() => setRaw(new Set()), []),
  };
}
