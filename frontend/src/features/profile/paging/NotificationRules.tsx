import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateNotificationRuleMutation, DeleteNotificationRuleMutation } from './documents';
import { kindLabels, ruleSentence, ruleWords, urgencyLabels, type RuleLike, type Urgency } from './ruleSentence';
import type { ContactMethodFieldsFragment } from '../../../gql/graphql';
import { ErrorNotice } from '../../../ui/ErrorNotice';

type Rule = RuleLike & { id: string };

const delays = [0, 1, 2, 3, 5, 10, 15, 20, 30, 45, 60];

/** The rules per urgency as sentences, each rule removable, and a form to add one. */
export function NotificationRules({ rules, methods }: { rules: Rule[]; methods: ContactMethodFieldsFragment[] }) {
  const usable = methods.filter((m) => m.verifiedAt && !m.disabled);
  return (
    <section className="stack card" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Notification rules</h2>
      <p className="muted">When an escalation step names you, Tocsin follows these rules. High urgency ignores quiet hours.</p>
      {(['HIGH', 'LOW'] as Urgency[]).map((u) => (
        <div key={u} className="stack" data-testid={`rules-${u.toLowerCase()}`}>
          <p className="row-title" data-testid="rule-sentence">
            {ruleSentence(u, rules)}
          </p>
          <ul className="list" aria-label={`${urgencyLabels[u]} rules`}>
            {rules
              .filter((r) => r.urgency === u)
              .sort((a, b) => a.delayMinutes - b.delayMinutes)
              .map((r) => (
                <RuleRow key={r.id} rule={r} />
              ))}
          </ul>
        </div>
      ))}
      {usable.length > 0 ? <AddRuleForm methods={usable} /> : <p className="muted">Verify a contact method first; your first one brings sensible default rules.</p>}
    </section>
  );
}

function RuleRow({ rule }: { rule: Rule }) {
  const [state, remove] = useMutation(DeleteNotificationRuleMutation);
  const words = ruleWords(rule);
  return (
    <li className="row" data-testid="rule-row">
      <div className="row-main">
        <p>{words}</p>
        {state.error && <ErrorNotice error={state.error} />}
      </div>
      <div className="row-trail">
        <button type="button" className="button" disabled={state.fetching} aria-label={`Remove rule: ${words}`} onClick={() => remove({ id: rule.id })}>
          Remove
        </button>
      </div>
    </li>
  );
}

/** Adds one rule: which urgency, which contact method, how long after the step. */
export function AddRuleForm({ methods }: { methods: ContactMethodFieldsFragment[] }) {
  const [urgency, setUrgency] = useState<Urgency>('HIGH');
  const [methodID, setMethodID] = useState(methods[0]?.id ?? '');
  const [delay, setDelay] = useState(0);
  const [state, create] = useMutation(CreateNotificationRuleMutation);
  const chosen = methods.some((m) => m.id === methodID) ? methodID : (methods[0]?.id ?? '');

  async function submit(e: FormEvent) {
    e.preventDefault();
    await create({ input: { contactMethodID: chosen, urgency, delayMinutes: delay } });
  }

  return (
    <form onSubmit={submit} className="stack" aria-label="Add a notification rule">
      <div className="inline-form">
        <div className="field">
          <label htmlFor="rule-urgency">For</label>
          <select id="rule-urgency" value={urgency} onChange={(e) => setUrgency(e.target.value as Urgency)}>
            <option value="HIGH">{urgencyLabels.HIGH}</option>
            <option value="LOW">{urgencyLabels.LOW}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="rule-method">Notify me on</label>
          <select id="rule-method" value={chosen} onChange={(e) => setMethodID(e.target.value)}>
            {methods.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({kindLabels[m.kind]})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rule-delay">When</label>
          <select id="rule-delay" value={delay} onChange={(e) => setDelay(Number(e.target.value))}>
            {delays.map((d) => (
              <option key={d} value={d}>
                {d === 0 ? 'at once' : `after ${d} min`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={state.fetching || !chosen}>
          Add rule
        </button>
      </div>
      {state.error && <ErrorNotice error={state.error} />}
    </form>
  );
}
