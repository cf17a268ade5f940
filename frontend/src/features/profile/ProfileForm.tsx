import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { UpdateProfileMutation } from './documents';
import type { Viewer } from '../auth/useViewer';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';

export function ProfileForm({ viewer }: { viewer: Viewer }) {
  const [name, setName] = useState(viewer.name);
  const [timeZone, setTimeZone] = useState(viewer.timeZone);
  const [state, update] = useMutation(UpdateProfileMutation);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const result = await update({ input: { name: name.trim(), timeZone } });
    if (!result.error) setSaved(true);
  }

  return (
    <form onSubmit={submit} className="stack card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Your details</h2>
      <div className="field">
        <label htmlFor="profile-name">Name</label>
        <input id="profile-name" required value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </div>
      <div className="field">
        <label htmlFor="profile-email">Email</label>
        <input id="profile-email" value={viewer.email} readOnly aria-describedby="profile-email-hint" />
        <small id="profile-email-hint" className="muted">
          Ask an administrator to change your email.
        </small>
      </div>
      <div className="field">
        <label htmlFor="profile-tz">Time zone</label>
        <TimeZoneSelect id="profile-tz" value={timeZone} onChange={setTimeZone} />
        <small className="muted">Times across Tocsin are shown in this zone.</small>
      </div>
      {state.error && <ErrorNotice error={state.error} />}
      {saved && !state.fetching && (
        <p className="notice notice-success" role="status">
          Saved.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={state.fetching}>
          Save details
        </button>
      </div>
    </form>
  );
}
