import { graphql } from '../../gql';

export const AlertsQuery = graphql(`
  query Alerts($first: Int!, $after: Cursor, $where: AlertWhereInput) {
    alerts(first: $first, after: $after, where: $where, orderBy: [{ field: FIRST_OCCURRED_AT, direction: DESC }]) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AlertRow
        }
      }
    }
  }
`);

export const AlertRowFragment = graphql(`
  fragment AlertRow on Alert {
    id
    tinyID
    message
    priority
    status
    count
    firstOccurredAt
    lastOccurredAt
    snoozedUntil
    inMaintenance
    service {
      id
      name
    }
    acknowledgedBy {
      id
      name
    }
    owner {
      id
      name
    }
  }
`);

/** One alert with everything the detail page shows, its timeline newest first. */
export const AlertDetailFragment = graphql(`
  fragment AlertDetail on Alert {
    ...AlertRow
    escalationDueAt
    escalation {
      ...EscalationProgress
    }
    alias
    description
    details
    tags
    source
    entity
    acknowledgedAt
    closedAt
    closedBy {
      id
      name
    }
    incident {
      id
      title
    }
    timeline(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      edges {
        node {
          id
          kind
          actorType
          actorName
          data
          createdAt
          actor {
            id
            name
          }
        }
      }
    }
  }
`);

/** Where the alert is in its escalation policy, and what happens next. */
export const EscalationProgressFragment = graphql(`
  fragment EscalationProgress on EscalationProgress {
    state
    round
    rounds
    step
    steps
    snoozedUntil
    stoppedBy
    stoppedAt
    planned {
      ...EscalationPage
    }
    next {
      round
      step
      dueAt
      unreachable
      pages {
        ...EscalationPage
      }
    }
  }
`);

export const EscalationPageFragment = graphql(`
  fragment EscalationPage on EscalationPage {
    at
    channel
    contactMethodName
    user {
      id
      name
    }
  }
`);

export const AlertDetailQuery = graphql(`
  query AlertDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Alert {
        ...AlertDetail
      }
    }
  }
`);

export const AlertServiceChoicesQuery = graphql(`
  query AlertServiceChoices {
    services(first: 200, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const AssigneeChoicesQuery = graphql(`
  query AssigneeChoices {
    users(first: 200, orderBy: { field: NAME, direction: ASC }, where: { disabled: false, roleNEQ: STAKEHOLDER }) {
      edges {
        node {
          id
          name
          role
        }
      }
    }
  }
`);

// Bulk actions from the list answer with rows; the list refetches (see cache.ts).
export const AcknowledgeAlertsMutation = graphql(`
  mutation AcknowledgeAlerts($ids: [ID!]!, $note: String) {
    acknowledgeAlerts(ids: $ids, note: $note) {
      ...AlertRow
    }
  }
`);

export const CloseAlertsMutation = graphql(`
  mutation CloseAlerts($ids: [ID!]!, $note: String) {
    closeAlerts(ids: $ids, note: $note) {
      ...AlertRow
    }
  }
`);

// Actions on one alert answer with the whole detail, timeline included, so
// the page updates from the answer without another request.
export const AcknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($ids: [ID!]!, $note: String) {
    acknowledgeAlerts(ids: $ids, note: $note) {
      ...AlertDetail
    }
  }
`);

export const CloseAlertMutation = graphql(`
  mutation CloseAlert($ids: [ID!]!, $note: String) {
    closeAlerts(ids: $ids, note: $note) {
      ...AlertDetail
    }
  }
`);

export const UnacknowledgeAlertMutation = graphql(`
  mutation UnacknowledgeAlert($id: ID!, $note: String) {
    unacknowledgeAlert(id: $id, note: $note) {
      ...AlertDetail
    }
  }
`);

export const SnoozeAlertMutation = graphql(`
  mutation SnoozeAlert($id: ID!, $until: Time!, $note: String) {
    snoozeAlert(id: $id, until: $until, note: $note) {
      ...AlertDetail
    }
  }
`);

export const AddAlertNoteMutation = graphql(`
  mutation AddAlertNote($id: ID!, $note: String!) {
    addAlertNote(id: $id, note: $note) {
      ...AlertDetail
    }
  }
`);

export const AssignAlertMutation = graphql(`
  mutation AssignAlert($id: ID!, $ownerID: ID!, $note: String) {
    assignAlert(id: $id, ownerID: $ownerID, note: $note) {
      ...AlertDetail
    }
  }
`);

export const EscalateAlertMutation = graphql(`
  mutation EscalateAlert($id: ID!, $note: String) {
    escalateAlert(id: $id, note: $note) {
      ...AlertDetail
    }
  }
`);

export const UpdateAlertMutation = graphql(`
  mutation UpdateAlert($id: ID!, $priority: AlertPriority, $message: String, $description: String) {
    updateAlert(id: $id, priority: $priority, message: $message, description: $description) {
      ...AlertDetail
    }
  }
`);
