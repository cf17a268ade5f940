/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Alerts($first: Int!, $after: Cursor, $where: AlertWhereInput) {\n    alerts(first: $first, after: $after, where: $where, orderBy: [{ field: FIRST_OCCURRED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AlertRow\n        }\n      }\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  fragment AlertRow on Alert {\n    id\n    tinyID\n    message\n    priority\n    status\n    count\n    firstOccurredAt\n    lastOccurredAt\n    snoozedUntil\n    inMaintenance\n    service {\n      id\n      name\n    }\n    acknowledgedBy {\n      id\n      name\n    }\n    owner {\n      id\n      name\n    }\n  }\n": typeof types.AlertRowFragmentDoc,
    "\n  fragment AlertDetail on Alert {\n    ...AlertRow\n    escalationDueAt\n    escalation {\n      ...EscalationProgress\n    }\n    alias\n    description\n    details\n    tags\n    source\n    entity\n    acknowledgedAt\n    closedAt\n    closedBy {\n      id\n      name\n    }\n    incident {\n      id\n      title\n    }\n    timeline(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          actorType\n          actorName\n          data\n          createdAt\n          actor {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AlertDetailFragmentDoc,
    "\n  fragment EscalationProgress on EscalationProgress {\n    state\n    round\n    rounds\n    step\n    steps\n    snoozedUntil\n    stoppedBy\n    stoppedAt\n    planned {\n      ...EscalationPage\n    }\n    next {\n      round\n      step\n      dueAt\n      unreachable\n      pages {\n        ...EscalationPage\n      }\n    }\n  }\n": typeof types.EscalationProgressFragmentDoc,
    "\n  fragment EscalationPage on EscalationPage {\n    at\n    channel\n    contactMethodName\n    user {\n      id\n      name\n    }\n  }\n": typeof types.EscalationPageFragmentDoc,
    "\n  query AlertDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Alert {\n        ...AlertDetail\n      }\n    }\n  }\n": typeof types.AlertDetailDocument,
    "\n  query AlertServiceChoices {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AlertServiceChoicesDocument,
    "\n  query AssigneeChoices {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }, where: { disabled: false, roleNEQ: STAKEHOLDER }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n": typeof types.AssigneeChoicesDocument,
    "\n  mutation AcknowledgeAlerts($ids: [ID!]!, $note: String) {\n    acknowledgeAlerts(ids: $ids, note: $note) {\n      ...AlertRow\n    }\n  }\n": typeof types.AcknowledgeAlertsDocument,
    "\n  mutation CloseAlerts($ids: [ID!]!, $note: String) {\n    closeAlerts(ids: $ids, note: $note) {\n      ...AlertRow\n    }\n  }\n": typeof types.CloseAlertsDocument,
    "\n  mutation AcknowledgeAlert($ids: [ID!]!, $note: String) {\n    acknowledgeAlerts(ids: $ids, note: $note) {\n      ...AlertDetail\n    }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  mutation CloseAlert($ids: [ID!]!, $note: String) {\n    closeAlerts(ids: $ids, note: $note) {\n      ...AlertDetail\n    }\n  }\n": typeof types.CloseAlertDocument,
    "\n  mutation UnacknowledgeAlert($id: ID!, $note: String) {\n    unacknowledgeAlert(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n": typeof types.UnacknowledgeAlertDocument,
    "\n  mutation SnoozeAlert($id: ID!, $until: Time!, $note: String) {\n    snoozeAlert(id: $id, until: $until, note: $note) {\n      ...AlertDetail\n    }\n  }\n": typeof types.SnoozeAlertDocument,
    "\n  mutation AddAlertNote($id: ID!, $note: String!) {\n    addAlertNote(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n": typeof types.AddAlertNoteDocument,
    "\n  mutation AssignAlert($id: ID!, $ownerID: ID!, $note: String) {\n    assignAlert(id: $id, ownerID: $ownerID, note: $note) {\n      ...AlertDetail\n    }\n  }\n": typeof types.AssignAlertDocument,
    "\n  mutation EscalateAlert($id: ID!, $note: String) {\n    escalateAlert(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n": typeof types.EscalateAlertDocument,
    "\n  mutation UpdateAlert($id: ID!, $priority: AlertPriority, $message: String, $description: String) {\n    updateAlert(id: $id, priority: $priority, message: $message, description: $description) {\n      ...AlertDetail\n    }\n  }\n": typeof types.UpdateAlertDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      role\n      timeZone\n      teams(first: 100) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Heartbeats {\n    heartbeats(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...HeartbeatFields\n        }\n      }\n    }\n  }\n": typeof types.HeartbeatsDocument,
    "\n  query Incidents($first: Int!, $after: Cursor, $where: IncidentWhereInput) {\n    incidents(first: $first, after: $after, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n": typeof types.IncidentsDocument,
    "\n  fragment IncidentRow on Incident {\n    id\n    title\n    nextUpdateDueAt\n    updateOverdue\n    severity\n    status\n    createdAt\n    resolvedAt\n    services(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.IncidentRowFragmentDoc,
    "\n  fragment IncidentDetail on Incident {\n    id\n    title\n    summary\n    severity\n    status\n    createdAt\n    resolvedAt\n    nextUpdateDueAt\n    updateOverdue\n    services(first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    commander {\n      id\n      name\n    }\n    commsLead {\n      id\n      name\n    }\n    responders {\n      id\n      name\n    }\n    stakeholders {\n      id\n      name\n    }\n    alerts(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          message\n          status\n          priority\n          pageUserID\n        }\n      }\n    }\n    timeline(first: 200, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          actorName\n          visibility\n          data\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.IncidentDetailFragmentDoc,
    "\n  query IncidentDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Incident {\n        ...IncidentDetail\n      }\n    }\n  }\n": typeof types.IncidentDetailDocument,
    "\n  query IncidentPeople {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }, where: { disabled: false }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n": typeof types.IncidentPeopleDocument,
    "\n  mutation DeclareIncident($input: DeclareIncidentInput!) {\n    declareIncident(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.DeclareIncidentDocument,
    "\n  query OngoingIncidents($first: Int!, $where: IncidentWhereInput) {\n    incidents(first: $first, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          severity\n          status\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.OngoingIncidentsDocument,
    "\n  mutation LinkAlertsToIncident($incidentID: ID!, $alertIDs: [ID!]!) {\n    linkAlertsToIncident(incidentID: $incidentID, alertIDs: $alertIDs) {\n      id\n      title\n    }\n  }\n": typeof types.LinkAlertsToIncidentDocument,
    "\n  mutation SetIncidentSeverity($id: ID!, $severity: IncidentSeverity!) {\n    setIncidentSeverity(incidentID: $id, severity: $severity) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.SetIncidentSeverityDocument,
    "\n  mutation SetIncidentStatus($id: ID!, $status: IncidentStatus!) {\n    setIncidentStatus(incidentID: $id, status: $status) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.SetIncidentStatusDocument,
    "\n  mutation AssignIncidentRole($id: ID!, $userID: ID!, $role: IncidentMemberRole!) {\n    assignIncidentRole(incidentID: $id, userID: $userID, role: $role) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.AssignIncidentRoleDocument,
    "\n  mutation AddIncidentResponder($id: ID!, $userID: ID!) {\n    addIncidentResponder(incidentID: $id, userID: $userID) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.AddIncidentResponderDocument,
    "\n  mutation AddIncidentStakeholder($id: ID!, $userID: ID!) {\n    addIncidentStakeholder(incidentID: $id, userID: $userID) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.AddIncidentStakeholderDocument,
    "\n  mutation AddIncidentNote($id: ID!, $note: String!) {\n    addIncidentNote(incidentID: $id, note: $note) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.AddIncidentNoteDocument,
    "\n  mutation PostStatusUpdate($id: ID!, $message: String!, $status: IncidentStatus!, $audience: StatusUpdateAudience!) {\n    postStatusUpdate(incidentID: $id, message: $message, status: $status, audience: $audience) {\n      id\n      incident {\n        ...IncidentDetail\n      }\n    }\n  }\n": typeof types.PostStatusUpdateDocument,
    "\n  mutation UnlinkAlerts($id: ID!, $alertIDs: [ID!]!) {\n    unlinkAlertsFromIncident(incidentID: $id, alertIDs: $alertIDs) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.UnlinkAlertsDocument,
    "\n  mutation RemoveIncidentServices($id: ID!, $serviceIDs: [ID!]!) {\n    removeIncidentServices(incidentID: $id, serviceIDs: $serviceIDs) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.RemoveIncidentServicesDocument,
    "\n  mutation AddIncidentServices($id: ID!, $serviceIDs: [ID!]!) {\n    addIncidentServices(incidentID: $id, serviceIDs: $serviceIDs) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.AddIncidentServicesDocument,
    "\n  fragment PolicyStepFields on EscalationStep {\n    id\n    position\n    delayMinutes\n    keepPaging\n    targets {\n      kind\n      id\n      name\n    }\n  }\n": typeof types.PolicyStepFieldsFragmentDoc,
    "\n  query EscalationPolicies {\n    escalationPolicies(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          repeat\n          steps {\n            ...PolicyStepFields\n          }\n          services {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.EscalationPoliciesDocument,
    "\n  query EscalationPolicy($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on EscalationPolicy {\n        name\n        description\n        repeat\n        steps {\n          ...PolicyStepFields\n        }\n        services {\n          id\n          name\n        }\n        preview {\n          position\n          users {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.EscalationPolicyDocument,
    "\n  query EscalationTargetChoices {\n    viewer {\n      id\n      contactMethods {\n        id\n        kind\n        name\n        disabled\n      }\n    }\n    users(first: 500, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          disabled\n        }\n      }\n    }\n    schedules(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.EscalationTargetChoicesDocument,
    "\n  mutation CreateEscalationPolicy($input: EscalationPolicyInput!) {\n    createEscalationPolicy(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateEscalationPolicyDocument,
    "\n  mutation UpdateEscalationPolicy($id: ID!, $input: EscalationPolicyInput!) {\n    updateEscalationPolicy(id: $id, input: $input) {\n      id\n      name\n      description\n      repeat\n      steps {\n        ...PolicyStepFields\n      }\n    }\n  }\n": typeof types.UpdateEscalationPolicyDocument,
    "\n  mutation DeleteEscalationPolicy($id: ID!) {\n    deleteEscalationPolicy(id: $id)\n  }\n": typeof types.DeleteEscalationPolicyDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      timeZone\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query APITokens($userID: ID!) {\n    apiTokens(first: 100, where: { userID: $userID }, orderBy: { field: CREATED_AT, direction: DESC }) {\n      edges {\n        node {\n          ...APITokenFields\n        }\n      }\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  fragment APITokenFields on APIToken {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  mutation CreateAPIToken($name: String!, $expiresAt: Time) {\n    createAPIToken(name: $name, expiresAt: $expiresAt) {\n      secret\n      apiToken {\n        ...APITokenFields\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeAPIToken($id: ID!) {\n    revokeAPIToken(id: $id) {\n      ...APITokenFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment ContactMethodFields on ContactMethod {\n    id\n    kind\n    name\n    maskedAddress\n    platform\n    criticalAlerts\n    verifiedAt\n    verificationExpiresAt\n    disabled\n  }\n": typeof types.ContactMethodFieldsFragmentDoc,
    "\n  query PagingSettings {\n    viewer {\n      id\n      quietHoursStart\n      quietHoursEnd\n      contactMethods {\n        ...ContactMethodFields\n      }\n      notificationRules {\n        id\n        urgency\n        delayMinutes\n        contactMethod {\n          id\n          kind\n          name\n        }\n      }\n    }\n  }\n": typeof types.PagingSettingsDocument,
    "\n  query Devices {\n    viewer {\n      id\n      contactMethods {\n        ...ContactMethodFields\n      }\n    }\n  }\n": typeof types.DevicesDocument,
    "\n  mutation CreateContactMethod($input: CreateContactMethodInput!) {\n    createContactMethod(input: $input) {\n      ...ContactMethodFields\n    }\n  }\n": typeof types.CreateContactMethodDocument,
    "\n  mutation SendContactMethodVerification($id: ID!) {\n    sendContactMethodVerification(id: $id) {\n      ...ContactMethodFields\n    }\n  }\n": typeof types.SendContactMethodVerificationDocument,
    "\n  mutation VerifyContactMethod($id: ID!, $code: String!) {\n    verifyContactMethod(id: $id, code: $code) {\n      ...ContactMethodFields\n    }\n  }\n": typeof types.VerifyContactMethodDocument,
    "\n  mutation SetContactMethodDisabled($id: ID!, $disabled: Boolean!) {\n    updateContactMethod(id: $id, input: { disabled: $disabled }) {\n      ...ContactMethodFields\n    }\n  }\n": typeof types.SetContactMethodDisabledDocument,
    "\n  mutation DeleteContactMethod($id: ID!) {\n    deleteContactMethod(id: $id)\n  }\n": typeof types.DeleteContactMethodDocument,
    "\n  mutation SendTestNotification($id: ID!) {\n    sendTestNotification(id: $id) {\n      sent\n      summary\n    }\n  }\n": typeof types.SendTestNotificationDocument,
    "\n  mutation CreateNotificationRule($input: CreateNotificationRuleInput!) {\n    createNotificationRule(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateNotificationRuleDocument,
    "\n  mutation DeleteNotificationRule($id: ID!) {\n    deleteNotificationRule(id: $id)\n  }\n": typeof types.DeleteNotificationRuleDocument,
    "\n  mutation SetQuietHours($start: Int, $end: Int) {\n    setQuietHours(start: $start, end: $end) {\n      id\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n": typeof types.SetQuietHoursDocument,
    "\n  fragment OnCallFields on OnCall {\n    schedule {\n      id\n      name\n      timeZone\n    }\n    users {\n      id\n      name\n    }\n    until\n    next {\n      id\n      name\n    }\n  }\n": typeof types.OnCallFieldsFragmentDoc,
    "\n  query Schedules {\n    schedules(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          timeZone\n          team {\n            id\n            name\n          }\n          onCallNow {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.SchedulesDocument,
    "\n  fragment ShiftFields on Shift {\n    start\n    end\n    users {\n      id\n      name\n    }\n  }\n": typeof types.ShiftFieldsFragmentDoc,
    "\n  query Schedule($id: ID!, $from: Time!, $to: Time!) {\n    node(id: $id) {\n      __typename\n      ... on Schedule {\n        id\n        name\n        description\n        timeZone\n        team {\n          id\n          name\n          members(first: 200) {\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n        onCallNow {\n          ...OnCallFields\n        }\n        shifts(from: $from, to: $to) {\n          ...ShiftFields\n        }\n        layers {\n          id\n          name\n          position\n          shiftLength\n          shiftUnit\n          startAt\n          endAt\n          handoffTime\n          handoffDay\n          participants {\n            id\n            name\n          }\n          restrictions {\n            day\n            start\n            end\n          }\n          shifts(from: $from, to: $to) {\n            ...ShiftFields\n          }\n        }\n        overrides(from: $from, to: $to) {\n          id\n          kind\n          startsAt\n          endsAt\n          note\n          userOn {\n            id\n            name\n          }\n          userOff {\n            id\n            name\n          }\n        }\n        coverRequests(from: $from, to: $to) {\n          id\n          startsAt\n          endsAt\n          message\n          status\n          expiresAt\n          requester {\n            id\n            name\n          }\n          acceptedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ScheduleDocument,
    "\n  mutation CreateSchedule($input: CreateScheduleInput!) {\n    createSchedule(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateScheduleDocument,
    "\n  mutation CreateScheduleLayer($scheduleID: ID!, $input: ScheduleLayerInput!) {\n    createScheduleLayer(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n": typeof types.CreateScheduleLayerDocument,
    "\n  mutation DeleteScheduleLayer($id: ID!) {\n    deleteScheduleLayer(id: $id)\n  }\n": typeof types.DeleteScheduleLayerDocument,
    "\n  mutation CreateScheduleOverride($scheduleID: ID!, $input: ScheduleOverrideInput!) {\n    createScheduleOverride(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n": typeof types.CreateScheduleOverrideDocument,
    "\n  mutation DeleteScheduleOverride($id: ID!) {\n    deleteScheduleOverride(id: $id)\n  }\n": typeof types.DeleteScheduleOverrideDocument,
    "\n  mutation RequestCover($scheduleID: ID!, $input: CoverRequestInput!) {\n    requestCover(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n": typeof types.RequestCoverDocument,
    "\n  mutation AcceptCoverRequest($id: ID!) {\n    acceptCoverRequest(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.AcceptCoverRequestDocument,
    "\n  mutation CancelCoverRequest($id: ID!) {\n    cancelCoverRequest(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelCoverRequestDocument,
    "\n  mutation CreateCalendarFeed($scheduleID: ID) {\n    createCalendarFeed(scheduleID: $scheduleID) {\n      url\n      calendarFeed {\n        id\n      }\n    }\n  }\n": typeof types.CreateCalendarFeedDocument,
    "\n  query HomeOnCall {\n    viewer {\n      id\n      onCallNow {\n        ...OnCallFields\n      }\n    }\n    schedules(first: 20, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          onCallNow {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.HomeOnCallDocument,
    "\n  query Services {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...ServiceFields\n        }\n      }\n    }\n  }\n": typeof types.ServicesDocument,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    team {\n      id\n      name\n    }\n  }\n": typeof types.ServiceFieldsFragmentDoc,
    "\n  query TeamChoices {\n    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TeamChoicesDocument,
    "\n  query ServiceChoices($search: String, $exclude: [ID!], $first: Int!) {\n    services(first: $first, orderBy: { field: NAME, direction: ASC }, where: { nameContainsFold: $search, idNotIn: $exclude }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ServiceChoicesDocument,
    "\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      ...ServiceFields\n    }\n  }\n": typeof types.CreateServiceDocument,
    "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n": typeof types.UpdateServiceDocument,
    "\n  fragment IntegrationFields on Integration {\n    id\n    name\n    kind\n    keyPrefix\n    enabled\n    url\n    mapping\n    rateLimitPerMinute\n    rateLimitBurst\n    lastReceivedAt\n    lastResult\n    createdAt\n  }\n": typeof types.IntegrationFieldsFragmentDoc,
    "\n  fragment HeartbeatFields on Heartbeat {\n    id\n    name\n    description\n    intervalSeconds\n    enabled\n    alertMessage\n    alertPriority\n    alertTags\n    lastPingAt\n    expired\n    expiresAt\n    service {\n      id\n      name\n    }\n  }\n": typeof types.HeartbeatFieldsFragmentDoc,
    "\n  fragment MaintenanceWindowFields on MaintenanceWindow {\n    id\n    startsAt\n    endsAt\n    reason\n    createdBy {\n      id\n      name\n    }\n  }\n": typeof types.MaintenanceWindowFieldsFragmentDoc,
    "\n  query ServiceDetail($id: ID!, $withSnippets: Boolean!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        ...ServiceFields\n        highUrgencyUpTo\n        escalationPolicy {\n          id\n          name\n        }\n        onCall {\n          ...OnCallFields\n        }\n        integrations(first: 50, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...IntegrationFields\n              snippets @include(if: $withSnippets) {\n                curl\n                alertmanager\n                grafana\n              }\n            }\n          }\n        }\n        heartbeats(first: 50, orderBy: { field: NAME, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...HeartbeatFields\n            }\n          }\n        }\n        maintenanceWindows(first: 50, orderBy: { field: STARTS_AT, direction: DESC }) {\n          totalCount\n          edges {\n            node {\n              ...MaintenanceWindowFields\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ServiceDetailDocument,
    "\n  mutation CreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      key\n      integration {\n        ...IntegrationFields\n      }\n      snippets {\n        curl\n        alertmanager\n        grafana\n      }\n    }\n  }\n": typeof types.CreateIntegrationDocument,
    "\n  mutation UpdateIntegration($id: ID!, $input: UpdateIntegrationInput!) {\n    updateIntegration(id: $id, input: $input) {\n      ...IntegrationFields\n    }\n  }\n": typeof types.UpdateIntegrationDocument,
    "\n  mutation RotateIntegrationKey($id: ID!) {\n    rotateIntegrationKey(id: $id) {\n      key\n      integration {\n        ...IntegrationFields\n      }\n      snippets {\n        curl\n        alertmanager\n        grafana\n      }\n    }\n  }\n": typeof types.RotateIntegrationKeyDocument,
    "\n  mutation DeleteIntegration($id: ID!) {\n    deleteIntegration(id: $id)\n  }\n": typeof types.DeleteIntegrationDocument,
    "\n  query TestGenericMapping($mapping: Map!, $sample: Map!) {\n    testGenericMapping(mapping: $mapping, sample: $sample) {\n      message\n      alias\n      priority\n      description\n      details\n      tags\n      close\n      errors\n    }\n  }\n": typeof types.TestGenericMappingDocument,
    "\n  mutation CreateTestAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) {\n      deduplicated\n      alert {\n        id\n        tinyID\n        message\n      }\n    }\n  }\n": typeof types.CreateTestAlertDocument,
    "\n  mutation CreateHeartbeat($input: CreateHeartbeatInput!) {\n    createHeartbeat(input: $input) {\n      ...HeartbeatFields\n    }\n  }\n": typeof types.CreateHeartbeatDocument,
    "\n  mutation UpdateHeartbeat($id: ID!, $input: UpdateHeartbeatInput!) {\n    updateHeartbeat(id: $id, input: $input) {\n      ...HeartbeatFields\n    }\n  }\n": typeof types.UpdateHeartbeatDocument,
    "\n  mutation DeleteHeartbeat($id: ID!) {\n    deleteHeartbeat(id: $id)\n  }\n": typeof types.DeleteHeartbeatDocument,
    "\n  mutation CreateMaintenanceWindow($input: CreateMaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n": typeof types.CreateMaintenanceWindowDocument,
    "\n  mutation EndMaintenanceWindow($id: ID!) {\n    endMaintenanceWindow(id: $id)\n  }\n": typeof types.EndMaintenanceWindowDocument,
    "\n  query PolicyChoices {\n    escalationPolicies(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PolicyChoicesDocument,
    "\n  mutation UpdateServicePaging($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      id\n      highUrgencyUpTo\n      escalationPolicy {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpdateServicePagingDocument,
    "\n  query SeverityLevels {\n    severityLevels {\n      id\n      level\n      description\n      updateCadenceMinutes\n    }\n  }\n": typeof types.SeverityLevelsDocument,
    "\n  mutation UpdateSeverityLevel($level: IncidentSeverity!, $description: String, $updateCadenceMinutes: Int) {\n    updateSeverityLevel(level: $level, description: $description, updateCadenceMinutes: $updateCadenceMinutes) {\n      id\n      level\n      description\n      updateCadenceMinutes\n    }\n  }\n": typeof types.UpdateSeverityLevelDocument,
    "\n  query ServiceSubscription($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        viewerSubscribed\n      }\n    }\n  }\n": typeof types.ServiceSubscriptionDocument,
    "\n  query IncidentSubscription($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Incident {\n        viewerSubscribed\n      }\n    }\n  }\n": typeof types.IncidentSubscriptionDocument,
    "\n  mutation SubscribeToService($id: ID!) {\n    subscribeToService(serviceID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n": typeof types.SubscribeToServiceDocument,
    "\n  mutation UnsubscribeFromService($id: ID!) {\n    unsubscribeFromService(serviceID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n": typeof types.UnsubscribeFromServiceDocument,
    "\n  mutation SubscribeToIncident($id: ID!) {\n    subscribeToIncident(incidentID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n": typeof types.SubscribeToIncidentDocument,
    "\n  mutation UnsubscribeFromIncident($id: ID!) {\n    unsubscribeFromIncident(incidentID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n": typeof types.UnsubscribeFromIncidentDocument,
    "\n  query MySubscriptions {\n    viewer {\n      id\n      subscriptions {\n        id\n        createdAt\n        service {\n          id\n          name\n          description\n        }\n        incident {\n          id\n          title\n          status\n          severity\n        }\n      }\n    }\n  }\n": typeof types.MySubscriptionsDocument,
    "\n  query LiveIncidents {\n    incidents(first: 50, where: { statusNEQ: RESOLVED }, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n": typeof types.LiveIncidentsDocument,
    "\n  query StakeholderPreferences {\n    viewer {\n      id\n      stakeholderPreferences {\n        email\n        push\n        digest\n      }\n    }\n  }\n": typeof types.StakeholderPreferencesDocument,
    "\n  mutation SetStakeholderPreferences($input: StakeholderPreferencesInput!) {\n    setStakeholderPreferences(input: $input) {\n      email\n      push\n      digest\n    }\n  }\n": typeof types.SetStakeholderPreferencesDocument,
    "\n  query StatusPages {\n    statusPages {\n      ...StatusPageFields\n    }\n  }\n": typeof types.StatusPagesDocument,
    "\n  fragment StatusPageFields on StatusPage {\n    id\n    slug\n    title\n    description\n    public\n    url\n    components {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StatusPageFieldsFragmentDoc,
    "\n  query StatusServiceChoices {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.StatusServiceChoicesDocument,
    "\n  mutation CreateStatusPage($input: CreateStatusPageInput!) {\n    createStatusPage(input: $input) {\n      ...StatusPageFields\n    }\n  }\n": typeof types.CreateStatusPageDocument,
    "\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n": typeof types.UpdateStatusPageDocument,
    "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n": typeof types.DeleteStatusPageDocument,
    "\n  mutation AddStatusComponent($input: CreateStatusComponentInput!) {\n    addStatusComponent(input: $input) {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AddStatusComponentDocument,
    "\n  mutation UpdateStatusComponent($id: ID!, $input: UpdateStatusComponentInput!) {\n    updateStatusComponent(id: $id, input: $input) {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpdateStatusComponentDocument,
    "\n  mutation RemoveStatusComponent($id: ID!) {\n    removeStatusComponent(id: $id)\n  }\n": typeof types.RemoveStatusComponentDocument,
    "\n  query Teams {\n    teams(first: 50, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n          onCall {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.TeamsDocument,
    "\n  fragment TeamFields on Team {\n    id\n    name\n    description\n    members(first: 10, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    services(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.TeamFieldsFragmentDoc,
    "\n  query UserChoices {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.UserChoicesDocument,
    "\n  fragment TeamMemberList on Team {\n    id\n    allMembers: members(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TeamMemberListFragmentDoc,
    "\n  query TeamMembers($id: ID!) {\n    node(id: $id) {\n      ... on Team {\n        ...TeamMemberList\n      }\n    }\n  }\n": typeof types.TeamMembersDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      ...TeamFields\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      ...TeamFields\n      ...TeamMemberList\n    }\n  }\n": typeof types.UpdateTeamDocument,
    "\n  query Users {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  fragment UserFields on User {\n    id\n    name\n    email\n    role\n    timeZone\n    disabled\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  mutation InviteUser($input: CreateUserInput!) {\n    inviteUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation UpdateUserRole($id: ID!, $role: UserRole!) {\n    updateUser(id: $id, input: { role: $role }) {\n      ...UserFields\n    }\n  }\n": typeof types.UpdateUserRoleDocument,
    "\n  subscription AlertsChangedLive($filter: AlertsChangedFilter) {\n    alertsChanged(filter: $filter) {\n      ...AlertRow\n    }\n  }\n": typeof types.AlertsChangedLiveDocument,
    "\n  subscription IncidentsChangedLive {\n    incidentsChanged {\n      ...IncidentRow\n    }\n  }\n": typeof types.IncidentsChangedLiveDocument,
    "\n  subscription IncidentTimelineLive($id: ID!, $after: ID) {\n    incidentTimeline(incidentId: $id, after: $after) {\n      id\n      kind\n      visibility\n      actorName\n      createdAt\n      data\n    }\n  }\n": typeof types.IncidentTimelineLiveDocument,
    "\n  subscription AlertTimelineLive($id: ID!, $after: ID) {\n    alertTimeline(alertId: $id, after: $after) {\n      id\n      kind\n      visibility\n      actorName\n      createdAt\n      data\n    }\n  }\n": typeof types.AlertTimelineLiveDocument,
};
const documents: Documents = {
    "\n  query Alerts($first: Int!, $after: Cursor, $where: AlertWhereInput) {\n    alerts(first: $first, after: $after, where: $where, orderBy: [{ field: FIRST_OCCURRED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AlertRow\n        }\n      }\n    }\n  }\n": types.AlertsDocument,
    "\n  fragment AlertRow on Alert {\n    id\n    tinyID\n    message\n    priority\n    status\n    count\n    firstOccurredAt\n    lastOccurredAt\n    snoozedUntil\n    inMaintenance\n    service {\n      id\n      name\n    }\n    acknowledgedBy {\n      id\n      name\n    }\n    owner {\n      id\n      name\n    }\n  }\n": types.AlertRowFragmentDoc,
    "\n  fragment AlertDetail on Alert {\n    ...AlertRow\n    escalationDueAt\n    escalation {\n      ...EscalationProgress\n    }\n    alias\n    description\n    details\n    tags\n    source\n    entity\n    acknowledgedAt\n    closedAt\n    closedBy {\n      id\n      name\n    }\n    incident {\n      id\n      title\n    }\n    timeline(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          actorType\n          actorName\n          data\n          createdAt\n          actor {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AlertDetailFragmentDoc,
    "\n  fragment EscalationProgress on EscalationProgress {\n    state\n    round\n    rounds\n    step\n    steps\n    snoozedUntil\n    stoppedBy\n    stoppedAt\n    planned {\n      ...EscalationPage\n    }\n    next {\n      round\n      step\n      dueAt\n      unreachable\n      pages {\n        ...EscalationPage\n      }\n    }\n  }\n": types.EscalationProgressFragmentDoc,
    "\n  fragment EscalationPage on EscalationPage {\n    at\n    channel\n    contactMethodName\n    user {\n      id\n      name\n    }\n  }\n": types.EscalationPageFragmentDoc,
    "\n  query AlertDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Alert {\n        ...AlertDetail\n      }\n    }\n  }\n": types.AlertDetailDocument,
    "\n  query AlertServiceChoices {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AlertServiceChoicesDocument,
    "\n  query AssigneeChoices {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }, where: { disabled: false, roleNEQ: STAKEHOLDER }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n": types.AssigneeChoicesDocument,
    "\n  mutation AcknowledgeAlerts($ids: [ID!]!, $note: String) {\n    acknowledgeAlerts(ids: $ids, note: $note) {\n      ...AlertRow\n    }\n  }\n": types.AcknowledgeAlertsDocument,
    "\n  mutation CloseAlerts($ids: [ID!]!, $note: String) {\n    closeAlerts(ids: $ids, note: $note) {\n      ...AlertRow\n    }\n  }\n": types.CloseAlertsDocument,
    "\n  mutation AcknowledgeAlert($ids: [ID!]!, $note: String) {\n    acknowledgeAlerts(ids: $ids, note: $note) {\n      ...AlertDetail\n    }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  mutation CloseAlert($ids: [ID!]!, $note: String) {\n    closeAlerts(ids: $ids, note: $note) {\n      ...AlertDetail\n    }\n  }\n": types.CloseAlertDocument,
    "\n  mutation UnacknowledgeAlert($id: ID!, $note: String) {\n    unacknowledgeAlert(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n": types.UnacknowledgeAlertDocument,
    "\n  mutation SnoozeAlert($id: ID!, $until: Time!, $note: String) {\n    snoozeAlert(id: $id, until: $until, note: $note) {\n      ...AlertDetail\n    }\n  }\n": types.SnoozeAlertDocument,
    "\n  mutation AddAlertNote($id: ID!, $note: String!) {\n    addAlertNote(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n": types.AddAlertNoteDocument,
    "\n  mutation AssignAlert($id: ID!, $ownerID: ID!, $note: String) {\n    assignAlert(id: $id, ownerID: $ownerID, note: $note) {\n      ...AlertDetail\n    }\n  }\n": types.AssignAlertDocument,
    "\n  mutation EscalateAlert($id: ID!, $note: String) {\n    escalateAlert(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n": types.EscalateAlertDocument,
    "\n  mutation UpdateAlert($id: ID!, $priority: AlertPriority, $message: String, $description: String) {\n    updateAlert(id: $id, priority: $priority, message: $message, description: $description) {\n      ...AlertDetail\n    }\n  }\n": types.UpdateAlertDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      role\n      timeZone\n      teams(first: 100) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Heartbeats {\n    heartbeats(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...HeartbeatFields\n        }\n      }\n    }\n  }\n": types.HeartbeatsDocument,
    "\n  query Incidents($first: Int!, $after: Cursor, $where: IncidentWhereInput) {\n    incidents(first: $first, after: $after, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n": types.IncidentsDocument,
    "\n  fragment IncidentRow on Incident {\n    id\n    title\n    nextUpdateDueAt\n    updateOverdue\n    severity\n    status\n    createdAt\n    resolvedAt\n    services(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.IncidentRowFragmentDoc,
    "\n  fragment IncidentDetail on Incident {\n    id\n    title\n    summary\n    severity\n    status\n    createdAt\n    resolvedAt\n    nextUpdateDueAt\n    updateOverdue\n    services(first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    commander {\n      id\n      name\n    }\n    commsLead {\n      id\n      name\n    }\n    responders {\n      id\n      name\n    }\n    stakeholders {\n      id\n      name\n    }\n    alerts(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          message\n          status\n          priority\n          pageUserID\n        }\n      }\n    }\n    timeline(first: 200, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          actorName\n          visibility\n          data\n          createdAt\n        }\n      }\n    }\n  }\n": types.IncidentDetailFragmentDoc,
    "\n  query IncidentDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Incident {\n        ...IncidentDetail\n      }\n    }\n  }\n": types.IncidentDetailDocument,
    "\n  query IncidentPeople {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }, where: { disabled: false }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n": types.IncidentPeopleDocument,
    "\n  mutation DeclareIncident($input: DeclareIncidentInput!) {\n    declareIncident(input: $input) {\n      id\n      title\n    }\n  }\n": types.DeclareIncidentDocument,
    "\n  query OngoingIncidents($first: Int!, $where: IncidentWhereInput) {\n    incidents(first: $first, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          severity\n          status\n          createdAt\n        }\n      }\n    }\n  }\n": types.OngoingIncidentsDocument,
    "\n  mutation LinkAlertsToIncident($incidentID: ID!, $alertIDs: [ID!]!) {\n    linkAlertsToIncident(incidentID: $incidentID, alertIDs: $alertIDs) {\n      id\n      title\n    }\n  }\n": types.LinkAlertsToIncidentDocument,
    "\n  mutation SetIncidentSeverity($id: ID!, $severity: IncidentSeverity!) {\n    setIncidentSeverity(incidentID: $id, severity: $severity) {\n      ...IncidentDetail\n    }\n  }\n": types.SetIncidentSeverityDocument,
    "\n  mutation SetIncidentStatus($id: ID!, $status: IncidentStatus!) {\n    setIncidentStatus(incidentID: $id, status: $status) {\n      ...IncidentDetail\n    }\n  }\n": types.SetIncidentStatusDocument,
    "\n  mutation AssignIncidentRole($id: ID!, $userID: ID!, $role: IncidentMemberRole!) {\n    assignIncidentRole(incidentID: $id, userID: $userID, role: $role) {\n      ...IncidentDetail\n    }\n  }\n": types.AssignIncidentRoleDocument,
    "\n  mutation AddIncidentResponder($id: ID!, $userID: ID!) {\n    addIncidentResponder(incidentID: $id, userID: $userID) {\n      ...IncidentDetail\n    }\n  }\n": types.AddIncidentResponderDocument,
    "\n  mutation AddIncidentStakeholder($id: ID!, $userID: ID!) {\n    addIncidentStakeholder(incidentID: $id, userID: $userID) {\n      ...IncidentDetail\n    }\n  }\n": types.AddIncidentStakeholderDocument,
    "\n  mutation AddIncidentNote($id: ID!, $note: String!) {\n    addIncidentNote(incidentID: $id, note: $note) {\n      ...IncidentDetail\n    }\n  }\n": types.AddIncidentNoteDocument,
    "\n  mutation PostStatusUpdate($id: ID!, $message: String!, $status: IncidentStatus!, $audience: StatusUpdateAudience!) {\n    postStatusUpdate(incidentID: $id, message: $message, status: $status, audience: $audience) {\n      id\n      incident {\n        ...IncidentDetail\n      }\n    }\n  }\n": types.PostStatusUpdateDocument,
    "\n  mutation UnlinkAlerts($id: ID!, $alertIDs: [ID!]!) {\n    unlinkAlertsFromIncident(incidentID: $id, alertIDs: $alertIDs) {\n      ...IncidentDetail\n    }\n  }\n": types.UnlinkAlertsDocument,
    "\n  mutation RemoveIncidentServices($id: ID!, $serviceIDs: [ID!]!) {\n    removeIncidentServices(incidentID: $id, serviceIDs: $serviceIDs) {\n      ...IncidentDetail\n    }\n  }\n": types.RemoveIncidentServicesDocument,
    "\n  mutation AddIncidentServices($id: ID!, $serviceIDs: [ID!]!) {\n    addIncidentServices(incidentID: $id, serviceIDs: $serviceIDs) {\n      ...IncidentDetail\n    }\n  }\n": types.AddIncidentServicesDocument,
    "\n  fragment PolicyStepFields on EscalationStep {\n    id\n    position\n    delayMinutes\n    keepPaging\n    targets {\n      kind\n      id\n      name\n    }\n  }\n": types.PolicyStepFieldsFragmentDoc,
    "\n  query EscalationPolicies {\n    escalationPolicies(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          repeat\n          steps {\n            ...PolicyStepFields\n          }\n          services {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.EscalationPoliciesDocument,
    "\n  query EscalationPolicy($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on EscalationPolicy {\n        name\n        description\n        repeat\n        steps {\n          ...PolicyStepFields\n        }\n        services {\n          id\n          name\n        }\n        preview {\n          position\n          users {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.EscalationPolicyDocument,
    "\n  query EscalationTargetChoices {\n    viewer {\n      id\n      contactMethods {\n        id\n        kind\n        name\n        disabled\n      }\n    }\n    users(first: 500, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          disabled\n        }\n      }\n    }\n    schedules(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.EscalationTargetChoicesDocument,
    "\n  mutation CreateEscalationPolicy($input: EscalationPolicyInput!) {\n    createEscalationPolicy(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateEscalationPolicyDocument,
    "\n  mutation UpdateEscalationPolicy($id: ID!, $input: EscalationPolicyInput!) {\n    updateEscalationPolicy(id: $id, input: $input) {\n      id\n      name\n      description\n      repeat\n      steps {\n        ...PolicyStepFields\n      }\n    }\n  }\n": types.UpdateEscalationPolicyDocument,
    "\n  mutation DeleteEscalationPolicy($id: ID!) {\n    deleteEscalationPolicy(id: $id)\n  }\n": types.DeleteEscalationPolicyDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      timeZone\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query APITokens($userID: ID!) {\n    apiTokens(first: 100, where: { userID: $userID }, orderBy: { field: CREATED_AT, direction: DESC }) {\n      edges {\n        node {\n          ...APITokenFields\n        }\n      }\n    }\n  }\n": types.ApiTokensDocument,
    "\n  fragment APITokenFields on APIToken {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  mutation CreateAPIToken($name: String!, $expiresAt: Time) {\n    createAPIToken(name: $name, expiresAt: $expiresAt) {\n      secret\n      apiToken {\n        ...APITokenFields\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeAPIToken($id: ID!) {\n    revokeAPIToken(id: $id) {\n      ...APITokenFields\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  fragment ContactMethodFields on ContactMethod {\n    id\n    kind\n    name\n    maskedAddress\n    platform\n    criticalAlerts\n    verifiedAt\n    verificationExpiresAt\n    disabled\n  }\n": types.ContactMethodFieldsFragmentDoc,
    "\n  query PagingSettings {\n    viewer {\n      id\n      quietHoursStart\n      quietHoursEnd\n      contactMethods {\n        ...ContactMethodFields\n      }\n      notificationRules {\n        id\n        urgency\n        delayMinutes\n        contactMethod {\n          id\n          kind\n          name\n        }\n      }\n    }\n  }\n": types.PagingSettingsDocument,
    "\n  query Devices {\n    viewer {\n      id\n      contactMethods {\n        ...ContactMethodFields\n      }\n    }\n  }\n": types.DevicesDocument,
    "\n  mutation CreateContactMethod($input: CreateContactMethodInput!) {\n    createContactMethod(input: $input) {\n      ...ContactMethodFields\n    }\n  }\n": types.CreateContactMethodDocument,
    "\n  mutation SendContactMethodVerification($id: ID!) {\n    sendContactMethodVerification(id: $id) {\n      ...ContactMethodFields\n    }\n  }\n": types.SendContactMethodVerificationDocument,
    "\n  mutation VerifyContactMethod($id: ID!, $code: String!) {\n    verifyContactMethod(id: $id, code: $code) {\n      ...ContactMethodFields\n    }\n  }\n": types.VerifyContactMethodDocument,
    "\n  mutation SetContactMethodDisabled($id: ID!, $disabled: Boolean!) {\n    updateContactMethod(id: $id, input: { disabled: $disabled }) {\n      ...ContactMethodFields\n    }\n  }\n": types.SetContactMethodDisabledDocument,
    "\n  mutation DeleteContactMethod($id: ID!) {\n    deleteContactMethod(id: $id)\n  }\n": types.DeleteContactMethodDocument,
    "\n  mutation SendTestNotification($id: ID!) {\n    sendTestNotification(id: $id) {\n      sent\n      summary\n    }\n  }\n": types.SendTestNotificationDocument,
    "\n  mutation CreateNotificationRule($input: CreateNotificationRuleInput!) {\n    createNotificationRule(input: $input) {\n      id\n    }\n  }\n": types.CreateNotificationRuleDocument,
    "\n  mutation DeleteNotificationRule($id: ID!) {\n    deleteNotificationRule(id: $id)\n  }\n": types.DeleteNotificationRuleDocument,
    "\n  mutation SetQuietHours($start: Int, $end: Int) {\n    setQuietHours(start: $start, end: $end) {\n      id\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n": types.SetQuietHoursDocument,
    "\n  fragment OnCallFields on OnCall {\n    schedule {\n      id\n      name\n      timeZone\n    }\n    users {\n      id\n      name\n    }\n    until\n    next {\n      id\n      name\n    }\n  }\n": types.OnCallFieldsFragmentDoc,
    "\n  query Schedules {\n    schedules(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          timeZone\n          team {\n            id\n            name\n          }\n          onCallNow {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n": types.SchedulesDocument,
    "\n  fragment ShiftFields on Shift {\n    start\n    end\n    users {\n      id\n      name\n    }\n  }\n": types.ShiftFieldsFragmentDoc,
    "\n  query Schedule($id: ID!, $from: Time!, $to: Time!) {\n    node(id: $id) {\n      __typename\n      ... on Schedule {\n        id\n        name\n        description\n        timeZone\n        team {\n          id\n          name\n          members(first: 200) {\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n        onCallNow {\n          ...OnCallFields\n        }\n        shifts(from: $from, to: $to) {\n          ...ShiftFields\n        }\n        layers {\n          id\n          name\n          position\n          shiftLength\n          shiftUnit\n          startAt\n          endAt\n          handoffTime\n          handoffDay\n          participants {\n            id\n            name\n          }\n          restrictions {\n            day\n            start\n            end\n          }\n          shifts(from: $from, to: $to) {\n            ...ShiftFields\n          }\n        }\n        overrides(from: $from, to: $to) {\n          id\n          kind\n          startsAt\n          endsAt\n          note\n          userOn {\n            id\n            name\n          }\n          userOff {\n            id\n            name\n          }\n        }\n        coverRequests(from: $from, to: $to) {\n          id\n          startsAt\n          endsAt\n          message\n          status\n          expiresAt\n          requester {\n            id\n            name\n          }\n          acceptedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ScheduleDocument,
    "\n  mutation CreateSchedule($input: CreateScheduleInput!) {\n    createSchedule(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateScheduleDocument,
    "\n  mutation CreateScheduleLayer($scheduleID: ID!, $input: ScheduleLayerInput!) {\n    createScheduleLayer(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n": types.CreateScheduleLayerDocument,
    "\n  mutation DeleteScheduleLayer($id: ID!) {\n    deleteScheduleLayer(id: $id)\n  }\n": types.DeleteScheduleLayerDocument,
    "\n  mutation CreateScheduleOverride($scheduleID: ID!, $input: ScheduleOverrideInput!) {\n    createScheduleOverride(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n": types.CreateScheduleOverrideDocument,
    "\n  mutation DeleteScheduleOverride($id: ID!) {\n    deleteScheduleOverride(id: $id)\n  }\n": types.DeleteScheduleOverrideDocument,
    "\n  mutation RequestCover($scheduleID: ID!, $input: CoverRequestInput!) {\n    requestCover(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n": types.RequestCoverDocument,
    "\n  mutation AcceptCoverRequest($id: ID!) {\n    acceptCoverRequest(id: $id) {\n      id\n      status\n    }\n  }\n": types.AcceptCoverRequestDocument,
    "\n  mutation CancelCoverRequest($id: ID!) {\n    cancelCoverRequest(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelCoverRequestDocument,
    "\n  mutation CreateCalendarFeed($scheduleID: ID) {\n    createCalendarFeed(scheduleID: $scheduleID) {\n      url\n      calendarFeed {\n        id\n      }\n    }\n  }\n": types.CreateCalendarFeedDocument,
    "\n  query HomeOnCall {\n    viewer {\n      id\n      onCallNow {\n        ...OnCallFields\n      }\n    }\n    schedules(first: 20, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          onCallNow {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n": types.HomeOnCallDocument,
    "\n  query Services {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...ServiceFields\n        }\n      }\n    }\n  }\n": types.ServicesDocument,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    team {\n      id\n      name\n    }\n  }\n": types.ServiceFieldsFragmentDoc,
    "\n  query TeamChoices {\n    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TeamChoicesDocument,
    "\n  query ServiceChoices($search: String, $exclude: [ID!], $first: Int!) {\n    services(first: $first, orderBy: { field: NAME, direction: ASC }, where: { nameContainsFold: $search, idNotIn: $exclude }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ServiceChoicesDocument,
    "\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      ...ServiceFields\n    }\n  }\n": types.CreateServiceDocument,
    "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n": types.UpdateServiceDocument,
    "\n  fragment IntegrationFields on Integration {\n    id\n    name\n    kind\n    keyPrefix\n    enabled\n    url\n    mapping\n    rateLimitPerMinute\n    rateLimitBurst\n    lastReceivedAt\n    lastResult\n    createdAt\n  }\n": types.IntegrationFieldsFragmentDoc,
    "\n  fragment HeartbeatFields on Heartbeat {\n    id\n    name\n    description\n    intervalSeconds\n    enabled\n    alertMessage\n    alertPriority\n    alertTags\n    lastPingAt\n    expired\n    expiresAt\n    service {\n      id\n      name\n    }\n  }\n": types.HeartbeatFieldsFragmentDoc,
    "\n  fragment MaintenanceWindowFields on MaintenanceWindow {\n    id\n    startsAt\n    endsAt\n    reason\n    createdBy {\n      id\n      name\n    }\n  }\n": types.MaintenanceWindowFieldsFragmentDoc,
    "\n  query ServiceDetail($id: ID!, $withSnippets: Boolean!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        ...ServiceFields\n        highUrgencyUpTo\n        escalationPolicy {\n          id\n          name\n        }\n        onCall {\n          ...OnCallFields\n        }\n        integrations(first: 50, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...IntegrationFields\n              snippets @include(if: $withSnippets) {\n                curl\n                alertmanager\n                grafana\n              }\n            }\n          }\n        }\n        heartbeats(first: 50, orderBy: { field: NAME, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...HeartbeatFields\n            }\n          }\n        }\n        maintenanceWindows(first: 50, orderBy: { field: STARTS_AT, direction: DESC }) {\n          totalCount\n          edges {\n            node {\n              ...MaintenanceWindowFields\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ServiceDetailDocument,
    "\n  mutation CreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      key\n      integration {\n        ...IntegrationFields\n      }\n      snippets {\n        curl\n        alertmanager\n        grafana\n      }\n    }\n  }\n": types.CreateIntegrationDocument,
    "\n  mutation UpdateIntegration($id: ID!, $input: UpdateIntegrationInput!) {\n    updateIntegration(id: $id, input: $input) {\n      ...IntegrationFields\n    }\n  }\n": types.UpdateIntegrationDocument,
    "\n  mutation RotateIntegrationKey($id: ID!) {\n    rotateIntegrationKey(id: $id) {\n      key\n      integration {\n        ...IntegrationFields\n      }\n      snippets {\n        curl\n        alertmanager\n        grafana\n      }\n    }\n  }\n": types.RotateIntegrationKeyDocument,
    "\n  mutation DeleteIntegration($id: ID!) {\n    deleteIntegration(id: $id)\n  }\n": types.DeleteIntegrationDocument,
    "\n  query TestGenericMapping($mapping: Map!, $sample: Map!) {\n    testGenericMapping(mapping: $mapping, sample: $sample) {\n      message\n      alias\n      priority\n      description\n      details\n      tags\n      close\n      errors\n    }\n  }\n": types.TestGenericMappingDocument,
    "\n  mutation CreateTestAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) {\n      deduplicated\n      alert {\n        id\n        tinyID\n        message\n      }\n    }\n  }\n": types.CreateTestAlertDocument,
    "\n  mutation CreateHeartbeat($input: CreateHeartbeatInput!) {\n    createHeartbeat(input: $input) {\n      ...HeartbeatFields\n    }\n  }\n": types.CreateHeartbeatDocument,
    "\n  mutation UpdateHeartbeat($id: ID!, $input: UpdateHeartbeatInput!) {\n    updateHeartbeat(id: $id, input: $input) {\n      ...HeartbeatFields\n    }\n  }\n": types.UpdateHeartbeatDocument,
    "\n  mutation DeleteHeartbeat($id: ID!) {\n    deleteHeartbeat(id: $id)\n  }\n": types.DeleteHeartbeatDocument,
    "\n  mutation CreateMaintenanceWindow($input: CreateMaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n": types.CreateMaintenanceWindowDocument,
    "\n  mutation EndMaintenanceWindow($id: ID!) {\n    endMaintenanceWindow(id: $id)\n  }\n": types.EndMaintenanceWindowDocument,
    "\n  query PolicyChoices {\n    escalationPolicies(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PolicyChoicesDocument,
    "\n  mutation UpdateServicePaging($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      id\n      highUrgencyUpTo\n      escalationPolicy {\n        id\n        name\n      }\n    }\n  }\n": types.UpdateServicePagingDocument,
    "\n  query SeverityLevels {\n    severityLevels {\n      id\n      level\n      description\n      updateCadenceMinutes\n    }\n  }\n": types.SeverityLevelsDocument,
    "\n  mutation UpdateSeverityLevel($level: IncidentSeverity!, $description: String, $updateCadenceMinutes: Int) {\n    updateSeverityLevel(level: $level, description: $description, updateCadenceMinutes: $updateCadenceMinutes) {\n      id\n      level\n      description\n      updateCadenceMinutes\n    }\n  }\n": types.UpdateSeverityLevelDocument,
    "\n  query ServiceSubscription($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        viewerSubscribed\n      }\n    }\n  }\n": types.ServiceSubscriptionDocument,
    "\n  query IncidentSubscription($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Incident {\n        viewerSubscribed\n      }\n    }\n  }\n": types.IncidentSubscriptionDocument,
    "\n  mutation SubscribeToService($id: ID!) {\n    subscribeToService(serviceID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n": types.SubscribeToServiceDocument,
    "\n  mutation UnsubscribeFromService($id: ID!) {\n    unsubscribeFromService(serviceID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n": types.UnsubscribeFromServiceDocument,
    "\n  mutation SubscribeToIncident($id: ID!) {\n    subscribeToIncident(incidentID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n": types.SubscribeToIncidentDocument,
    "\n  mutation UnsubscribeFromIncident($id: ID!) {\n    unsubscribeFromIncident(incidentID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n": types.UnsubscribeFromIncidentDocument,
    "\n  query MySubscriptions {\n    viewer {\n      id\n      subscriptions {\n        id\n        createdAt\n        service {\n          id\n          name\n          description\n        }\n        incident {\n          id\n          title\n          status\n          severity\n        }\n      }\n    }\n  }\n": types.MySubscriptionsDocument,
    "\n  query LiveIncidents {\n    incidents(first: 50, where: { statusNEQ: RESOLVED }, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n": types.LiveIncidentsDocument,
    "\n  query StakeholderPreferences {\n    viewer {\n      id\n      stakeholderPreferences {\n        email\n        push\n        digest\n      }\n    }\n  }\n": types.StakeholderPreferencesDocument,
    "\n  mutation SetStakeholderPreferences($input: StakeholderPreferencesInput!) {\n    setStakeholderPreferences(input: $input) {\n      email\n      push\n      digest\n    }\n  }\n": types.SetStakeholderPreferencesDocument,
    "\n  query StatusPages {\n    statusPages {\n      ...StatusPageFields\n    }\n  }\n": types.StatusPagesDocument,
    "\n  fragment StatusPageFields on StatusPage {\n    id\n    slug\n    title\n    description\n    public\n    url\n    components {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n": types.StatusPageFieldsFragmentDoc,
    "\n  query StatusServiceChoices {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.StatusServiceChoicesDocument,
    "\n  mutation CreateStatusPage($input: CreateStatusPageInput!) {\n    createStatusPage(input: $input) {\n      ...StatusPageFields\n    }\n  }\n": types.CreateStatusPageDocument,
    "\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n": types.UpdateStatusPageDocument,
    "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n": types.DeleteStatusPageDocument,
    "\n  mutation AddStatusComponent($input: CreateStatusComponentInput!) {\n    addStatusComponent(input: $input) {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n": types.AddStatusComponentDocument,
    "\n  mutation UpdateStatusComponent($id: ID!, $input: UpdateStatusComponentInput!) {\n    updateStatusComponent(id: $id, input: $input) {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n": types.UpdateStatusComponentDocument,
    "\n  mutation RemoveStatusComponent($id: ID!) {\n    removeStatusComponent(id: $id)\n  }\n": types.RemoveStatusComponentDocument,
    "\n  query Teams {\n    teams(first: 50, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n          onCall {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n": types.TeamsDocument,
    "\n  fragment TeamFields on Team {\n    id\n    name\n    description\n    members(first: 10, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    services(first: 1) {\n      totalCount\n    }\n  }\n": types.TeamFieldsFragmentDoc,
    "\n  query UserChoices {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.UserChoicesDocument,
    "\n  fragment TeamMemberList on Team {\n    id\n    allMembers: members(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TeamMemberListFragmentDoc,
    "\n  query TeamMembers($id: ID!) {\n    node(id: $id) {\n      ... on Team {\n        ...TeamMemberList\n      }\n    }\n  }\n": types.TeamMembersDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      ...TeamFields\n    }\n  }\n": types.CreateTeamDocument,
    "\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      ...TeamFields\n      ...TeamMemberList\n    }\n  }\n": types.UpdateTeamDocument,
    "\n  query Users {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  fragment UserFields on User {\n    id\n    name\n    email\n    role\n    timeZone\n    disabled\n  }\n": types.UserFieldsFragmentDoc,
    "\n  mutation InviteUser($input: CreateUserInput!) {\n    inviteUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation UpdateUserRole($id: ID!, $role: UserRole!) {\n    updateUser(id: $id, input: { role: $role }) {\n      ...UserFields\n    }\n  }\n": types.UpdateUserRoleDocument,
    "\n  subscription AlertsChangedLive($filter: AlertsChangedFilter) {\n    alertsChanged(filter: $filter) {\n      ...AlertRow\n    }\n  }\n": types.AlertsChangedLiveDocument,
    "\n  subscription IncidentsChangedLive {\n    incidentsChanged {\n      ...IncidentRow\n    }\n  }\n": types.IncidentsChangedLiveDocument,
    "\n  subscription IncidentTimelineLive($id: ID!, $after: ID) {\n    incidentTimeline(incidentId: $id, after: $after) {\n      id\n      kind\n      visibility\n      actorName\n      createdAt\n      data\n    }\n  }\n": types.IncidentTimelineLiveDocument,
    "\n  subscription AlertTimelineLive($id: ID!, $after: ID) {\n    alertTimeline(alertId: $id, after: $after) {\n      id\n      kind\n      visibility\n      actorName\n      createdAt\n      data\n    }\n  }\n": types.AlertTimelineLiveDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($first: Int!, $after: Cursor, $where: AlertWhereInput) {\n    alerts(first: $first, after: $after, where: $where, orderBy: [{ field: FIRST_OCCURRED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AlertRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Alerts($first: Int!, $after: Cursor, $where: AlertWhereInput) {\n    alerts(first: $first, after: $after, where: $where, orderBy: [{ field: FIRST_OCCURRED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AlertRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertRow on Alert {\n    id\n    tinyID\n    message\n    priority\n    status\n    count\n    firstOccurredAt\n    lastOccurredAt\n    snoozedUntil\n    inMaintenance\n    service {\n      id\n      name\n    }\n    acknowledgedBy {\n      id\n      name\n    }\n    owner {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AlertRow on Alert {\n    id\n    tinyID\n    message\n    priority\n    status\n    count\n    firstOccurredAt\n    lastOccurredAt\n    snoozedUntil\n    inMaintenance\n    service {\n      id\n      name\n    }\n    acknowledgedBy {\n      id\n      name\n    }\n    owner {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertDetail on Alert {\n    ...AlertRow\n    escalationDueAt\n    escalation {\n      ...EscalationProgress\n    }\n    alias\n    description\n    details\n    tags\n    source\n    entity\n    acknowledgedAt\n    closedAt\n    closedBy {\n      id\n      name\n    }\n    incident {\n      id\n      title\n    }\n    timeline(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          actorType\n          actorName\n          data\n          createdAt\n          actor {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AlertDetail on Alert {\n    ...AlertRow\n    escalationDueAt\n    escalation {\n      ...EscalationProgress\n    }\n    alias\n    description\n    details\n    tags\n    source\n    entity\n    acknowledgedAt\n    closedAt\n    closedBy {\n      id\n      name\n    }\n    incident {\n      id\n      title\n    }\n    timeline(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          actorType\n          actorName\n          data\n          createdAt\n          actor {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EscalationProgress on EscalationProgress {\n    state\n    round\n    rounds\n    step\n    steps\n    snoozedUntil\n    stoppedBy\n    stoppedAt\n    planned {\n      ...EscalationPage\n    }\n    next {\n      round\n      step\n      dueAt\n      unreachable\n      pages {\n        ...EscalationPage\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment EscalationProgress on EscalationProgress {\n    state\n    round\n    rounds\n    step\n    steps\n    snoozedUntil\n    stoppedBy\n    stoppedAt\n    planned {\n      ...EscalationPage\n    }\n    next {\n      round\n      step\n      dueAt\n      unreachable\n      pages {\n        ...EscalationPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EscalationPage on EscalationPage {\n    at\n    channel\n    contactMethodName\n    user {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment EscalationPage on EscalationPage {\n    at\n    channel\n    contactMethodName\n    user {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Alert {\n        ...AlertDetail\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Alert {\n        ...AlertDetail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertServiceChoices {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertServiceChoices {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssigneeChoices {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }, where: { disabled: false, roleNEQ: STAKEHOLDER }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssigneeChoices {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }, where: { disabled: false, roleNEQ: STAKEHOLDER }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlerts($ids: [ID!]!, $note: String) {\n    acknowledgeAlerts(ids: $ids, note: $note) {\n      ...AlertRow\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeAlerts($ids: [ID!]!, $note: String) {\n    acknowledgeAlerts(ids: $ids, note: $note) {\n      ...AlertRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseAlerts($ids: [ID!]!, $note: String) {\n    closeAlerts(ids: $ids, note: $note) {\n      ...AlertRow\n    }\n  }\n"): (typeof documents)["\n  mutation CloseAlerts($ids: [ID!]!, $note: String) {\n    closeAlerts(ids: $ids, note: $note) {\n      ...AlertRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($ids: [ID!]!, $note: String) {\n    acknowledgeAlerts(ids: $ids, note: $note) {\n      ...AlertDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeAlert($ids: [ID!]!, $note: String) {\n    acknowledgeAlerts(ids: $ids, note: $note) {\n      ...AlertDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseAlert($ids: [ID!]!, $note: String) {\n    closeAlerts(ids: $ids, note: $note) {\n      ...AlertDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CloseAlert($ids: [ID!]!, $note: String) {\n    closeAlerts(ids: $ids, note: $note) {\n      ...AlertDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnacknowledgeAlert($id: ID!, $note: String) {\n    unacknowledgeAlert(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UnacknowledgeAlert($id: ID!, $note: String) {\n    unacknowledgeAlert(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SnoozeAlert($id: ID!, $until: Time!, $note: String) {\n    snoozeAlert(id: $id, until: $until, note: $note) {\n      ...AlertDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SnoozeAlert($id: ID!, $until: Time!, $note: String) {\n    snoozeAlert(id: $id, until: $until, note: $note) {\n      ...AlertDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAlertNote($id: ID!, $note: String!) {\n    addAlertNote(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AddAlertNote($id: ID!, $note: String!) {\n    addAlertNote(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignAlert($id: ID!, $ownerID: ID!, $note: String) {\n    assignAlert(id: $id, ownerID: $ownerID, note: $note) {\n      ...AlertDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AssignAlert($id: ID!, $ownerID: ID!, $note: String) {\n    assignAlert(id: $id, ownerID: $ownerID, note: $note) {\n      ...AlertDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EscalateAlert($id: ID!, $note: String) {\n    escalateAlert(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n"): (typeof documents)["\n  mutation EscalateAlert($id: ID!, $note: String) {\n    escalateAlert(id: $id, note: $note) {\n      ...AlertDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAlert($id: ID!, $priority: AlertPriority, $message: String, $description: String) {\n    updateAlert(id: $id, priority: $priority, message: $message, description: $description) {\n      ...AlertDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAlert($id: ID!, $priority: AlertPriority, $message: String, $description: String) {\n    updateAlert(id: $id, priority: $priority, message: $message, description: $description) {\n      ...AlertDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      role\n      timeZone\n      teams(first: 100) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      role\n      timeZone\n      teams(first: 100) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Heartbeats {\n    heartbeats(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...HeartbeatFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Heartbeats {\n    heartbeats(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...HeartbeatFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Incidents($first: Int!, $after: Cursor, $where: IncidentWhereInput) {\n    incidents(first: $first, after: $after, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Incidents($first: Int!, $after: Cursor, $where: IncidentWhereInput) {\n    incidents(first: $first, after: $after, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IncidentRow on Incident {\n    id\n    title\n    nextUpdateDueAt\n    updateOverdue\n    severity\n    status\n    createdAt\n    resolvedAt\n    services(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment IncidentRow on Incident {\n    id\n    title\n    nextUpdateDueAt\n    updateOverdue\n    severity\n    status\n    createdAt\n    resolvedAt\n    services(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IncidentDetail on Incident {\n    id\n    title\n    summary\n    severity\n    status\n    createdAt\n    resolvedAt\n    nextUpdateDueAt\n    updateOverdue\n    services(first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    commander {\n      id\n      name\n    }\n    commsLead {\n      id\n      name\n    }\n    responders {\n      id\n      name\n    }\n    stakeholders {\n      id\n      name\n    }\n    alerts(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          message\n          status\n          priority\n          pageUserID\n        }\n      }\n    }\n    timeline(first: 200, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          actorName\n          visibility\n          data\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment IncidentDetail on Incident {\n    id\n    title\n    summary\n    severity\n    status\n    createdAt\n    resolvedAt\n    nextUpdateDueAt\n    updateOverdue\n    services(first: 20) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    commander {\n      id\n      name\n    }\n    commsLead {\n      id\n      name\n    }\n    responders {\n      id\n      name\n    }\n    stakeholders {\n      id\n      name\n    }\n    alerts(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          message\n          status\n          priority\n          pageUserID\n        }\n      }\n    }\n    timeline(first: 200, orderBy: { field: CREATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          actorName\n          visibility\n          data\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Incident {\n        ...IncidentDetail\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Incident {\n        ...IncidentDetail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentPeople {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }, where: { disabled: false }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentPeople {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }, where: { disabled: false }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclareIncident($input: DeclareIncidentInput!) {\n    declareIncident(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation DeclareIncident($input: DeclareIncidentInput!) {\n    declareIncident(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OngoingIncidents($first: Int!, $where: IncidentWhereInput) {\n    incidents(first: $first, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          severity\n          status\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OngoingIncidents($first: Int!, $where: IncidentWhereInput) {\n    incidents(first: $first, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          severity\n          status\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkAlertsToIncident($incidentID: ID!, $alertIDs: [ID!]!) {\n    linkAlertsToIncident(incidentID: $incidentID, alertIDs: $alertIDs) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation LinkAlertsToIncident($incidentID: ID!, $alertIDs: [ID!]!) {\n    linkAlertsToIncident(incidentID: $incidentID, alertIDs: $alertIDs) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetIncidentSeverity($id: ID!, $severity: IncidentSeverity!) {\n    setIncidentSeverity(incidentID: $id, severity: $severity) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SetIncidentSeverity($id: ID!, $severity: IncidentSeverity!) {\n    setIncidentSeverity(incidentID: $id, severity: $severity) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetIncidentStatus($id: ID!, $status: IncidentStatus!) {\n    setIncidentStatus(incidentID: $id, status: $status) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SetIncidentStatus($id: ID!, $status: IncidentStatus!) {\n    setIncidentStatus(incidentID: $id, status: $status) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignIncidentRole($id: ID!, $userID: ID!, $role: IncidentMemberRole!) {\n    assignIncidentRole(incidentID: $id, userID: $userID, role: $role) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AssignIncidentRole($id: ID!, $userID: ID!, $role: IncidentMemberRole!) {\n    assignIncidentRole(incidentID: $id, userID: $userID, role: $role) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddIncidentResponder($id: ID!, $userID: ID!) {\n    addIncidentResponder(incidentID: $id, userID: $userID) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AddIncidentResponder($id: ID!, $userID: ID!) {\n    addIncidentResponder(incidentID: $id, userID: $userID) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddIncidentStakeholder($id: ID!, $userID: ID!) {\n    addIncidentStakeholder(incidentID: $id, userID: $userID) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AddIncidentStakeholder($id: ID!, $userID: ID!) {\n    addIncidentStakeholder(incidentID: $id, userID: $userID) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddIncidentNote($id: ID!, $note: String!) {\n    addIncidentNote(incidentID: $id, note: $note) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AddIncidentNote($id: ID!, $note: String!) {\n    addIncidentNote(incidentID: $id, note: $note) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostStatusUpdate($id: ID!, $message: String!, $status: IncidentStatus!, $audience: StatusUpdateAudience!) {\n    postStatusUpdate(incidentID: $id, message: $message, status: $status, audience: $audience) {\n      id\n      incident {\n        ...IncidentDetail\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PostStatusUpdate($id: ID!, $message: String!, $status: IncidentStatus!, $audience: StatusUpdateAudience!) {\n    postStatusUpdate(incidentID: $id, message: $message, status: $status, audience: $audience) {\n      id\n      incident {\n        ...IncidentDetail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkAlerts($id: ID!, $alertIDs: [ID!]!) {\n    unlinkAlertsFromIncident(incidentID: $id, alertIDs: $alertIDs) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UnlinkAlerts($id: ID!, $alertIDs: [ID!]!) {\n    unlinkAlertsFromIncident(incidentID: $id, alertIDs: $alertIDs) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveIncidentServices($id: ID!, $serviceIDs: [ID!]!) {\n    removeIncidentServices(incidentID: $id, serviceIDs: $serviceIDs) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveIncidentServices($id: ID!, $serviceIDs: [ID!]!) {\n    removeIncidentServices(incidentID: $id, serviceIDs: $serviceIDs) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddIncidentServices($id: ID!, $serviceIDs: [ID!]!) {\n    addIncidentServices(incidentID: $id, serviceIDs: $serviceIDs) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AddIncidentServices($id: ID!, $serviceIDs: [ID!]!) {\n    addIncidentServices(incidentID: $id, serviceIDs: $serviceIDs) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyStepFields on EscalationStep {\n    id\n    position\n    delayMinutes\n    keepPaging\n    targets {\n      kind\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment PolicyStepFields on EscalationStep {\n    id\n    position\n    delayMinutes\n    keepPaging\n    targets {\n      kind\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EscalationPolicies {\n    escalationPolicies(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          repeat\n          steps {\n            ...PolicyStepFields\n          }\n          services {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EscalationPolicies {\n    escalationPolicies(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          repeat\n          steps {\n            ...PolicyStepFields\n          }\n          services {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EscalationPolicy($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on EscalationPolicy {\n        name\n        description\n        repeat\n        steps {\n          ...PolicyStepFields\n        }\n        services {\n          id\n          name\n        }\n        preview {\n          position\n          users {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EscalationPolicy($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on EscalationPolicy {\n        name\n        description\n        repeat\n        steps {\n          ...PolicyStepFields\n        }\n        services {\n          id\n          name\n        }\n        preview {\n          position\n          users {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EscalationTargetChoices {\n    viewer {\n      id\n      contactMethods {\n        id\n        kind\n        name\n        disabled\n      }\n    }\n    users(first: 500, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          disabled\n        }\n      }\n    }\n    schedules(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EscalationTargetChoices {\n    viewer {\n      id\n      contactMethods {\n        id\n        kind\n        name\n        disabled\n      }\n    }\n    users(first: 500, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          disabled\n        }\n      }\n    }\n    schedules(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEscalationPolicy($input: EscalationPolicyInput!) {\n    createEscalationPolicy(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEscalationPolicy($input: EscalationPolicyInput!) {\n    createEscalationPolicy(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEscalationPolicy($id: ID!, $input: EscalationPolicyInput!) {\n    updateEscalationPolicy(id: $id, input: $input) {\n      id\n      name\n      description\n      repeat\n      steps {\n        ...PolicyStepFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEscalationPolicy($id: ID!, $input: EscalationPolicyInput!) {\n    updateEscalationPolicy(id: $id, input: $input) {\n      id\n      name\n      description\n      repeat\n      steps {\n        ...PolicyStepFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteEscalationPolicy($id: ID!) {\n    deleteEscalationPolicy(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteEscalationPolicy($id: ID!) {\n    deleteEscalationPolicy(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query APITokens($userID: ID!) {\n    apiTokens(first: 100, where: { userID: $userID }, orderBy: { field: CREATED_AT, direction: DESC }) {\n      edges {\n        node {\n          ...APITokenFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query APITokens($userID: ID!) {\n    apiTokens(first: 100, where: { userID: $userID }, orderBy: { field: CREATED_AT, direction: DESC }) {\n      edges {\n        node {\n          ...APITokenFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment APITokenFields on APIToken {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment APITokenFields on APIToken {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAPIToken($name: String!, $expiresAt: Time) {\n    createAPIToken(name: $name, expiresAt: $expiresAt) {\n      secret\n      apiToken {\n        ...APITokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAPIToken($name: String!, $expiresAt: Time) {\n    createAPIToken(name: $name, expiresAt: $expiresAt) {\n      secret\n      apiToken {\n        ...APITokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAPIToken($id: ID!) {\n    revokeAPIToken(id: $id) {\n      ...APITokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeAPIToken($id: ID!) {\n    revokeAPIToken(id: $id) {\n      ...APITokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactMethodFields on ContactMethod {\n    id\n    kind\n    name\n    maskedAddress\n    platform\n    criticalAlerts\n    verifiedAt\n    verificationExpiresAt\n    disabled\n  }\n"): (typeof documents)["\n  fragment ContactMethodFields on ContactMethod {\n    id\n    kind\n    name\n    maskedAddress\n    platform\n    criticalAlerts\n    verifiedAt\n    verificationExpiresAt\n    disabled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PagingSettings {\n    viewer {\n      id\n      quietHoursStart\n      quietHoursEnd\n      contactMethods {\n        ...ContactMethodFields\n      }\n      notificationRules {\n        id\n        urgency\n        delayMinutes\n        contactMethod {\n          id\n          kind\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PagingSettings {\n    viewer {\n      id\n      quietHoursStart\n      quietHoursEnd\n      contactMethods {\n        ...ContactMethodFields\n      }\n      notificationRules {\n        id\n        urgency\n        delayMinutes\n        contactMethod {\n          id\n          kind\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Devices {\n    viewer {\n      id\n      contactMethods {\n        ...ContactMethodFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Devices {\n    viewer {\n      id\n      contactMethods {\n        ...ContactMethodFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContactMethod($input: CreateContactMethodInput!) {\n    createContactMethod(input: $input) {\n      ...ContactMethodFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContactMethod($input: CreateContactMethodInput!) {\n    createContactMethod(input: $input) {\n      ...ContactMethodFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendContactMethodVerification($id: ID!) {\n    sendContactMethodVerification(id: $id) {\n      ...ContactMethodFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendContactMethodVerification($id: ID!) {\n    sendContactMethodVerification(id: $id) {\n      ...ContactMethodFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyContactMethod($id: ID!, $code: String!) {\n    verifyContactMethod(id: $id, code: $code) {\n      ...ContactMethodFields\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyContactMethod($id: ID!, $code: String!) {\n    verifyContactMethod(id: $id, code: $code) {\n      ...ContactMethodFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetContactMethodDisabled($id: ID!, $disabled: Boolean!) {\n    updateContactMethod(id: $id, input: { disabled: $disabled }) {\n      ...ContactMethodFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetContactMethodDisabled($id: ID!, $disabled: Boolean!) {\n    updateContactMethod(id: $id, input: { disabled: $disabled }) {\n      ...ContactMethodFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteContactMethod($id: ID!) {\n    deleteContactMethod(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteContactMethod($id: ID!) {\n    deleteContactMethod(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestNotification($id: ID!) {\n    sendTestNotification(id: $id) {\n      sent\n      summary\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestNotification($id: ID!) {\n    sendTestNotification(id: $id) {\n      sent\n      summary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNotificationRule($input: CreateNotificationRuleInput!) {\n    createNotificationRule(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateNotificationRule($input: CreateNotificationRuleInput!) {\n    createNotificationRule(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNotificationRule($id: ID!) {\n    deleteNotificationRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteNotificationRule($id: ID!) {\n    deleteNotificationRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetQuietHours($start: Int, $end: Int) {\n    setQuietHours(start: $start, end: $end) {\n      id\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n"): (typeof documents)["\n  mutation SetQuietHours($start: Int, $end: Int) {\n    setQuietHours(start: $start, end: $end) {\n      id\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OnCallFields on OnCall {\n    schedule {\n      id\n      name\n      timeZone\n    }\n    users {\n      id\n      name\n    }\n    until\n    next {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment OnCallFields on OnCall {\n    schedule {\n      id\n      name\n      timeZone\n    }\n    users {\n      id\n      name\n    }\n    until\n    next {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Schedules {\n    schedules(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          timeZone\n          team {\n            id\n            name\n          }\n          onCallNow {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Schedules {\n    schedules(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          timeZone\n          team {\n            id\n            name\n          }\n          onCallNow {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShiftFields on Shift {\n    start\n    end\n    users {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ShiftFields on Shift {\n    start\n    end\n    users {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Schedule($id: ID!, $from: Time!, $to: Time!) {\n    node(id: $id) {\n      __typename\n      ... on Schedule {\n        id\n        name\n        description\n        timeZone\n        team {\n          id\n          name\n          members(first: 200) {\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n        onCallNow {\n          ...OnCallFields\n        }\n        shifts(from: $from, to: $to) {\n          ...ShiftFields\n        }\n        layers {\n          id\n          name\n          position\n          shiftLength\n          shiftUnit\n          startAt\n          endAt\n          handoffTime\n          handoffDay\n          participants {\n            id\n            name\n          }\n          restrictions {\n            day\n            start\n            end\n          }\n          shifts(from: $from, to: $to) {\n            ...ShiftFields\n          }\n        }\n        overrides(from: $from, to: $to) {\n          id\n          kind\n          startsAt\n          endsAt\n          note\n          userOn {\n            id\n            name\n          }\n          userOff {\n            id\n            name\n          }\n        }\n        coverRequests(from: $from, to: $to) {\n          id\n          startsAt\n          endsAt\n          message\n          status\n          expiresAt\n          requester {\n            id\n            name\n          }\n          acceptedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Schedule($id: ID!, $from: Time!, $to: Time!) {\n    node(id: $id) {\n      __typename\n      ... on Schedule {\n        id\n        name\n        description\n        timeZone\n        team {\n          id\n          name\n          members(first: 200) {\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n        onCallNow {\n          ...OnCallFields\n        }\n        shifts(from: $from, to: $to) {\n          ...ShiftFields\n        }\n        layers {\n          id\n          name\n          position\n          shiftLength\n          shiftUnit\n          startAt\n          endAt\n          handoffTime\n          handoffDay\n          participants {\n            id\n            name\n          }\n          restrictions {\n            day\n            start\n            end\n          }\n          shifts(from: $from, to: $to) {\n            ...ShiftFields\n          }\n        }\n        overrides(from: $from, to: $to) {\n          id\n          kind\n          startsAt\n          endsAt\n          note\n          userOn {\n            id\n            name\n          }\n          userOff {\n            id\n            name\n          }\n        }\n        coverRequests(from: $from, to: $to) {\n          id\n          startsAt\n          endsAt\n          message\n          status\n          expiresAt\n          requester {\n            id\n            name\n          }\n          acceptedBy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSchedule($input: CreateScheduleInput!) {\n    createSchedule(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSchedule($input: CreateScheduleInput!) {\n    createSchedule(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateScheduleLayer($scheduleID: ID!, $input: ScheduleLayerInput!) {\n    createScheduleLayer(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateScheduleLayer($scheduleID: ID!, $input: ScheduleLayerInput!) {\n    createScheduleLayer(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteScheduleLayer($id: ID!) {\n    deleteScheduleLayer(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteScheduleLayer($id: ID!) {\n    deleteScheduleLayer(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateScheduleOverride($scheduleID: ID!, $input: ScheduleOverrideInput!) {\n    createScheduleOverride(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateScheduleOverride($scheduleID: ID!, $input: ScheduleOverrideInput!) {\n    createScheduleOverride(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteScheduleOverride($id: ID!) {\n    deleteScheduleOverride(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteScheduleOverride($id: ID!) {\n    deleteScheduleOverride(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestCover($scheduleID: ID!, $input: CoverRequestInput!) {\n    requestCover(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RequestCover($scheduleID: ID!, $input: CoverRequestInput!) {\n    requestCover(scheduleID: $scheduleID, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptCoverRequest($id: ID!) {\n    acceptCoverRequest(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptCoverRequest($id: ID!) {\n    acceptCoverRequest(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelCoverRequest($id: ID!) {\n    cancelCoverRequest(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelCoverRequest($id: ID!) {\n    cancelCoverRequest(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCalendarFeed($scheduleID: ID) {\n    createCalendarFeed(scheduleID: $scheduleID) {\n      url\n      calendarFeed {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCalendarFeed($scheduleID: ID) {\n    createCalendarFeed(scheduleID: $scheduleID) {\n      url\n      calendarFeed {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeOnCall {\n    viewer {\n      id\n      onCallNow {\n        ...OnCallFields\n      }\n    }\n    schedules(first: 20, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          onCallNow {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HomeOnCall {\n    viewer {\n      id\n      onCallNow {\n        ...OnCallFields\n      }\n    }\n    schedules(first: 20, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          onCallNow {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Services {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...ServiceFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Services {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...ServiceFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    team {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    team {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamChoices {\n    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamChoices {\n    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceChoices($search: String, $exclude: [ID!], $first: Int!) {\n    services(first: $first, orderBy: { field: NAME, direction: ASC }, where: { nameContainsFold: $search, idNotIn: $exclude }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceChoices($search: String, $exclude: [ID!], $first: Int!) {\n    services(first: $first, orderBy: { field: NAME, direction: ASC }, where: { nameContainsFold: $search, idNotIn: $exclude }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      ...ServiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      ...ServiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IntegrationFields on Integration {\n    id\n    name\n    kind\n    keyPrefix\n    enabled\n    url\n    mapping\n    rateLimitPerMinute\n    rateLimitBurst\n    lastReceivedAt\n    lastResult\n    createdAt\n  }\n"): (typeof documents)["\n  fragment IntegrationFields on Integration {\n    id\n    name\n    kind\n    keyPrefix\n    enabled\n    url\n    mapping\n    rateLimitPerMinute\n    rateLimitBurst\n    lastReceivedAt\n    lastResult\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HeartbeatFields on Heartbeat {\n    id\n    name\n    description\n    intervalSeconds\n    enabled\n    alertMessage\n    alertPriority\n    alertTags\n    lastPingAt\n    expired\n    expiresAt\n    service {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment HeartbeatFields on Heartbeat {\n    id\n    name\n    description\n    intervalSeconds\n    enabled\n    alertMessage\n    alertPriority\n    alertTags\n    lastPingAt\n    expired\n    expiresAt\n    service {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MaintenanceWindowFields on MaintenanceWindow {\n    id\n    startsAt\n    endsAt\n    reason\n    createdBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment MaintenanceWindowFields on MaintenanceWindow {\n    id\n    startsAt\n    endsAt\n    reason\n    createdBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceDetail($id: ID!, $withSnippets: Boolean!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        ...ServiceFields\n        highUrgencyUpTo\n        escalationPolicy {\n          id\n          name\n        }\n        onCall {\n          ...OnCallFields\n        }\n        integrations(first: 50, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...IntegrationFields\n              snippets @include(if: $withSnippets) {\n                curl\n                alertmanager\n                grafana\n              }\n            }\n          }\n        }\n        heartbeats(first: 50, orderBy: { field: NAME, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...HeartbeatFields\n            }\n          }\n        }\n        maintenanceWindows(first: 50, orderBy: { field: STARTS_AT, direction: DESC }) {\n          totalCount\n          edges {\n            node {\n              ...MaintenanceWindowFields\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceDetail($id: ID!, $withSnippets: Boolean!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        ...ServiceFields\n        highUrgencyUpTo\n        escalationPolicy {\n          id\n          name\n        }\n        onCall {\n          ...OnCallFields\n        }\n        integrations(first: 50, orderBy: { field: CREATED_AT, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...IntegrationFields\n              snippets @include(if: $withSnippets) {\n                curl\n                alertmanager\n                grafana\n              }\n            }\n          }\n        }\n        heartbeats(first: 50, orderBy: { field: NAME, direction: ASC }) {\n          totalCount\n          edges {\n            node {\n              ...HeartbeatFields\n            }\n          }\n        }\n        maintenanceWindows(first: 50, orderBy: { field: STARTS_AT, direction: DESC }) {\n          totalCount\n          edges {\n            node {\n              ...MaintenanceWindowFields\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      key\n      integration {\n        ...IntegrationFields\n      }\n      snippets {\n        curl\n        alertmanager\n        grafana\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateIntegration($input: CreateIntegrationInput!) {\n    createIntegration(input: $input) {\n      key\n      integration {\n        ...IntegrationFields\n      }\n      snippets {\n        curl\n        alertmanager\n        grafana\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateIntegration($id: ID!, $input: UpdateIntegrationInput!) {\n    updateIntegration(id: $id, input: $input) {\n      ...IntegrationFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateIntegration($id: ID!, $input: UpdateIntegrationInput!) {\n    updateIntegration(id: $id, input: $input) {\n      ...IntegrationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateIntegrationKey($id: ID!) {\n    rotateIntegrationKey(id: $id) {\n      key\n      integration {\n        ...IntegrationFields\n      }\n      snippets {\n        curl\n        alertmanager\n        grafana\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateIntegrationKey($id: ID!) {\n    rotateIntegrationKey(id: $id) {\n      key\n      integration {\n        ...IntegrationFields\n      }\n      snippets {\n        curl\n        alertmanager\n        grafana\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteIntegration($id: ID!) {\n    deleteIntegration(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteIntegration($id: ID!) {\n    deleteIntegration(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestGenericMapping($mapping: Map!, $sample: Map!) {\n    testGenericMapping(mapping: $mapping, sample: $sample) {\n      message\n      alias\n      priority\n      description\n      details\n      tags\n      close\n      errors\n    }\n  }\n"): (typeof documents)["\n  query TestGenericMapping($mapping: Map!, $sample: Map!) {\n    testGenericMapping(mapping: $mapping, sample: $sample) {\n      message\n      alias\n      priority\n      description\n      details\n      tags\n      close\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTestAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) {\n      deduplicated\n      alert {\n        id\n        tinyID\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTestAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) {\n      deduplicated\n      alert {\n        id\n        tinyID\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateHeartbeat($input: CreateHeartbeatInput!) {\n    createHeartbeat(input: $input) {\n      ...HeartbeatFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateHeartbeat($input: CreateHeartbeatInput!) {\n    createHeartbeat(input: $input) {\n      ...HeartbeatFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateHeartbeat($id: ID!, $input: UpdateHeartbeatInput!) {\n    updateHeartbeat(id: $id, input: $input) {\n      ...HeartbeatFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateHeartbeat($id: ID!, $input: UpdateHeartbeatInput!) {\n    updateHeartbeat(id: $id, input: $input) {\n      ...HeartbeatFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteHeartbeat($id: ID!) {\n    deleteHeartbeat(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteHeartbeat($id: ID!) {\n    deleteHeartbeat(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMaintenanceWindow($input: CreateMaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMaintenanceWindow($input: CreateMaintenanceWindowInput!) {\n    createMaintenanceWindow(input: $input) {\n      ...MaintenanceWindowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndMaintenanceWindow($id: ID!) {\n    endMaintenanceWindow(id: $id)\n  }\n"): (typeof documents)["\n  mutation EndMaintenanceWindow($id: ID!) {\n    endMaintenanceWindow(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyChoices {\n    escalationPolicies(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyChoices {\n    escalationPolicies(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateServicePaging($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      id\n      highUrgencyUpTo\n      escalationPolicy {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateServicePaging($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      id\n      highUrgencyUpTo\n      escalationPolicy {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SeverityLevels {\n    severityLevels {\n      id\n      level\n      description\n      updateCadenceMinutes\n    }\n  }\n"): (typeof documents)["\n  query SeverityLevels {\n    severityLevels {\n      id\n      level\n      description\n      updateCadenceMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSeverityLevel($level: IncidentSeverity!, $description: String, $updateCadenceMinutes: Int) {\n    updateSeverityLevel(level: $level, description: $description, updateCadenceMinutes: $updateCadenceMinutes) {\n      id\n      level\n      description\n      updateCadenceMinutes\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSeverityLevel($level: IncidentSeverity!, $description: String, $updateCadenceMinutes: Int) {\n    updateSeverityLevel(level: $level, description: $description, updateCadenceMinutes: $updateCadenceMinutes) {\n      id\n      level\n      description\n      updateCadenceMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceSubscription($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        viewerSubscribed\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceSubscription($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Service {\n        viewerSubscribed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentSubscription($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Incident {\n        viewerSubscribed\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentSubscription($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Incident {\n        viewerSubscribed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeToService($id: ID!) {\n    subscribeToService(serviceID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n"): (typeof documents)["\n  mutation SubscribeToService($id: ID!) {\n    subscribeToService(serviceID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribeFromService($id: ID!) {\n    unsubscribeFromService(serviceID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n"): (typeof documents)["\n  mutation UnsubscribeFromService($id: ID!) {\n    unsubscribeFromService(serviceID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeToIncident($id: ID!) {\n    subscribeToIncident(incidentID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n"): (typeof documents)["\n  mutation SubscribeToIncident($id: ID!) {\n    subscribeToIncident(incidentID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribeFromIncident($id: ID!) {\n    unsubscribeFromIncident(incidentID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n"): (typeof documents)["\n  mutation UnsubscribeFromIncident($id: ID!) {\n    unsubscribeFromIncident(incidentID: $id) {\n      id\n      viewerSubscribed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySubscriptions {\n    viewer {\n      id\n      subscriptions {\n        id\n        createdAt\n        service {\n          id\n          name\n          description\n        }\n        incident {\n          id\n          title\n          status\n          severity\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MySubscriptions {\n    viewer {\n      id\n      subscriptions {\n        id\n        createdAt\n        service {\n          id\n          name\n          description\n        }\n        incident {\n          id\n          title\n          status\n          severity\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveIncidents {\n    incidents(first: 50, where: { statusNEQ: RESOLVED }, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LiveIncidents {\n    incidents(first: 50, where: { statusNEQ: RESOLVED }, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StakeholderPreferences {\n    viewer {\n      id\n      stakeholderPreferences {\n        email\n        push\n        digest\n      }\n    }\n  }\n"): (typeof documents)["\n  query StakeholderPreferences {\n    viewer {\n      id\n      stakeholderPreferences {\n        email\n        push\n        digest\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStakeholderPreferences($input: StakeholderPreferencesInput!) {\n    setStakeholderPreferences(input: $input) {\n      email\n      push\n      digest\n    }\n  }\n"): (typeof documents)["\n  mutation SetStakeholderPreferences($input: StakeholderPreferencesInput!) {\n    setStakeholderPreferences(input: $input) {\n      email\n      push\n      digest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPages {\n    statusPages {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  query StatusPages {\n    statusPages {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusPageFields on StatusPage {\n    id\n    slug\n    title\n    description\n    public\n    url\n    components {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment StatusPageFields on StatusPage {\n    id\n    slug\n    title\n    description\n    public\n    url\n    components {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusServiceChoices {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StatusServiceChoices {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStatusPage($input: CreateStatusPageInput!) {\n    createStatusPage(input: $input) {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStatusPage($input: CreateStatusPageInput!) {\n    createStatusPage(input: $input) {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddStatusComponent($input: CreateStatusComponentInput!) {\n    addStatusComponent(input: $input) {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddStatusComponent($input: CreateStatusComponentInput!) {\n    addStatusComponent(input: $input) {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStatusComponent($id: ID!, $input: UpdateStatusComponentInput!) {\n    updateStatusComponent(id: $id, input: $input) {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStatusComponent($id: ID!, $input: UpdateStatusComponentInput!) {\n    updateStatusComponent(id: $id, input: $input) {\n      id\n      name\n      groupName\n      position\n      service {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveStatusComponent($id: ID!) {\n    removeStatusComponent(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveStatusComponent($id: ID!) {\n    removeStatusComponent(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Teams {\n    teams(first: 50, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n          onCall {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Teams {\n    teams(first: 50, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n          onCall {\n            ...OnCallFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamFields on Team {\n    id\n    name\n    description\n    members(first: 10, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    services(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  fragment TeamFields on Team {\n    id\n    name\n    description\n    members(first: 10, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    services(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserChoices {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserChoices {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamMemberList on Team {\n    id\n    allMembers: members(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TeamMemberList on Team {\n    id\n    allMembers: members(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamMembers($id: ID!) {\n    node(id: $id) {\n      ... on Team {\n        ...TeamMemberList\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamMembers($id: ID!) {\n    node(id: $id) {\n      ... on Team {\n        ...TeamMemberList\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      ...TeamFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      ...TeamFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      ...TeamFields\n      ...TeamMemberList\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {\n    updateTeam(id: $id, input: $input) {\n      ...TeamFields\n      ...TeamMemberList\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    users(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    name\n    email\n    role\n    timeZone\n    disabled\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    name\n    email\n    role\n    timeZone\n    disabled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: CreateUserInput!) {\n    inviteUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: CreateUserInput!) {\n    inviteUser(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUserRole($id: ID!, $role: UserRole!) {\n    updateUser(id: $id, input: { role: $role }) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUserRole($id: ID!, $role: UserRole!) {\n    updateUser(id: $id, input: { role: $role }) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertsChangedLive($filter: AlertsChangedFilter) {\n    alertsChanged(filter: $filter) {\n      ...AlertRow\n    }\n  }\n"): (typeof documents)["\n  subscription AlertsChangedLive($filter: AlertsChangedFilter) {\n    alertsChanged(filter: $filter) {\n      ...AlertRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IncidentsChangedLive {\n    incidentsChanged {\n      ...IncidentRow\n    }\n  }\n"): (typeof documents)["\n  subscription IncidentsChangedLive {\n    incidentsChanged {\n      ...IncidentRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IncidentTimelineLive($id: ID!, $after: ID) {\n    incidentTimeline(incidentId: $id, after: $after) {\n      id\n      kind\n      visibility\n      actorName\n      createdAt\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription IncidentTimelineLive($id: ID!, $after: ID) {\n    incidentTimeline(incidentId: $id, after: $after) {\n      id\n      kind\n      visibility\n      actorName\n      createdAt\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertTimelineLive($id: ID!, $after: ID) {\n    alertTimeline(alertId: $id, after: $after) {\n      id\n      kind\n      visibility\n      actorName\n      createdAt\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription AlertTimelineLive($id: ID!, $after: ID) {\n    alertTimeline(alertId: $id, after: $after) {\n      id\n      kind\n      visibility\n      actorName\n      createdAt\n      data\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;