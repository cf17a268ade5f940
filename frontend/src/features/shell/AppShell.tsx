import { useCallback, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useMutation } from 'urql';
import { LogoutMutation } from '../auth/documents';
import { useViewer } from '../auth/useViewer';
import { canManageStatusPages, roleLabels } from '../auth/permissions';
import { KeyboardHelp } from '../../keyboard/KeyboardHelp';
import { useShortcuts } from '../../keyboard/useShortcuts';
import { Logo } from '../../ui/Logo';
import type { UserRole } from '../../gql/graphql';

const sections = [
  { to: '/alerts', label: 'Alerts' },
  { to: '/incidents', label: 'Incidents' },
  { to: '/services', label: 'Services' },
  { to: '/schedules', label: 'Schedules' },
  { to: '/policies', label: 'Escalation' },
  { to: '/heartbeats', label: 'Heartbeats' },
  { to: '/teams', label: 'Teams' },
  { to: '/users', label: 'Users' },
  { to: '/status-pages', label: 'Status pages', adminOnly: true },
  { to: '/severities', label: 'Severities', adminOnly: true },
  { to: '/profile', label: 'Profile' },
];

/** The sections a role sees in the navigation: only what it may use. */
export function navSections(role: UserRole | undefined) {
  return sections.filter((s) => !s.adminOnly || canManageStatusPages(role));
}

/** The frame around every signed-in page: navigation, who is signed in, sign out. */
export function AppShell() {
  const { viewer } = useViewer();
  const [helpOpen, setHelpOpen] = useState(false);
  const [{ fetching: signingOut }, logout] = useMutation(LogoutMutation);
  useShortcuts(useCallback(() => setHelpOpen(true), []));

  async function signOut() {
    await logout({});
    // A full load drops everything cached for this user.
    window.location.assign('/login');
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="Tocsin home">
          <Logo />
          <span>Tocsin</span>
        </NavLink>
        <nav aria-label="Main" className="nav">
          <ul>
            {(viewer?.role === 'STAKEHOLDER' ? [{ to: '/home', label: 'Home' }, ...navSections(viewer?.role)] : navSections(viewer?.role)).map((s) => (
              <li key={s.to}>
                <NavLink to={s.to}>{s.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <NavLink to="/profile" className="account-name" data-testid="viewer-name" title={viewer?.email}>
            {viewer?.name}
            {viewer && <span className="account-role">{roleLabels[viewer.role]}</span>}
          </NavLink>
          <button type="button" className="button button-ghost icon-button" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
            ?
          </button>
          <button type="button" className="button button-ghost" onClick={signOut} disabled={signingOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
