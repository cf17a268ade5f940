import { graphql } from '../../../gql';

export const ContactMethodFieldsFragment = graphql(`
  fragment ContactMethodFields on ContactMethod {
    id
    kind
    name
    maskedAddress
    platform
    criticalAlerts
    verifiedAt
    verificationExpiresAt
    disabled
  }
`);

export const PagingSettingsQuery = graphql(`
  query PagingSettings {
    viewer {
      id
      quietHoursStart
      quietHoursEnd
      contactMethods {
        ...ContactMethodFields
      }
      notificationRules {
        id
        urgency
        delayMinutes
        contactMethod {
          id
          kind
          name
        }
      }
    }
  }
`);

export const DevicesQuery = graphql(`
  query Devices {
    viewer {
      id
      contactMethods {
        ...ContactMethodFields
      }
    }
  }
`);

export const CreateContactMethodMutation = graphql(`
  mutation CreateContactMethod($input: CreateContactMethodInput!) {
    createContactMethod(input: $input) {
      ...ContactMethodFields
    }
  }
`);

export const SendVerificationMutation = graphql(`
  mutation SendContactMethodVerification($id: ID!) {
    sendContactMethodVerification(id: $id) {
      ...ContactMethodFields
    }
  }
`);

export const VerifyContactMethodMutation = graphql(`
  mutation VerifyContactMethod($id: ID!, $code: String!) {
    verifyContactMethod(id: $id, code: $code) {
      ...ContactMethodFields
    }
  }
`);

export const SetContactMethodDisabledMutation = graphql(`
  mutation SetContactMethodDisabled($id: ID!, $disabled: Boolean!) {
    updateContactMethod(id: $id, input: { disabled: $disabled }) {
      ...ContactMethodFields
    }
  }
`);

export const DeleteContactMethodMutation = graphql(`
  mutation DeleteContactMethod($id: ID!) {
    deleteContactMethod(id: $id)
  }
`);

export const SendTestNotificationMutation = graphql(`
  mutation SendTestNotification($id: ID!) {
    sendTestNotification(id: $id) {
      sent
      summary
    }
  }
`);

export const CreateNotificationRuleMutation = graphql(`
  mutation CreateNotificationRule($input: CreateNotificationRuleInput!) {
    createNotificationRule(input: $input) {
      id
    }
  }
`);

export const DeleteNotificationRuleMutation = graphql(`
  mutation DeleteNotificationRule($id: ID!) {
    deleteNotificationRule(id: $id)
  }
`);

export const SetQuietHoursMutation = graphql(`
  mutation SetQuietHours($start: Int, $end: Int) {
    setQuietHours(start: $start, end: $end) {
      id
      quietHoursStart
      quietHoursEnd
    }
  }
`);
