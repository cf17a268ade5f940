import { graphql } from '../../gql';

export const TeamsQuery = graphql(`
  query Teams {
    teams(first: 500, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          ...TeamFields
        }
      }
    }
  }
`);

export const TeamFieldsFragment = graphql(`
  fragment TeamFields on Team {
    id
    name
    description
    members(first: 200, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
    services(first: 0) {
      totalCount
    }
  }
`);

export const UserChoicesQuery = graphql(`
  query UserChoices {
    users(first: 500, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          email
        }
      }
    }
  }
`);

export const CreateTeamMutation = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      ...TeamFields
    }
  }
`);

export const UpdateTeamMutation = graphql(`
  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {
    updateTeam(id: $id, input: $input) {
      ...TeamFields
    }
  }
`);
