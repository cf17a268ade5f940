import type { Tone } from '../../ui/StateBadge';
import { formatDuration } from '../../time/format';

interface HeartbeatLike {
  enabled: boolean;
  expired: boolean;
  lastPingAt?: string | null;
}

/** A heartbeat's state as a tone and a word: Expired, OK, Waiting for first ping, Off. */
export function heartbeatState(h: HeartbeatLike): { tone: Tone; label: string } {
  if (!h.enabled) return { tone: 'off', label: 'Off' };
  if (h.expired) return { tone: 'bad', label: 'Expired' };
  if (!h.lastPingAt) return { tone: 'warn', label: 'Waiting for first ping' };
  return { tone: 'ok', label: 'OK' };
}

/** Expired first (they need someone), then by name. */
export function byUrgency<T extends HeartbeatLike & { name: string }>(list: T[]): T[] {
  const rank = (h: T) => (h.enabled && h.expired ? 0 : h.enabled ? 1 : 2);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** "every 5 min", "every 1 h" */
export const everyText = (seconds: number) => `every ${formatDuration(seconds * 1000)}`;
