import { Dialog } from '../ui/Dialog';
import { shortcuts } from './shortcuts';

export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose}>
      <dl className="keys">
        {shortcuts.map((s) => (
          <div key={s.keys} className="keys-row">
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
