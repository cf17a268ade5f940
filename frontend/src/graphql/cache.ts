import { cacheExchange, type Cache, type KeyingConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';

// Relay connections, edges and payloads have no id: graphcache stores them
// inside their parent instead of as entities.
const embedded = [
  'PageInfo',
  'LoginPayload',
  'CreateAPITokenPayload',
  ...['APIToken', 'Alert', 'Incident', 'Service', 'Team', 'TimelineEvent', 'User'].flatMap((t) => [
    `${t}Connection`,
    `${t}Edge`,
  ]),
];
const keys: KeyingConfig = Object.fromEntries(embedded.map((t) => [t, () => null]));

/** Drops every cached variant of a root list so the pages showing it refetch. */
function invalidateList(cache: Cache, fieldName: string) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldKey);
  }
}

const refetch = (...lists: string[]) => (_result: unknown, _args: unknown, cache: Cache) => {
  for (const list of lists) invalidateList(cache, list);
};

export const tocsinCache = () =>
  cacheExchange({
    keys,
    resolvers: {
      Query: {
        alerts: relayPagination(),
        incidents: relayPagination(),
      },
    },
    updates: {
      Mutation: {
        login: refetch('viewer'),
        acceptInvitation: refetch('viewer'),
        inviteUser: refetch('users'),
        createTeam: refetch('teams'),
        deleteTeam: refetch('teams'),
        updateTeam: refetch('users'),
        createService: refetch('services', 'teams'),
        updateService: refetch('teams'),
        deleteService: refetch('services', 'teams'),
        createAPIToken: refetch('apiTokens'),
      },
    },
  });
