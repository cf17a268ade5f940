import { graphql } from '../../gql';

export const SeverityLevelsQuery = graphql(`
  query SeverityLevels {
    severityLevels {
      id
      level
      description
      updateCadenceMinutes
    }
  }
`);

export const UpdateSeverityLevelMutation = graphql(`
  mutation UpdateSeverityLevel($level: IncidentSeverity!, $description: String, $updateCadenceMinutes: Int) {
    updateSeverityLevel(level: $level, description: $description, updateCadenceMinutes: $updateCadenceMinutes) {
      id
      level
      description
      updateCadenceMinutes
    }
  }
`);
