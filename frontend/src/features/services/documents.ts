import { graphql } from '../../gql';

export const ServicesQuery = graphql(`
  query Services {
    services(first: 200, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          ...ServiceFields
        }
      }
    }
  }
`);

export const ServiceFieldsFragment = graphql(`
  fragment ServiceFields on Service {
    id
    name
    description
    team {
      id
      name
    }
  }
`);

export const TeamChoicesQuery = graphql(`
  query TeamChoices {
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

export const CreateServiceMutation = graphql(`
  mutation CreateService($input: CreateServiceInput!) {
    createService(input: $input) {
      ...ServiceFields
    }
  }
`);

export const UpdateServiceMutation = graphql(`
  mutation UpdateService($id: ID!, $input: UpdateServiceInput!) {
    updateService(id: $id, input: $input) {
      ...ServiceFields
    }
  }
`);
