import { graphql } from '../../gql';

export const StatusPagesQuery = graphql(`
  query StatusPages {
    statusPages {
      ...StatusPageFields
    }
  }
`);

export const StatusPageFieldsFragment = graphql(`
  fragment StatusPageFields on StatusPage {
    id
    slug
    title
    description
    public
    url
    components {
      id
      name
      groupName
      position
      service {
        id
        name
      }
    }
  }
`);

export const StatusServiceChoicesQuery = graphql(`
  query StatusServiceChoices {
    services(first: 200, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreateStatusPageMutation = graphql(`
  mutation CreateStatusPage($input: CreateStatusPageInput!) {
    createStatusPage(input: $input) {
      ...StatusPageFields
    }
  }
`);

export const UpdateStatusPageMutation = graphql(`
  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {
    updateStatusPage(id: $id, input: $input) {
      ...StatusPageFields
    }
  }
`);

export const DeleteStatusPageMutation = graphql(`
  mutation DeleteStatusPage($id: ID!) {
    deleteStatusPage(id: $id)
  }
`);

export const AddStatusComponentMutation = graphql(`
  mutation AddStatusComponent($input: CreateStatusComponentInput!) {
    addStatusComponent(input: $input) {
      id
      name
      groupName
      position
      service {
        id
        name
      }
    }
  }
`);

export const UpdateStatusComponentMutation = graphql(`
  mutation UpdateStatusComponent($id: ID!, $input: UpdateStatusComponentInput!) {
    updateStatusComponent(id: $id, input: $input) {
      id
      name
      groupName
      position
      service {
        id
        name
      }
    }
  }
`);

export const RemoveStatusComponentMutation = graphql(`
  mutation RemoveStatusComponent($id: ID!) {
    removeStatusComponent(id: $id)
  }
`);
