import { formatAbsolute, formatRelative } from '../time/format';

interface RelativeTimeProps {
  /** An RFC 3339 time as the API sends it. */
  value: string;
  now: Date;
  /** The viewer's zone, for the absolute time. */
  timeZone?: string;
  prefix?: string;
}

/**
 * "4 min ago", with the absolute time in the viewer's zone shown on hover and
 * on keyboard focus, and read out by screen readers.
 */
export function RelativeTime({ value, now, timeZone, prefix }: RelativeTimeProps) {
  const date = new Date(value);
  const absolute = formatAbsolute(date, timeZone);
  const relative = formatRelative(date, now);
  return (
    <time className="reltime" dateTime={value} title={absolute} data-tooltip={absolute} tabIndex={0} aria-label={`${prefix ? prefix + ' ' : ''}${relative}, ${absolute}`}>
      {prefix && <span className="reltime-prefix">{prefix} </span>}
      {relative}
    </time>
  );
}
