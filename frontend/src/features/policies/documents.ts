import { graphql } from '../../gql';

export const PolicyStepFieldsFragment = graphql(`
  fragment PolicyStepFields on EscalationStep {
    id
    position
    delayMinutes
    keepPaging
    targets {
      kind
      id
      name
    }
  }
`);

export const PoliciesQuery = graphql(`
  query EscalationPolicies {
    escalationPolicies(first: 200, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
          description
          repeat
          steps {
            ...PolicyStepFields
          }
          services {
            id
            name
          }
        }
      }
    }
  }
`);

export const PolicyQuery = graphql(`
  query EscalationPolicy($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on EscalationPolicy {
        name
        description
        repeat
        steps {
          ...PolicyStepFields
        }
        services {
          id
          name
        }
        preview {
          position
          users {
            id
            name
          }
        }
      }
    }
  }
`);

/**
 * What a step can notify: people, schedules, teams (all members or one in
 * turn), and the viewer's own webhooks (contact methods are their owner's).
 */
export const TargetChoicesQuery = graphql(`
  query EscalationTargetChoices {
    viewer {
      id
      contactMethods {
        id
        kind
        name
        disabled
      }
    }
    users(first: 500, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          disabled
        }
      }
    }
    schedules(first: 200, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
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

export const CreatePolicyMutation = graphql(`
  mutation CreateEscalationPolicy($input: EscalationPolicyInput!) {
    createEscalationPolicy(input: $input) {
      id
      name
    }
  }
`);

export const UpdatePolicyMutation = graphql(`
  mutation UpdateEscalationPolicy($id: ID!, $input: EscalationPolicyInput!) {
    updateEscalationPolicy(id: $id, input: $input) {
      id
      name
      description
      repeat
      steps {
        ...PolicyStepFields
      }
    }
  }
`);

export const DeletePolicyMutation = graphql(`
  mutation DeleteEscalationPolicy($id: ID!) {
    deleteEscalationPolicy(id: $id)
  }
`);
