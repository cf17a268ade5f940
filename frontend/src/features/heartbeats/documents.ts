import { graphql } from '../../gql';

export const HeartbeatsQuery = graphql(`
  query Heartbeats {
    heartbeats(first: 200, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          ...HeartbeatFields
        }
      }
    }
  }
`);
