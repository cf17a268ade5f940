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

  it('drops a parser position from the message', () => {
    expect(describeError(gqlError('input:2:3: login email is not valid', 'BAD_USER_INPUT'))).toBe('Email is not valid.');
  });

  it('asks to wait after too many attempts', () => {
    expect(describeError(gqlError('too many', 'RATE_LIMITED'))).toMatch(/Wait a few minutes/);
  });

  it('reads the code', () => {
    expect(errorCode(gqlError('x', 'FORBIDDEN'))).toBe('FORBIDDEN');
    expect(errorCode(gqlError('x'))).toBeUndefined();
  });
});
