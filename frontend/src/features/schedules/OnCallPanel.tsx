import { Link } from 'react-router';
import { useQuery } from 'urql';
import { HomeOnCallQuery } from './documents';
import { OnCallList } from './OnCallList';
import { useViewer } from '../auth/useViewer';
import { useNow } from '../../time/useNow';
import { formatAbsolute } from '../../time/format';

/** The home page's "who is on call now and next", and whether it is you. A side panel: it stays quiet while loading or failing. */
export function OnCallPanel() {
  const { viewer } = useViewer();
  const now = useNow();
  const [{ data }] = useQuery({ query: HomeOnCallQuery });
  if (!data) return null;
  const schedules = data.schedules.edges?.flatMap((e) => (e?.node ? [e.node.onCallNow] : [])) ?? [];
  if (schedules.length === 0) return null;
  const mine = data.viewer?.onCallNow ?? [];
  const timeZone = viewer?.timeZone ?? 'UTC';
  return (
    <section className="oncall-panel" aria-labelledby="oncall-heading" data-testid="oncall-panel">
      <h2 id="oncall-heading">On call now</h2>
      {mine.length > 0 && (
        <p className="notice notice-success">
          You are on call in {mine.map((m) => m.schedule.name).join(', ')}
          {mine[0].until && ` until ${formatAbsolute(new Date(mine[0].until), timeZone)}`}.
        </p>
      )}
      <OnCallList items={schedules} now={now} timeZone={timeZone} label="Who is on call now and next" />
      {data.schedules.totalCount > schedules.length && (
        <p>
          <Link to="/schedules">All {data.schedules.totalCount} schedules</Link>
        </p>
      )}
    </section>
  );
}
