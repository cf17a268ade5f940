import { Navigate } from 'react-router';
import { useViewer } from '../auth/useViewer';

/** The start page by role: stakeholders land on their home, responders and admins on the alerts. */
export function Landing() {
  const { viewer } = useViewer();
  if (!viewer) return null;
  return <Navigate to={viewer.role === 'STAKEHOLDER' ? '/home' : '/alerts'} replace />;
}
