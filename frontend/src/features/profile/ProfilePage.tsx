import { APITokens } from './APITokens';
import { NotificationPreferences } from './NotificationPreferences';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';
import { StakeholderDevices } from './paging/Devices';
import { PagingSettings } from './paging/PagingSettings';
import { canRespond, canUseAPITokens, roleDescriptions, roleLabels } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';

export function ProfilePage() {
  const { viewer } = useViewer();
  if (!viewer) return null;
  return (
    <>
      <PageHeader title="Profile" />
      <p className="muted">
        You are signed in as {viewer.email}, {roleLabels[viewer.role].toLowerCase()}: {roleDescriptions[viewer.role]}.
      </p>
      <div className="profile-grid">
        <ProfileForm viewer={viewer} />
        <PasswordForm />
        {canUseAPITokens(viewer.role) && <APITokens viewer={viewer} />}
        <NotificationPreferences />
      </div>
      <div className="profile-grid paging-grid">
        {canRespond(viewer.role) ? <PagingSettings timeZone={viewer.timeZone} /> : <StakeholderDevices />}
      </div>
    </>
  );
}
