import { graphql } from '../../gql';

export const ServicesQuery = graphql(`
  query Services {
    services(first: 200, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          ...ServiceFields
        }
      }
    }
  }
`);

export const ServiceFieldsFragment = graphql(`
  fragment ServiceFields on Service {
    id
    name
    description
    team {
      id
      name
    }
  }
`);

export const TeamChoicesQuery = graphql(`
  query TeamChoices {
    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/**
 * Services for pickers: those whose name contains search (all when null),
 * minus exclude, by name; the viewer sees only what they may.
 */
export const ServiceChoicesQuery = graphql(`
  query ServiceChoices($search: String, $exclude: [ID!], $first: Int!) {
    services(first: $first, orderBy: { field: NAME, direction: ASC }, where: { nameContainsFold: $search, idNotIn: $exclude }) {
      totalCount
      edges {
        node {
          id
          name
          team {
            id
            name
          }
        }
      }
    }
  }
`);

/** A service a picker offers. */
export interface ServiceChoice {
  id: string;
  name: string;
  team?: string;
}

export const CreateServiceMutation = graphql(`
  mutation CreateService($input: CreateServiceInput!) {
    createService(input: $input) {
      ...ServiceFields
    }
  }
`);

export const UpdateServiceMutation = graphql(`
  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {
    updateService(id: $id, input: $input) {
      ...ServiceFields
    }
  }
`);

export const IntegrationFieldsFragment = graphql(`
  fragment IntegrationFields on Integration {
    id
    name
    kind
    keyPrefix
    enabled
    url
    mapping
    rateLimitPerMinute
    rateLimitBurst
    lastReceivedAt
    lastResult
    createdAt
  }
`);

export const HeartbeatFieldsFragment = graphql(`
  fragment HeartbeatFields on Heartbeat {
    id
    name
    description
    intervalSeconds
    enabled
    alertMessage
    alertPriority
    alertTags
    lastPingAt
    expired
    expiresAt
    service {
      id
      name
    }
  }
`);

export const MaintenanceWindowFieldsFragment = graphql(`
  fragment MaintenanceWindowFields on MaintenanceWindow {
    id
    startsAt
    endsAt
    reason
    createdBy {
      id
      name
    }
  }
`);

/** A service with its doors, heartbeats and maintenance windows. Snippets only for those who may see keys' configs. */
export const ServiceDetailQuery = graphql(`
  query ServiceDetail($id: ID!, $withSnippets: Boolean!) {
    node(id: $id) {
      __typename
      id
      ... on Service {
        ...ServiceFields
        highUrgencyUpTo
        escalationPolicy {
          id
          name
        }
        onCall {
          ...OnCallFields
        }
        integrations(first: 50, orderBy: { field: CREATED_AT, direction: ASC }) {
          totalCount
          edges {
            node {
              ...IntegrationFields
              snippets @include(if: $withSnippets) {
                curl
                alertmanager
                grafana
              }
            }
          }
        }
        heartbeats(first: 50, orderBy: { field: NAME, direction: ASC }) {
          totalCount
          edges {
            node {
              ...HeartbeatFields
            }
          }
        }
        maintenanceWindows(first: 50, orderBy: { field: STARTS_AT, direction: DESC }) {
          totalCount
          edges {
            node {
              ...MaintenanceWindowFields
            }
          }
        }
      }
    }
  }
`);

export const CreateIntegrationMutation = graphql(`
  mutation CreateIntegration($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      key
      integration {
        ...IntegrationFields
      }
      snippets {
        curl
        alertmanager
        grafana
      }
    }
  }
`);

export const UpdateIntegrationMutation = graphql(`
  mutation UpdateIntegration($id: ID!, $input: UpdateIntegrationInput!) {
    updateIntegration(id: $id, input: $input) {
      ...IntegrationFields
    }
  }
`);

export const RotateIntegrationKeyMutation = graphql(`
  mutation RotateIntegrationKey($id: ID!) {
    rotateIntegrationKey(id: $id) {
      key
      integration {
        ...IntegrationFields
      }
      snippets {
        curl
        alertmanager
        grafana
      }
    }
  }
`);

export const DeleteIntegrationMutation = graphql(`
  mutation DeleteIntegration($id: ID!) {
    deleteIntegration(id: $id)
  }
`);

export const TestGenericMappingQuery = graphql(`
  query TestGenericMapping($mapping: Map!, $sample: Map!) {
    testGenericMapping(mapping: $mapping, sample: $sample) {
      message
      alias
      priority
      description
      details
      tags
      close
      errors
    }
  }
`);

export const CreateTestAlertMutation = graphql(`
  mutation CreateTestAlert($input: CreateAlertInput!) {
    createAlert(input: $input) {
      deduplicated
      alert {
        id
        tinyID
        message
      }
    }
  }
`);

export const CreateHeartbeatMutation = graphql(`
  mutation CreateHeartbeat($input: CreateHeartbeatInput!) {
    createHeartbeat(input: $input) {
      ...HeartbeatFields
    }
  }
`);

export const UpdateHeartbeatMutation = graphql(`
  mutation UpdateHeartbeat($id: ID!, $input: UpdateHeartbeatInput!) {
    updateHeartbeat(id: $id, input: $input) {
      ...HeartbeatFields
    }
  }
`);

export const DeleteHeartbeatMutation = graphql(`
  mutation DeleteHeartbeat($id: ID!) {
    deleteHeartbeat(id: $id)
  }
`);

export const CreateMaintenanceWindowMutation = graphql(`
  mutation CreateMaintenanceWindow($input: CreateMaintenanceWindowInput!) {
    createMaintenanceWindow(input: $input) {
      ...MaintenanceWindowFields
    }
  }
`);

export const EndMaintenanceWindowMutation = graphql(`
  mutation EndMaintenanceWindow($id: ID!) {
    endMaintenanceWindow(id: $id)
  }
`);

export const PolicyChoicesQuery = graphql(`
  query PolicyChoices {
    escalationPolicies(first: 200, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** Which escalation policy pages for the service and which priorities are high urgency. */
export const UpdateServicePagingMutation = graphql(`
  mutation UpdateServicePaging($id: ID!, $input: UpdateServiceInput!) {
    updateService(id: $id, input: $input) {
      id
      highUrgencyUpTo
      escalationPolicy {
        id
        name
      }
    }
  }
`);
