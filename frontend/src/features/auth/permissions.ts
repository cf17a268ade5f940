import type { UserRole } from '../../gql/graphql';

// What each role may change, mirroring the server's privacy rules so that
// nobody is shown a control that would only fail.

/** Admins manage users, teams and services. */
export function canManageDirectory(role: UserRole | undefined): boolean {
  return role === 'ADMIN';
}

/** Responders and admins act on alerts and incidents. */
export function canRespond(role: UserRole | undefined): boolean {
  return role === 'ADMIN' || role === 'RESPONDER';
}

/** API tokens act as their owner; stakeholders have nothing to automate. */
export function canUseAPITokens(role: UserRole | undefined): boolean {
  return canRespond(role);
}

export const roleLabels: Record<UserRole, string> = {
  ADMIN: 'Admin',
  RESPONDER: 'Responder',
  STAKEHOLDER: 'Stakeholder',
};

export const roleDescriptions: Record<UserRole, string> = {
  ADMIN: 'manages users, teams and services',
  RESPONDER: 'handles alerts and incidents',
  STAKEHOLDER: 'follows incidents, changes nothing',
};

/** Admins set up integrations and heartbeats (their keys let anyone raise alerts). */
export function canManageIntegrations(role: UserRole | undefined): boolean {
  return role === 'ADMIN';
}

/**
 * Admins plan maintenance windows for any service, responders for their own
 * teams' services (a window silences the service's paging).
 */
export function canManageMaintenance(role: UserRole | undefined, viewerTeamIDs: readonly string[], serviceTeamID: string | undefined): boolean {
  if (role === 'ADMIN') return true;
  return role === 'RESPONDER' && serviceTeamID !== undefined && viewerTeamIDs.includes(serviceTeamID);
}

/** Admins write escalation policies and choose a service's; responders and stakeholders read them. */
export function canManagePolicies(role: UserRole | undefined): boolean {
  return role === 'ADMIN';
}

/** Admins configure status pages; everyone signed in reads them. */
export function canManageStatusPages(role: UserRole | undefined): boolean {
  return role === 'ADMIN';
}
