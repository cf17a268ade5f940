import { graphql } from '../../gql';

export const OnCallFieldsFragment = graphql(`
  fragment OnCallFields on OnCall {
    schedule {
      id
      name
      timeZone
    }
    users {
      id
      name
    }
    until
    next {
      id
      name
    }
  }
`);

export const SchedulesQuery = graphql(`
  query Schedules {
    schedules(first: 200, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
          description
          timeZone
          team {
            id
            name
          }
          onCallNow {
            ...OnCallFields
          }
        }
      }
    }
  }
`);

export const ShiftFieldsFragment = graphql(`
  fragment ShiftFields on Shift {
    start
    end
    users {
      id
      name
    }
  }
`);

export const ScheduleQuery = graphql(`
  query Schedule($id: ID!, $from: Time!, $to: Time!) {
    node(id: $id) {
      __typename
      ... on Schedule {
        id
        name
        description
        timeZone
        team {
          id
          name
          members(first: 200) {
            edges {
              node {
                id
                name
              }
            }
          }
        }
        onCallNow {
          ...OnCallFields
        }
        shifts(from: $from, to: $to) {
          ...ShiftFields
        }
        layers {
          id
          name
          position
          shiftLength
          shiftUnit
          startAt
          endAt
          handoffTime
          handoffDay
          participants {
            id
            name
          }
          restrictions {
            day
            start
            end
          }
          shifts(from: $from, to: $to) {
            ...ShiftFields
          }
        }
        overrides(from: $from, to: $to) {
          id
          kind
          startsAt
          endsAt
          note
          userOn {
            id
            name
          }
          userOff {
            id
            name
          }
        }
        coverRequests(from: $from, to: $to) {
          id
          startsAt
          endsAt
          message
          status
          expiresAt
          requester {
            id
            name
          }
          acceptedBy {
            id
            name
          }
        }
      }
    }
  }
`);

export const CreateScheduleMutation = graphql(`
  mutation CreateSchedule($input: CreateScheduleInput!) {
    createSchedule(input: $input) {
      id
      name
    }
  }
`);

export const CreateScheduleLayerMutation = graphql(`
  mutation CreateScheduleLayer($scheduleID: ID!, $input: ScheduleLayerInput!) {
    createScheduleLayer(scheduleID: $scheduleID, input: $input) {
      id
    }
  }
`);

export const DeleteScheduleLayerMutation = graphql(`
  mutation DeleteScheduleLayer($id: ID!) {
    deleteScheduleLayer(id: $id)
  }
`);

export const CreateScheduleOverrideMutation = graphql(`
  mutation CreateScheduleOverride($scheduleID: ID!, $input: ScheduleOverrideInput!) {
    createScheduleOverride(scheduleID: $scheduleID, input: $input) {
      id
    }
  }
`);

export const DeleteScheduleOverrideMutation = graphql(`
  mutation DeleteScheduleOverride($id: ID!) {
    deleteScheduleOverride(id: $id)
  }
`);

export const RequestCoverMutation = graphql(`
  mutation RequestCover($scheduleID: ID!, $input: CoverRequestInput!) {
    requestCover(scheduleID: $scheduleID, input: $input) {
      id
    }
  }
`);

export const AcceptCoverRequestMutation = graphql(`
  mutation AcceptCoverRequest($id: ID!) {
    acceptCoverRequest(id: $id) {
      id
      status
    }
  }
`);

export const CancelCoverRequestMutation = graphql(`
  mutation CancelCoverRequest($id: ID!) {
    cancelCoverRequest(id: $id) {
      id
      status
    }
  }
`);

export const CreateCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed($scheduleID: ID) {
    createCalendarFeed(scheduleID: $scheduleID) {
      url
      calendarFeed {
        id
      }
    }
  }
`);

export const HomeOnCallQuery = graphql(`
  query HomeOnCall {
    viewer {
      id
      onCallNow {
        ...OnCallFields
      }
    }
    schedules(first: 20, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          onCallNow {
            ...OnCallFields
          }
        }
      }
    }
  }
`);
