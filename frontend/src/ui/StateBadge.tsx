// A state told by colour, icon and word together (colour-blind safe), for
// things other than alerts and incidents: heartbeats, integrations, windows.

export type Tone = 'ok' | 'bad' | 'warn' | 'off';

const icons: Record<Tone, string> = { ok: '✓', bad: '✕', warn: '◐', off: '○' };

export function StateBadge({ tone, children }: { tone: Tone; children: string }) {
  return (
    <span className={`status tone-${tone}`}>
      <span aria-hidden="true" className="status-icon">
        {icons[tone]}
      </span>
      {children}
    </span>
  );
}
