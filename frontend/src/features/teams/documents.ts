import { graphql } from '../../gql';

export const TeamsQuery = graphql(`
  query Teams {
    teams(first: 50, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          ...TeamFields
          onCall {
            ...OnCallFields
          }
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
    members(first: 10, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
    services(first: 1) {
      totalCount
    }
  }
`);

export const UserChoicesQuery = graphql(`
  query UserChoices {
    users(first: 200, orderBy: { field: NAME, direction: ASC }) {
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

// The edit dialog needs every member, the list only the first few: the server
// charges a query by page sizes, so the long list is fetched for one team only.
export const TeamMemberListFragment = graphql(`
  fragment TeamMemberList on Team {
    id
    allMembers: members(first: 200, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const TeamMembersQuery = graphql(`
  query TeamMembers($id: ID!) {
    node(id: $id) {
      ... on Team {
        ...TeamMemberList
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
      ...TeamMemberList
    }
  }
`);
