import { graphql } from '../../gql';

export const ServiceSubscriptionQuery = graphql(`
  query ServiceSubscription($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Service {
        viewerSubscribed
      }
    }
  }
`);

export const IncidentSubscriptionQuery = graphql(`
  query IncidentSubscription($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Incident {
        viewerSubscribed
      }
    }
  }
`);

export const SubscribeToServiceMutation = graphql(`
  mutation SubscribeToService($id: ID!) {
    subscribeToService(serviceID: $id) {
      id
      viewerSubscribed
    }
  }
`);

export const UnsubscribeFromServiceMutation = graphql(`
  mutation UnsubscribeFromService($id: ID!) {
    unsubscribeFromService(serviceID: $id) {
      id
      viewerSubscribed
    }
  }
`);

export const SubscribeToIncidentMutation = graphql(`
  mutation SubscribeToIncident($id: ID!) {
    subscribeToIncident(incidentID: $id) {
      id
      viewerSubscribed
    }
  }
`);

export const UnsubscribeFromIncidentMutation = graphql(`
  mutation UnsubscribeFromIncident($id: ID!) {
    unsubscribeFromIncident(incidentID: $id) {
      id
      viewerSubscribed
    }
  }
`);

export const MySubscriptionsQuery = graphql(`
  query MySubscriptions {
    viewer {
      id
      subscriptions {
        id
        createdAt
        service {
          id
          name
          description
        }
        incident {
          id
          title
          status
          severity
        }
      }
    }
  }
`);

export const LiveIncidentsQuery = graphql(`
  query LiveIncidents {
    incidents(first: 50, where: { statusNEQ: RESOLVED }, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
      totalCount
      edges {
        node {
          ...IncidentRow
        }
      }
    }
  }
`);

export const StakeholderPreferencesQuery = graphql(`
  query StakeholderPreferences {
    viewer {
      id
      stakeholderPreferences {
        email
        push
        digest
      }
    }
  }
`);

export const SetStakeholderPreferencesMutation = graphql(`
  mutation SetStakeholderPreferences($input: StakeholderPreferencesInput!) {
    setStakeholderPreferences(input: $input) {
      email
      push
      digest
    }
  }
`);
