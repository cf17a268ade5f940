import { Route, Routes } from 'react-router';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage';
import { LoginPage } from './features/auth/LoginPage';
import { RequireViewer } from './features/auth/RequireViewer';
import { AlertDetailPage } from './features/alerts/AlertDetailPage';
import { AlertsPage } from './features/alerts/AlertsPage';
import { HeartbeatsPage } from './features/heartbeats/HeartbeatsPage';
import { IncidentPage } from './features/incidents/IncidentPage';
import { IncidentsPage } from './features/incidents/IncidentsPage';
import { PoliciesPage } from './features/policies/PoliciesPage';
import { PolicyEditorPage } from './features/policies/PolicyEditorPage';
import { PolicyPage } from './features/policies/PolicyPage';
import { ProfilePage } from './features/profile/ProfilePage';
import { SchedulePage } from './features/schedules/SchedulePage';
import { SchedulesPage } from './features/schedules/SchedulesPage';
import { SeverityLevelsPage } from './features/severities/SeverityLevelsPage';
import { StatusPagesPage } from './features/statuspages/StatusPagesPage';
import { Landing } from './features/stakeholder/Landing';
import { StakeholderHome } from './features/stakeholder/StakeholderHome';
import { ServicePage } from './features/services/ServicePage';
import { ServicesPage } from './features/services/ServicesPage';
import { AppShell } from './features/shell/AppShell';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { TeamsPage } from './features/teams/TeamsPage';
import { UsersPage } from './features/users/UsersPage';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/invite/:token" element={<AcceptInvitationPage />} />
      <Route
        element={
          <RequireViewer>
            <AppShell />
          </RequireViewer>
        }
      >
        <Route index element={<Landing />} />
        <Route path="/home" element={<StakeholderHome />} />
        <Route path="/alerts" element={<AlertsPage />} />
        <Route path="/alerts/:id" element={<AlertDetailPage />} />
        <Route path="/incidents" element={<IncidentsPage />} />
        <Route path="/incidents/:id" element={<IncidentPage />} />
        <Route path="/services" element={<ServicesPage />} />
        <Route path="/services/:id" element={<ServicePage />} />
        <Route path="/schedules" element={<SchedulesPage />} />
        <Route path="/schedules/:id" element={<SchedulePage />} />
        <Route path="/policies" element={<PoliciesPage />} />
        <Route path="/policies/new" element={<PolicyEditorPage />} />
        <Route path="/policies/:id" element={<PolicyPage />} />
        <Route path="/policies/:id/edit" element={<PolicyEditorPage />} />
        <Route path="/heartbeats" element={<HeartbeatsPage />} />
        <Route path="/teams" element={<TeamsPage />} />
        <Route path="/users" element={<UsersPage />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/status-pages" element={<StatusPagesPage />} />
        <Route path="/severities" element={<SeverityLevelsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
