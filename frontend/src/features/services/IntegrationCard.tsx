import { useState } from 'react';
import { useMutation } from 'urql';
import { DeleteIntegrationMutation, RotateIntegrationKeyMutation, UpdateIntegrationMutation } from './documents';
import { kindLabel, lastResultTone } from './integrationKinds';
import { KeyReveal } from './KeyReveal';
import { SnippetTabs } from './SnippetTabs';
import type { IntegrationFieldsFragment } from '../../gql/graphql';
import { CopyField } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { RelativeTime } from '../../ui/RelativeTime';
import { StateBadge } from '../../ui/StateBadge';

interface IntegrationCardProps {
  integration: IntegrationFieldsFragment & { snippets?: { curl: string; alertmanager: string; grafana: string } };
  serviceID: string;
  /** Admins rotate, disable and delete; others only read. */
  manage: boolean;
  /** Whether the URL and configurations are offered for copying (not to stakeholders). */
  showSetup: boolean;
  now: Date;
  timeZone: string;
}

export function IntegrationCard({ integration: i, serviceID, manage, showSetup, now, timeZone }: IntegrationCardProps) {
  const [setupOpen, setSetupOpen] = useState(false);
  const [updated, update] = useMutation(UpdateIntegrationMutation);
  const [rotated, rotate] = useMutation(RotateIntegrationKeyMutation);
  const [removed, remove] = useMutation(DeleteIntegrationMutation);
  const [reveal, setReveal] = useState(false);
  const error = updated.error ?? rotated.error ?? removed.error;
  const busy = updated.fetching || rotated.fetching || removed.fetching;
  const tone = lastResultTone(i.lastResult);

  async function rotateKey() {
    if (!window.confirm(`Rotate the key of “${i.name}”? The current key stops working at once; every sender must get the new one.`)) return;
    if ((await rotate({ id: i.id })).data) setReveal(true);
  }

  async function deleteIt() {
    if (!window.confirm(`Delete “${i.name}”? Alerts sent with its key will be refused. Alerts already raised stay.`)) return;
    await remove({ id: i.id });
  }

  const fresh = rotated.data?.rotateIntegrationKey;

  return (
    <li className="card integration" data-testid="integration-card">
      <div className="integration-head">
        <div className="integration-title">
          <span className="kind-badge">{kindLabel(i.kind)}</span>
          <h3>{i.name}</h3>
        </div>
        {i.enabled ? <StateBadge tone="ok">Enabled</StateBadge> : <StateBadge tone="off">Disabled</StateBadge>}
      </div>
      <dl className="integration-facts">
        <div>
          <dt>Key</dt>
          <dd>
            <code>{i.keyPrefix}…</code>
          </dd>
        </div>
        <div>
          <dt>Last received</dt>
          <dd>
            {i.lastReceivedAt ? (
              <>
                <RelativeTime value={i.lastReceivedAt} now={now} timeZone={timeZone} />
                {i.lastResult && (
                  <>
                    {' '}
                    <StateBadge tone={tone === 'off' ? 'ok' : tone}>{i.lastResult}</StateBadge>
                  </>
                )}
              </>
            ) : (
              <span className="muted">Nothing yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Rate limit</dt>
          <dd>
            {i.rateLimitPerMinute} a minute, bursts of {i.rateLimitBurst}
          </dd>
        </div>
      </dl>
      {showSetup ? (
        <div className="field">
          <span className="field-label">{i.kind === 'EMAIL' ? 'Address' : 'URL'}</span>
          <CopyField value={i.url} label={`Copy the URL of ${i.name}`} />
        </div>
      ) : (
        <p className="muted integration-url">
          {i.kind === 'EMAIL' ? 'Address' : 'URL'}: <code>{i.url}</code>
        </p>
      )}
      {showSetup && i.snippets && (
        <div className="stack">
          <button type="button" className="button button-ghost disclosure" aria-expanded={setupOpen} onClick={() => setSetupOpen(!setupOpen)}>
            {setupOpen ? '▾' : '▸'} Configuration for senders
          </button>
          {setupOpen && (
            <>
              <SnippetTabs snippets={i.snippets} name={i.name} />
              <p className="muted">The key shows as &lt;YOUR_INTEGRATION_KEY&gt;: Tocsin only knows it right after creation or rotation.</p>
            </>
          )}
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      {manage && (
        <div className="card-actions">
          <button type="button" className="button" disabled={busy} onClick={() => update({ id: i.id, input: { enabled: !i.enabled } })}>
            {i.enabled ? 'Disable' : 'Enable'}
            <span className="visually-hidden"> {i.name}</span>
          </button>
          <button type="button" className="button" disabled={busy} onClick={rotateKey}>
            Rotate key<span className="visually-hidden"> of {i.name}</span>
          </button>
          <button type="button" className="button button-danger" disabled={busy} onClick={deleteIt}>
            Delete<span className="visually-hidden"> {i.name}</span>
          </button>
        </div>
      )}
      <Dialog title={`New key for ${i.name}`} open={reveal && !!fresh} onClose={() => setReveal(false)}>
        {fresh && <KeyReveal integration={fresh.integration} serviceID={serviceID} secret={fresh.key} snippets={fresh.snippets} rotated onDone={() => setReveal(false)} />}
      </Dialog>
    </li>
  );
}
