import { useMemo } from 'react';
import { timeZones } from '../time/format';

interface TimeZoneSelectProps {
  id: string;
  value: string;
  onChange: (zone: string) => void;
}

/** Every IANA zone the browser knows, for picking where someone lives. */
export function TimeZoneSelect({ id, value, onChange }: TimeZoneSelectProps) {
  const zones = useMemo(() => timeZones(value), [value]);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {zones.map((z) => (
        <option key={z} value={z}>
          {z.replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  );
}
