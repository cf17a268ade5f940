import { graphql } from '../../gql';

export const IncidentsQuery = graphql(`
  query Incidents($first: Int!, $after: Cursor, $where: IncidentWhereInput) {
    incidents(first: $first, after: $after, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...IncidentRow
        }
      }
    }
  }
`);

export const IncidentRowFragment = graphql(`
  fragment IncidentRow on Incident {
    id
    title
    nextUpdateDueAt
    updateOverdue
    severity
    status
    createdAt
    resolvedAt
    services(first: 5) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const IncidentDetailFragment = graphql(`
  fragment IncidentDetail on Incident {
    id
    title
    summary
    severity
    status
    createdAt
    resolvedAt
    nextUpdateDueAt
    updateOverdue
    services(first: 20) {
      edges {
        node {
          id
          name
        }
      }
    }
    commander {
      id
      name
    }
    commsLead {
      id
      name
    }
    responders {
      id
      name
    }
    stakeholders {
      id
      name
    }
    alerts(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      edges {
        node {
          id
          message
          status
          priority
          pageUserID
        }
      }
    }
    timeline(first: 200, orderBy: { field: CREATED_AT, direction: DESC }) {
      totalCount
      edges {
        node {
          id
          kind
          actorName
          visibility
          data
          createdAt
        }
      }
    }
  }
`);

export const IncidentDetailQuery = graphql(`
  query IncidentDetail($id: ID!) {
    node(id: $id) {
      __typename
      ... on Incident {
        ...IncidentDetail
      }
    }
  }
`);

export const IncidentPeopleQuery = graphql(`
  query IncidentPeople {
    users(first: 200, orderBy: { field: NAME, direction: ASC }, where: { disabled: false }) {
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

export const DeclareIncidentMutation = graphql(`
  mutation DeclareIncident($input: DeclareIncidentInput!) {
    declareIncident(input: $input) {
      id
      title
    }
  }
`);

/** Incidents still going (not resolved), newest first, whose title contains the text. */
export const OngoingIncidentsQuery = graphql(`
  query OngoingIncidents($first: Int!, $where: IncidentWhereInput) {
    incidents(first: $first, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
      totalCount
      edges {
        node {
          id
          title
          severity
          status
          createdAt
        }
      }
    }
  }
`);

export const LinkAlertsToIncidentMutation = graphql(`
  mutation LinkAlertsToIncident($incidentID: ID!, $alertIDs: [ID!]!) {
    linkAlertsToIncident(incidentID: $incidentID, alertIDs: $alertIDs) {
      id
      title
    }
  }
`);

export const SetIncidentSeverityMutation = graphql(`
  mutation SetIncidentSeverity($id: ID!, $severity: IncidentSeverity!) {
    setIncidentSeverity(incidentID: $id, severity: $severity) {
      ...IncidentDetail
    }
  }
`);

export const SetIncidentStatusMutation = graphql(`
  mutation SetIncidentStatus($id: ID!, $status: IncidentStatus!) {
    setIncidentStatus(incidentID: $id, status: $status) {
      ...IncidentDetail
    }
  }
`);

export const AssignIncidentRoleMutation = graphql(`
  mutation AssignIncidentRole($id: ID!, $userID: ID!, $role: IncidentMemberRole!) {
    assignIncidentRole(incidentID: $id, userID: $userID, role: $role) {
      ...IncidentDetail
    }
  }
`);

export const AddIncidentResponderMutation = graphql(`
  mutation AddIncidentResponder($id: ID!, $userID: ID!) {
    addIncidentResponder(incidentID: $id, userID: $userID) {
      ...IncidentDetail
    }
  }
`);

export const AddIncidentStakeholderMutation = graphql(`
  mutation AddIncidentStakeholder($id: ID!, $userID: ID!) {
    addIncidentStakeholder(incidentID: $id, userID: $userID) {
      ...IncidentDetail
    }
  }
`);

export const AddIncidentNoteMutation = graphql(`
  mutation AddIncidentNote($id: ID!, $note: String!) {
    addIncidentNote(incidentID: $id, note: $note) {
      ...IncidentDetail
    }
  }
`);

export const PostStatusUpdateMutation = graphql(`
  mutation PostStatusUpdate($id: ID!, $message: String!, $status: IncidentStatus!, $audience: StatusUpdateAudience!) {
    postStatusUpdate(incidentID: $id, message: $message, status: $status, audience: $audience) {
      id
      incident {
        ...IncidentDetail
      }
    }
  }
`);

export const UnlinkAlertsMutation = graphql(`
  mutation UnlinkAlerts($id: ID!, $alertIDs: [ID!]!) {
    unlinkAlertsFromIncident(incidentID: $id, alertIDs: $alertIDs) {
      ...IncidentDetail
    }
  }
`);

export const RemoveIncidentServicesMutation = graphql(`
  mutation RemoveIncidentServices($id: ID!, $serviceIDs: [ID!]!) {
    removeIncidentServices(incidentID: $id, serviceIDs: $serviceIDs) {
      ...IncidentDetail
    }
  }
`);

export const AddIncidentServicesMutation = graphql(`
  mutation AddIncidentServices($id: ID!, $serviceIDs: [ID!]!) {
    addIncidentServices(incidentID: $id, serviceIDs: $serviceIDs) {
      ...IncidentDetail
    }
  }
`);
