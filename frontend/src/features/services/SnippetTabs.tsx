import { snippetTabs } from './integrationKinds';
import { CopyButton } from '../../ui/CopyButton';
import { Tabs } from '../../ui/Tabs';

/** Ready-to-paste configurations, one tab per sender, each with its Copy button. */
export function SnippetTabs({ snippets, name }: { snippets: { curl: string; alertmanager: string; grafana: string }; name: string }) {
  const tabs = snippetTabs(snippets);
  if (tabs.length === 0) return null;
  return (
    <Tabs
      label={`Configuration for ${name}`}
      tabs={tabs.map((t) => ({
        id: t.id,
        label: t.label,
        content: (
          <div className="snippet">
            <pre>
              <code>{t.text}</code>
            </pre>
            <CopyButton text={t.text} label={`Copy the ${t.label} configuration`} className="button snippet-copy" />
          </div>
        ),
      }))}
    />
  );
}
