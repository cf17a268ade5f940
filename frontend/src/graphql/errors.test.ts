import { describe, expect, it } from 'vitest';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describeError, errorCode } from './errors';

const gqlError = (message: string, code?: string) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: code ? { code } : {} })] });

describe('describeError', () => {
  it('explains a network failure without jargon', () => {
    const e = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(describeError(e)).toMatch(/could not be reached/);
  });

  it('keeps the server’s explanation of bad input, as a sentence', () => {
    expect(describeError(gqlError('email is already in use', 'BAD_USER_INPUT'))).toBe('Email is already in use.');
  });

  it('tells a forbidden user whom to ask', () => {
    expect(describeError(gqlError('forbidden', 'FORBIDDEN'))).toMatch(/permission.*administrator/);
  });

  it('says a missing item is gone', () => {
    expect(describeError(gqlError('team not found', 'NOT_FOUND'))).toMatch(/no longer exists/);
  });

  it('never shows the raw [GraphQL] prefix', () => {
    expect(describeError(gqlError('boom'))).not.toContain('[GraphQL]');
  });

  it('reads the code', () => {
    expect(errorCode(gqlError('x', 'FORBIDDEN'))).toBe('FORBIDDEN');
    expect(errorCode(gqlError('x'))).toBeUndefined();
  });
});
