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
