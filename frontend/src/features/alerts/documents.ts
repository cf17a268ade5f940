import { graphql } from '../../gql';

export const AlertsQuery = graphql(`
  query Alerts($first: Int!, $after: Cursor, $where: AlertWhereInput) {
    alerts(first: $first, after: $after, where: $where, orderBy: [{ field: FIRST_OCCURRED_AT, direction: DESC }]) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AlertRow
        }
      }
    }
  }
`);

export const AlertRowFragment = graphql(`
  fragment AlertRow on Alert {
    id
    message
    priority
    status
    count
    firstOccurredAt
    lastOccurredAt
    service {
      id
      name
    }
    acknowledgedBy {
      id
      name
    }
  }
`);
