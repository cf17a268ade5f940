import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { DeleteContactMethodMutation, SendTestNotificationMutation, SetContactMethodDisabledMutation, SendVerificationMutation, VerifyContactMethodMutation } from './documents';
import { kindLabels } from './ruleSentence';
import type { ContactMethodFieldsFragment } from '../../../gql/graphql';
import { ErrorNotice } from '../../../ui/ErrorNotice';

/**
 * One contact method or device: what it is, whether it is verified, and its actions (removeOnly:
 * a stakeholder's device, which they may only remove).
 */
export function ContactMethodRow({ method, removeOnly = false }: { method: ContactMethodFieldsFragment; removeOnly?: boolean }) {
  const [removeState, remove] = useMutation(DeleteContactMethodMutation);
  const [testState, test] = useMutation(SendTestNotificationMutation);
  const [toggleState, toggle] = useMutation(SetContactMethodDisabledMutation);
  const result = testState.data?.sendTestNotification;
  const device = method.kind === 'PUSH';
  return (
    <li className="row" data-list-item tabIndex={0} data-testid="contact-method-row">
      <div className="row-main">
        <p className="row-title">
          {method.name} <span className="tag">{device ? (method.platform ?? 'device') : kindLabels[method.kind]}</span>
          {method.verifiedAt ? <span className="tag">✓ verified</span> : <span className="tag tag-muted">not verified</span>}
          {method.disabled && <span className="tag tag-muted">off</span>}
          {device && method.criticalAlerts && <span className="tag">critical alerts</span>}
        </p>
        <p className="row-meta">
          <span data-testid="masked-address">{method.maskedAddress}</span>
        </p>
        {!method.verifiedAt && !removeOnly && <VerifyForm method={method} />}
        {result && (
          <p className={result.sent ? 'row-meta' : 'notice notice-error'} role="status">
            {result.sent ? `Test sent: ${result.summary}` : `Test failed: ${result.summary}`}
          </p>
        )}
        {testState.error && <ErrorNotice error={testState.error} />}
        {removeState.error && <ErrorNotice error={removeState.error} />}
        {toggleState.error && <ErrorNotice error={toggleState.error} />}
      </div>
      <div className="row-trail">
        {method.verifiedAt && !removeOnly && (
          <button type="button" className="button" disabled={testState.fetching} aria-label={`Send a test to ${method.name}`} onClick={() => test({ id: method.id })}>
            Test
          </button>
        )}
        {!removeOnly && (
          <button
            type="button"
            className="button"
            disabled={toggleState.fetching}
            aria-label={`${method.disabled ? 'Turn on' : 'Turn off'} ${method.name}`}
            onClick={() => toggle({ id: method.id, disabled: !method.disabled })}
          >
            {method.disabled ? 'Turn on' : 'Turn off'}
          </button>
        )}
        <button
          type="button"
          className="button button-danger"
          disabled={removeState.fetching}
          aria-label={`Remove ${method.name}`}
          onClick={() => {
            const rules = removeOnly ? '' : ' Its notification rules go with it.';
            if (window.confirm(`Remove “${method.name}”?${rules}`)) remove({ id: method.id });
          }}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

/** The code field of an unverified number or address, with a way to get a new code. */
export function VerifyForm({ method }: { method: ContactMethodFieldsFragment }) {
  const [code, setCode] = useState('');
  const [verifyState, verify] = useMutation(VerifyContactMethodMutation);
  const [sendState, send] = useMutation(SendVerificationMutation);
  const id = `verify-${method.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await verify({ id: method.id, code: code.trim() });
    if (!r.error) setCode('');
  }

  return (
    <form onSubmit={submit} className="inline-form" aria-label={`Verify ${method.name}`}>
      <div className="field">
        <label htmlFor={id}>Code sent to {method.maskedAddress}</label>
        <input id={id} inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} placeholder="123456" />
      </div>
      <button type="submit" className="button button-primary" disabled={verifyState.fetching}>
        Verify
      </button>
      <button type="button" className="button" disabled={sendState.fetching} onClick={() => send({ id: method.id })}>
        {method.verificationExpiresAt ? 'Send a new code' : 'Send code'}
      </button>
      {sendState.data && !sendState.error && (
        <p className="muted" role="status">
          Code sent.
        </p>
      )}
      {verifyState.error && <ErrorNotice error={verifyState.error} />}
      {sendState.error && <ErrorNotice error={sendState.error} />}
    </form>
  );
}
