import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { SetStakeholderPreferencesMutation, StakeholderPreferencesQuery } from '../stakeholder/documents';
import type { StakeholderPreferenceDigest } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SkeletonRows } from '../../ui/Skeleton';

const digests: { value: StakeholderPreferenceDigest; label: string }[] = [
  { value: 'NONE', label: 'Each update as it is posted' },
  { value: 'HOURLY', label: 'One email per hour' },
  { value: 'DAILY', label: 'One email per day' },
];

/** How the viewer hears about the incidents and services they follow. */
export function NotificationPreferences() {
  const [{ data, error }] = useQuery({ query: StakeholderPreferencesQuery });
  const [state, save] = useMutation(SetStakeholderPreferencesMutation);
  const current = data?.viewer?.stakeholderPreferences;
  const [email, setEmail] = useState(true);
  const [push, setPush] = useState(true);
  const [digest, setDigest] = useState<StakeholderPreferenceDigest>('NONE');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!current) return;
    setEmail(current.email);
    setPush(current.push);
    setDigest(current.digest);
  }, [current]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const res = await save({ input: { email, push, digest } });
    if (!res.error) setSaved(true);
  }

  return (
    <form id="notifications" onSubmit={submit} className="stack card" aria-labelledby="notifications-heading" data-testid="notification-preferences">
      <h2 id="notifications-heading">Incident notifications</h2>
      <p className="muted">For the services and incidents you subscribe to: when one is declared and on each update for stakeholders.</p>
      {error && <ErrorNotice error={error} />}
      {!current && !error && <SkeletonRows rows={2} label="Loading your preferences" />}
      {current && (
        <>
          <label className="check">
            <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} /> Email
          </label>
          <label className="check">
            <input type="checkbox" checked={push} onChange={(e) => setPush(e.target.checked)} /> Push to my devices (quietly)
          </label>
          <fieldset className="field">
            <legend>How often</legend>
            {digests.map((d) => (
              <label key={d.value} className="check">
                <input type="radio" name="digest" value={d.value} checked={digest === d.value} onChange={() => setDigest(d.value)} /> {d.label}
              </label>
            ))}
          </fieldset>
          {state.error && <ErrorNotice error={state.error} />}
          {saved && !state.fetching && (
            <p className="notice notice-success" role="status">
              Saved.
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={state.fetching}>
              Save notifications
            </button>
          </div>
        </>
      )}
    </form>
  );
}
