import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { CreateTestAlertMutation } from './documents';
import { SnippetTabs } from './SnippetTabs';
import type { IntegrationFieldsFragment } from '../../gql/graphql';
import { CopyField } from '../../ui/CopyButton';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface KeyRevealProps {
  integration: IntegrationFieldsFragment;
  serviceID: string;
  secret: string;
  snippets: { curl: string; alertmanager: string; grafana: string };
  rotated?: boolean;
  onDone: () => void;
}

type TestResult = { ok: true; text: string; alertID?: string } | { ok: false; text: string };

/**
 * The new key, shown this once, with the URL and configurations filled in.
 * For the Opsgenie door, "Send test alert" posts to /v2/alerts with the key,
 * exactly as a monitoring tool would; it cannot later, when the key is gone.
 */
export function KeyReveal({ integration, serviceID, secret, snippets, rotated, onDone }: KeyRevealProps) {
  const [test, setTest] = useState<TestResult>();
  const [sending, setSending] = useState(false);
  const [created, createAlert] = useMutation(CreateTestAlertMutation);

  async function sendThroughDoor() {
    setSending(true);
    try {
      // Same origin as the app: the path of the integration's URL, no cookies, like a real sender.
      const path = new URL(integration.url, window.location.href).pathname;
      const res = await fetch(path, {
        method: 'POST',
        credentials: 'omit',
        headers: { Authorization: `GenieKey ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          message: `Test alert from Tocsin (${integration.name})`,
          alias: `tocsin-test-${Date.now()}`,
          description: 'Sent with the “Send test alert” button right after the integration was created.',
          priority: 'P5',
          tags: ['test'],
        }),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) setTest({ ok: true, text: `Tocsin accepted the test alert (HTTP ${res.status}). It shows in the alerts list in a moment.` });
      else {
        const why = body?.message ?? body?.error?.message ?? res.statusText;
        setTest({ ok: false, text: `The Opsgenie endpoint refused the test alert: HTTP ${res.status}${why ? `, “${why}”` : ''}.` });
      }
    } catch {
      setTest({ ok: false, text: 'The test alert could not be sent: Tocsin’s server could not be reached.' });
    } finally {
      setSending(false);
    }
  }

  async function raiseWithTocsin() {
    const r = await createAlert({
      input: { serviceID, message: `Test alert for ${integration.name}`, priority: 'P5', tags: ['test'], description: 'Raised from the integration dialog.' },
    });
    const a = r.data?.createAlert.alert;
    if (a) setTest({ ok: true, text: `Test alert #${a.tinyID} raised on this service.`, alertID: a.id });
  }

  return (
    <div className="stack key-reveal">
      <div className="notice notice-warning" role="alert">
        <p>
          <strong>Copy this key now: it is shown only once.</strong> Tocsin keeps only a hash of it. If you lose it, rotate the key
          {rotated ? '' : ' later'}; {rotated ? 'the old key has stopped working.' : 'senders using the old one then stop working.'}
        </p>
      </div>
      <div className="field">
        <span className="field-label">Integration key</span>
        <CopyField value={secret} label="Copy key" testId="integration-key" />
      </div>
      <div className="field">
        <span className="field-label">{integration.kind === 'EMAIL' ? 'Address' : 'URL'}</span>
        <CopyField value={integration.kind === 'EMAIL' ? integration.url.replace('<YOUR_INTEGRATION_KEY>', secret) : integration.url} label="Copy URL" testId="integration-url" />
      </div>
      <div className="field">
        <span className="field-label">Configuration, key filled in</span>
        <SnippetTabs snippets={snippets} name={integration.name} />
      </div>
      {integration.kind === 'OPSGENIE' && (
        <div className="stack test-alert">
          <div className="choice-row">
            <button type="button" className="button" disabled={sending} onClick={sendThroughDoor}>
              {sending ? 'Sending…' : 'Send test alert'}
            </button>
            <span className="muted">Posts a P5 alert to {new URL(integration.url, window.location.href).pathname} with this key.</span>
          </div>
          {test && (
            <div className={`notice ${test.ok ? 'notice-success' : 'notice-error'}`} role="status" data-testid="test-alert-result">
              <p>
                {test.text} {test.ok && test.alertID && <Link to={`/alerts/${test.alertID}`}>Open it</Link>}
              </p>
              {!test.ok && (
                <button type="button" className="button" disabled={created.fetching} onClick={raiseWithTocsin}>
                  Raise a test alert on this service instead
                </button>
              )}
            </div>
          )}
          {created.error && <ErrorNotice error={created.error} />}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onDone}>
          I have saved the key
        </button>
      </div>
    </div>
  );
}
