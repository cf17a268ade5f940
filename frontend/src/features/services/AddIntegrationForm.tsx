import { useId, useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { CreateIntegrationMutation, TestGenericMappingQuery } from './documents';
import { cleanMapping, integrationKinds, mappingFields, parseSample } from './integrationKinds';
import { KeyReveal } from './KeyReveal';
import type { IntegrationKind, TestGenericMappingQuery as MappingAnswer } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions } from '../../ui/Form';

const sampleBody = `{
  "title": "Queue depth above 10k on orders",
  "level": "critical",
  "host": "worker-3",
  "labels": ["queue", "orders"]
}`;

/** Picks a kind and name (and for GENERIC a mapping), then shows the new key once. */
export function AddIntegrationForm({ serviceID, onDone }: { serviceID: string; onDone: () => void }) {
  const id = useId();
  const [kind, setKind] = useState<IntegrationKind>('OPSGENIE');
  const [name, setName] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({ message: 'body.title', priority: 'body.level == "critical" ? "P1" : "P3"', tags: 'body.labels' });
  const [state, create] = useMutation(CreateIntegrationMutation);
  const created = state.data?.createIntegration;

  if (created) {
    return <KeyReveal integration={created.integration} serviceID={serviceID} secret={created.key} snippets={created.snippets} onDone={onDone} />;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const label = integrationKinds.find((k) => k.kind === kind)?.label ?? kind;
    await create({ input: { serviceID, kind, name: name.trim() || label, mapping: kind === 'GENERIC' ? cleanMapping(mapping) : undefined } });
  }

  return (
    <form className="stack" onSubmit={submit}>
      <fieldset className="field">
        <legend>What sends the alerts?</legend>
        <div className="kind-grid">
          {integrationKinds.map((k) => (
            <label key={k.kind} className="radio kind-choice">
              <input type="radio" name={`${id}-kind`} value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} />
              <span>
                <strong>{k.label}</strong>
                <span className="muted kind-hint">{k.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field id={`${id}-name`} label="Name">
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Prometheus production" />
      </Field>
      {kind === 'GENERIC' && <MappingEditor mapping={mapping} onChange={setMapping} />}
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={onDone} busy={state.fetching}>
        Create integration
      </FormActions>
    </form>
  );
}

/** Expressions over `body` for each alert field, and a pane that tries them on a pasted sample. */
export function MappingEditor({ mapping, onChange }: { mapping: Record<string, string>; onChange: (m: Record<string, string>) => void }) {
  const id = useId();
  const client = useClient();
  const [sample, setSample] = useState(sampleBody);
  const [result, setResult] = useState<{ answer?: MappingAnswer['testGenericMapping']; problem?: string }>();
  const [testing, setTesting] = useState(false);

  async function test() {
    const parsed = parseSample(sample);
    if (!parsed.sample) return setResult({ problem: parsed.problem });
    setTesting(true);
    const r = await client.query(TestGenericMappingQuery, { mapping: cleanMapping(mapping), sample: parsed.sample }, { requestPolicy: 'network-only' }).toPromise();
    setTesting(false);
    setResult(r.error ? { problem: describeError(r.error) } : { answer: r.data?.testGenericMapping });
  }

  const answer = result?.answer;
  return (
    <div className="mapping">
      <fieldset className="field mapping-fields">
        <legend>Mapping: expressions over the request’s JSON, named body</legend>
        {mappingFields.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`${id}-${f.key}`}>
              {f.label}
              {'required' in f && f.required ? '' : ' (optional)'}
            </label>
            <input
              id={`${id}-${f.key}`}
              className="mono"
              required={'required' in f && f.required}
              value={mapping[f.key] ?? ''}
              placeholder={f.placeholder}
              onChange={(e) => onChange({ ...mapping, [f.key]: e.target.value })}
              spellCheck={false}
            />
          </div>
        ))}
      </fieldset>
      <div className="field mapping-test">
        <label htmlFor={`${id}-sample`}>Sample body (JSON)</label>
        <textarea id={`${id}-sample`} className="mono" rows={7} value={sample} onChange={(e) => setSample(e.target.value)} spellCheck={false} />
        <button type="button" className="button" onClick={test} disabled={testing}>
          {testing ? 'Testing…' : 'Test this mapping'}
        </button>
        <div aria-live="polite" data-testid="mapping-result">
          {result?.problem && <p className="notice notice-error">{result.problem}</p>}
          {answer && answer.errors.length > 0 && (
            <div className="notice notice-error">
              <p>This mapping would be refused:</p>
              <ul className="plain-list">
                {answer.errors.map((e) => (
                  <li key={e}>
                    <pre className="mono">{e}</pre>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {answer && answer.errors.length === 0 && (
            <div className="notice notice-success">
              <p>{answer.close ? 'This body would close the alert with this alias:' : 'This body would raise:'}</p>
              <table className="kv">
                <tbody>
                  <tr>
                    <th scope="row">Message</th>
                    <td>{answer.message}</td>
                  </tr>
                  <tr>
                    <th scope="row">Priority</th>
                    <td>{answer.priority || 'P3 (default)'}</td>
                  </tr>
                  {answer.alias && (
                    <tr>
                      <th scope="row">Alias</th>
                      <td>{answer.alias}</td>
                    </tr>
                  )}
                  {answer.description && (
                    <tr>
                      <th scope="row">Description</th>
                      <td>{answer.description}</td>
                    </tr>
                  )}
                  {answer.tags.length > 0 && (
                    <tr>
                      <th scope="row">Tags</th>
                      <td>{answer.tags.join(', ')}</td>
                    </tr>
                  )}
                  {Object.entries(answer.details).map(([k, v]) => (
                    <tr key={k}>
                      <th scope="row">{k}</th>
                      <td>{String(v)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
