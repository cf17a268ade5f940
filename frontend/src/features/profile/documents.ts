import { graphql } from '../../gql';

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      name
      timeZone
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const APITokensQuery = graphql(`
  query APITokens($userID: ID!) {
    apiTokens(first: 100, where: { userID: $userID }, orderBy: { field: CREATED_AT, direction: DESC }) {
      edges {
        node {
          ...APITokenFields
        }
      }
    }
  }
`);

export const APITokenFieldsFragment = graphql(`
  fragment APITokenFields on APIToken {
    id
    name
    prefix
    createdAt
    lastUsedAt
    expiresAt
    revokedAt
  }
`);

export const CreateAPITokenMutation = graphql(`
  mutation CreateAPIToken($name: String!, $expiresAt: Time) {
    createAPIToken(name: $name, expiresAt: $expiresAt) {
      secret
      apiToken {
        ...APITokenFields
      }
    }
  }
`);

export const RevokeAPITokenMutation = graphql(`
  mutation RevokeAPIToken($id: ID!) {
    revokeAPIToken(id: $id) {
      ...APITokenFields
    }
  }
`);
