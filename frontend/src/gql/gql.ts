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
    "\n  fragment AlertRow on Alert {\n    id\n    message\n    priority\n    status\n    count\n    firstOccurredAt\n    lastOccurredAt\n    service {\n      id\n      name\n    }\n    acknowledgedBy {\n      id\n      name\n    }\n  }\n": typeof types.AlertRowFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      role\n      timeZone\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Incidents($first: Int!, $after: Cursor, $where: IncidentWhereInput) {\n    incidents(first: $first, after: $after, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n": typeof types.IncidentsDocument,
    "\n  fragment IncidentRow on Incident {\n    id\n    title\n    severity\n    status\n    createdAt\n    resolvedAt\n    services(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.IncidentRowFragmentDoc,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      timeZone\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query APITokens($userID: ID!) {\n    apiTokens(first: 100, where: { userID: $userID }, orderBy: { field: CREATED_AT, direction: DESC }) {\n      edges {\n        node {\n          ...APITokenFields\n        }\n      }\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  fragment APITokenFields on APIToken {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  mutation CreateAPIToken($name: String!, $expiresAt: Time) {\n    createAPIToken(name: $name, expiresAt: $expiresAt) {\n      secret\n      apiToken {\n        ...APITokenFields\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeAPIToken($id: ID!) {\n    revokeAPIToken(id: $id) {\n      ...APITokenFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query Services {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...ServiceFields\n        }\n      }\n    }\n  }\n": typeof types.ServicesDocument,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    team {\n      id\n      name\n    }\n  }\n": typeof types.ServiceFieldsFragmentDoc,
    "\n  query TeamChoices {\n    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TeamChoicesDocument,
    "\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      ...ServiceFields\n    }\n  }\n": typeof types.CreateServiceDocument,
    "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n": typeof types.UpdateServiceDocument,
    "\n  query Teams {\n    teams(first: 50, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n        }\n      }\n    }\n  }\n": typeof types.TeamsDocument,
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
};
const documents: Documents = {
    "\n  query Alerts($first: Int!, $after: Cursor, $where: AlertWhereInput) {\n    alerts(first: $first, after: $after, where: $where, orderBy: [{ field: FIRST_OCCURRED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AlertRow\n        }\n      }\n    }\n  }\n": types.AlertsDocument,
    "\n  fragment AlertRow on Alert {\n    id\n    message\n    priority\n    status\n    count\n    firstOccurredAt\n    lastOccurredAt\n    service {\n      id\n      name\n    }\n    acknowledgedBy {\n      id\n      name\n    }\n  }\n": types.AlertRowFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      role\n      timeZone\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Incidents($first: Int!, $after: Cursor, $where: IncidentWhereInput) {\n    incidents(first: $first, after: $after, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n": types.IncidentsDocument,
    "\n  fragment IncidentRow on Incident {\n    id\n    title\n    severity\n    status\n    createdAt\n    resolvedAt\n    services(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.IncidentRowFragmentDoc,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      timeZone\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query APITokens($userID: ID!) {\n    apiTokens(first: 100, where: { userID: $userID }, orderBy: { field: CREATED_AT, direction: DESC }) {\n      edges {\n        node {\n          ...APITokenFields\n        }\n      }\n    }\n  }\n": types.ApiTokensDocument,
    "\n  fragment APITokenFields on APIToken {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  mutation CreateAPIToken($name: String!, $expiresAt: Time) {\n    createAPIToken(name: $name, expiresAt: $expiresAt) {\n      secret\n      apiToken {\n        ...APITokenFields\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeAPIToken($id: ID!) {\n    revokeAPIToken(id: $id) {\n      ...APITokenFields\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query Services {\n    services(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...ServiceFields\n        }\n      }\n    }\n  }\n": types.ServicesDocument,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    team {\n      id\n      name\n    }\n  }\n": types.ServiceFieldsFragmentDoc,
    "\n  query TeamChoices {\n    teams(first: 200, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TeamChoicesDocument,
    "\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      ...ServiceFields\n    }\n  }\n": types.CreateServiceDocument,
    "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n": types.UpdateServiceDocument,
    "\n  query Teams {\n    teams(first: 50, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n        }\n      }\n    }\n  }\n": types.TeamsDocument,
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
export function graphql(source: "\n  fragment AlertRow on Alert {\n    id\n    message\n    priority\n    status\n    count\n    firstOccurredAt\n    lastOccurredAt\n    service {\n      id\n      name\n    }\n    acknowledgedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AlertRow on Alert {\n    id\n    message\n    priority\n    status\n    count\n    firstOccurredAt\n    lastOccurredAt\n    service {\n      id\n      name\n    }\n    acknowledgedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      role\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      role\n      timeZone\n    }\n  }\n"];
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
export function graphql(source: "\n  query Incidents($first: Int!, $after: Cursor, $where: IncidentWhereInput) {\n    incidents(first: $first, after: $after, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Incidents($first: Int!, $after: Cursor, $where: IncidentWhereInput) {\n    incidents(first: $first, after: $after, where: $where, orderBy: [{ field: CREATED_AT, direction: DESC }]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IncidentRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IncidentRow on Incident {\n    id\n    title\n    severity\n    status\n    createdAt\n    resolvedAt\n    services(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment IncidentRow on Incident {\n    id\n    title\n    severity\n    status\n    createdAt\n    resolvedAt\n    services(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      ...ServiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateService($input: CreateServiceInput!) {\n    createService(input: $input) {\n      ...ServiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Teams {\n    teams(first: 50, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Teams {\n    teams(first: 50, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n        }\n      }\n    }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;