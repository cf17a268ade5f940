import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateContactMethodMutation, SendVerificationMutation } from './documents';
import { kindLabels, type Kind } from './ruleSentence';
import { ErrorNotice } from '../../../ui/ErrorNotice';

const kinds: Exclude<Kind, 'PUSH'>[] = ['SMS', 'VOICE', 'EMAIL', 'WEBHOOK'];

const addressHints: Record<Exclude<Kind, 'PUSH'>, { label: string; placeholder: string; type: string }> = {
  SMS: { label: 'Phone number', placeholder: '+49 151 1234 5678', type: 'tel' },
  VOICE: { label: 'Phone number', placeholder: '+1 415 555 0100', type: 'tel' },
  EMAIL: { label: 'Email address', placeholder: 'you@example.com', type: 'email' },
  WEBHOOK: { label: 'Webhook URL', placeholder: 'https://hooks.example.com/tocsin', type: 'url' },
};

/**
 * Adds an SMS number, voice number, email address or webhook. Numbers and
 * addresses get their verification code at once, so the next thing the
 * person sees is the field to type it into.
 */
export function AddContactMethodForm({ onAdded }: { onAdded?: () => void }) {
  const [kind, setKind] = useState<Exclude<Kind, 'PUSH'>>('SMS');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [state, create] = useMutation(CreateContactMethodMutation);
  const [sendState, send] = useMutation(SendVerificationMutation);
  const hint = addressHints[kind];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await create({ input: { kind, name: name.trim(), address: address.trim() } });
    const cm = result.data?.createContactMethod;
    if (!cm) return;
    setName('');
    setAddress('');
    if (!cm.verifiedAt) await send({ id: cm.id });
    onAdded?.();
  }

  return (
    <form onSubmit={submit} className="stack" aria-label="Add a contact method">
      <div className="inline-form">
        <div className="field">
          <label htmlFor="cm-kind">Kind</label>
          <select id="cm-kind" value={kind} onChange={(e) => setKind(e.target.value as Exclude<Kind, 'PUSH'>)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cm-name">Name</label>
          <input id="cm-name" required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Work phone" />
        </div>
        <div className="field">
          <label htmlFor="cm-address">{hint.label}</label>
          <input id="cm-address" required type={hint.type} value={address} onChange={(e) => setAddress(e.target.value)} placeholder={hint.placeholder} />
        </div>
        <button type="submit" className="button button-primary" disabled={state.fetching || sendState.fetching}>
          Add
        </button>
      </div>
      {kind !== 'WEBHOOK' && <small className="muted">We send a 6-digit code there; enter it to start receiving pages.</small>}
      {state.error && <ErrorNotice error={state.error} />}
      {sendState.error && <ErrorNotice error={sendState.error} />}
    </form>
  );
}
