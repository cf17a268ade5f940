/** The keys the app answers to, as shown in the `?` help. */
export const shortcuts: { keys: string; does: string }[] = [
  { keys: '/', does: 'Search or filter the list' },
  { keys: 'j', does: 'Next item in the list' },
  { keys: 'k', does: 'Previous item in the list' },
  { keys: 'Enter', does: 'Open the alert in focus' },
  { keys: 'x', does: 'Select the alert in focus, for a bulk action' },
  { keys: 'a', does: 'Acknowledge the alert in focus or on screen' },
  { keys: 'r', does: 'Close (resolve) the alert in focus or on screen' },
  { keys: '?', does: 'Show these keys' },
  { keys: 'Esc', does: 'Close a dialog or leave the search box' },
];

/** True when a key press belongs to a text field, not to us. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return false;
}

/**
 * Moves focus to the next (+1) or previous (-1) list item within `root`.
 * List items are the elements marked data-list-item; with none focused yet,
 * `j` goes to the first.
 */
export function moveInList(root: ParentNode, step: 1 | -1): HTMLElement | undefined {
  const items = [...root.querySelectorAll<HTMLElement>('[data-list-item]')];
  if (items.length === 0) return undefined;
  const active = document.activeElement;
  const current = items.findIndex((el) => el === active || el.contains(active));
  const next = current < 0 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, current + step));
  const el = items[next];
  el.focus();
  el.scrollIntoView?.({ block: 'nearest' });
  return el;
}
