import { graphql } from '../../gql';

export const UsersQuery = graphql(`
  query Users {
    users(first: 200, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          ...UserFields
        }
      }
    }
  }
`);

export const UserFieldsFragment = graphql(`
  fragment UserFields on User {
    id
    name
    email
    role
    timeZone
    disabled
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: CreateUserInput!) {
    inviteUser(input: $input) {
      ...UserFields
    }
  }
`);

export const UpdateUserRoleMutation = graphql(`
  mutation UpdateUserRole($id: ID!, $role: UserRole!) {
    updateUser(id: $id, input: { role: $role }) {
      ...UserFields
    }
  }
`);
