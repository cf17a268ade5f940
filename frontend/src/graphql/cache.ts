import { cacheExchange, type Cache, type KeyingConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';

// Relay connections, edges and payloads have no id: graphcache stores them
// inside their parent instead of as entities.
const embedded = [
  'PageInfo',
  'LoginPayload',
  'CreateAPITokenPayload',
  'CreateAlertPayload',
  'IntegrationKeyPayload',
  'IntegrationSnippets',
  'MappingResult',
  'Shift',
  'OnCall',
  'Restriction',
  'CreateCalendarFeedPayload',
  'RegisterDevicePayload',
  'TestNotificationResult',
  'StakeholderPreferences',
  // A target's id is the user's, schedule's or team's: only unique with its kind.
  'EscalationTarget',
  'EscalationStepPreview',
  // An alert's escalation progress is part of the alert.
  'EscalationProgress',
  'EscalationNextStep',
  'EscalationPage',
  ...['APIToken', 'EscalationPolicy', 'Schedule', 'Alert', 'Heartbeat', 'Incident', 'Integration', 'MaintenanceWindow', 'Service', 'Team', 'TimelineEvent', 'User'].flatMap((t) => [
    `${t}Connection`,
    `${t}Edge`,
  ]),
];
const keys: KeyingConfig = Object.fromEntries(embedded.map((t) => [t, () => null]));

/** Drops every cached variant of a root list so the pages showing it refetch. */
function invalidateList(cache: Cache, fieldName: string) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldKey);
  }
}

/** Drops a cached field of one entity (all argument variants), e.g. an alert's timeline. */
function invalidateField(cache: Cache, entity: { __typename: string; id: string }, fieldName: string) {
  for (const field of cache.inspectFields(entity)) {
    if (field.fieldName === fieldName) cache.invalidate(entity, field.fieldKey);
  }
}

/**
 * After acting on alerts: lists refetch (an acknowledged alert may leave the
 * Open filter), and timelines the answer did not bring along refetch too.
 */
const alertsChanged = (result: Record<string, unknown>, _args: unknown, cache: Cache, info: { fieldName: string }) => {
  invalidateList(cache, 'alerts');
  const answer = result[info.fieldName];
  for (const a of (Array.isArray(answer) ? answer : [answer]) as { id?: string; timeline?: unknown }[]) {
    if (a?.id && a.timeline === undefined) invalidateField(cache, { __typename: 'Alert', id: a.id }, 'timeline');
  }
};

/**
 * After alerts join an incident (declared from them, linked later) or leave
 * it: the incident lists refetch, and so does each alert's incident, so its
 * page shows the link (or offers to declare again).
 */
const alertsJoinedIncident = (_result: unknown, args: Record<string, unknown>, cache: Cache) => {
  invalidateList(cache, 'incidents');
  const ids = (args.alertIDs ?? (args.input as { alertIDs?: unknown } | undefined)?.alertIDs ?? []) as string[];
  for (const id of ids) invalidateField(cache, { __typename: 'Alert', id }, 'incident');
};

/** After a change to a service's doors, heartbeats or windows: refetch the service and heartbeat lists. */
const serviceChanged = (...lists: string[]) => (_result: unknown, args: Record<string, unknown>, cache: Cache) => {
  for (const list of lists) invalidateList(cache, list);
  const input = args.input as { serviceID?: string } | undefined;
  if (input?.serviceID) {
    for (const f of ['integrations', 'heartbeats', 'maintenanceWindows']) invalidateField(cache, { __typename: 'Service', id: input.serviceID }, f);
  }
};

/** A deletion answers with the id: drop the entity so lists holding it stop showing it. */
const deleted = (typename: string) => (result: Record<string, unknown>, _args: unknown, cache: Cache, info: { fieldName: string }) => {
  const id = result[info.fieldName];
  if (typeof id === 'string') cache.invalidate({ __typename: typename, id });
};

const refetch = (...lists: string[]) => (_result: unknown, _args: unknown, cache: Cache) => {
  for (const list of lists) invalidateList(cache, list);
};

/**
 * After a change to the viewer's contact methods or rules: both lists
 * refetch, since verifying a method may have brought the default rules.
 */
const pagingChanged = (_result: unknown, _args: unknown, cache: Cache) => {
  const viewer = cache.resolve('Query', 'viewer');
  if (typeof viewer !== 'string') return;
  for (const f of ['contactMethods', 'notificationRules']) cache.invalidate(viewer, f);
};

export const tocsinCache = () =>
  cacheExchange({
    keys,
    resolvers: {
      Query: {
        alerts: relayPagination(),
        incidents: relayPagination(),
      },
    },
    updates: {
      Mutation: {
        login: refetch('viewer'),
        acceptInvitation: refetch('viewer'),
        inviteUser: refetch('users'),
        createTeam: refetch('teams'),
        deleteTeam: refetch('teams'),
        updateTeam: refetch('users'),
        createService: refetch('services', 'teams'),
        updateService: refetch('teams', 'escalationPolicies'),
        deleteService: refetch('services', 'teams'),
        createAPIToken: refetch('apiTokens'),
        createAlert: alertsChanged,
        acknowledgeAlerts: alertsChanged,
        closeAlerts: alertsChanged,
        unacknowledgeAlert: alertsChanged,
        snoozeAlert: alertsChanged,
        addAlertNote: alertsChanged,
        assignAlert: alertsChanged,
        escalateAlert: alertsChanged,
        updateAlert: alertsChanged,
        declareIncident: alertsJoinedIncident,
        linkAlertsToIncident: alertsJoinedIncident,
        unlinkAlertsFromIncident: alertsJoinedIncident,
        createIntegration: serviceChanged(),
        deleteIntegration: deleted('Integration'),
        createHeartbeat: serviceChanged('heartbeats'),
        deleteHeartbeat: deleted('Heartbeat'),
        createMaintenanceWindow: serviceChanged(),
        endMaintenanceWindow: deleted('MaintenanceWindow'),
        // Schedule pages refetch themselves after a change (the shifts of
        // every layer may move); lists of who is on call refetch here.
        createSchedule: refetch('schedules', 'teams'),
        createScheduleLayer: refetch('schedules', 'teams', 'viewer'),
        createScheduleOverride: refetch('schedules', 'teams', 'viewer'),
        deleteScheduleOverride: refetch('schedules', 'teams', 'viewer'),
        acceptCoverRequest: refetch('schedules', 'teams', 'viewer'),
        createEscalationPolicy: refetch('escalationPolicies'),
        updateEscalationPolicy: refetch('escalationPolicies'),
        deleteEscalationPolicy: deleted('EscalationPolicy'),
        createContactMethod: pagingChanged,
        verifyContactMethod: pagingChanged,
        deleteContactMethod: pagingChanged,
        updateContactMethod: pagingChanged,
        registerDevice: pagingChanged,
        createNotificationRule: pagingChanged,
        deleteNotificationRule: pagingChanged,
      },
    },
  });
