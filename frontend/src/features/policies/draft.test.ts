import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf, emptyDraft, fieldShown, moveStep, newStep, serverFieldErrors, toInput, withTarget } from './draft';

const rui = { kind: 'USER' as const, id: '7', name: 'Rui Responder' };
const primary = { kind: 'SCHEDULE' as const, id: '1', name: 'Platform primary' };

describe('policy draft', () => {
  it('orders an existing policy’s steps by position and sends it back whole', () => {
    const d = draftOf({
      name: 'Checkout',
      description: '',
      repeat: 1,
      steps: [
        { position: 1, delayMinutes: 10, keepPaging: true, targets: [rui] },
        { position: 0, delayMinutes: 5, keepPaging: false, targets: [primary] },
      ],
    });
    expect(toInput(d)).toEqual({
      name: 'Checkout',
      description: '',
      repeat: 1,
      steps: [
        { delayMinutes: 5, keepPaging: false, targets: [{ kind: 'SCHEDULE', id: '1' }] },
        { delayMinutes: 10, keepPaging: true, targets: [{ kind: 'USER', id: '7' }] },
      ],
    });
  });

  it('moves steps up and down within bounds and adds a target once', () => {
    const [a, b] = [newStep(), newStep()];
    expect(moveStep([a, b], 1, -1)).toEqual([b, a]);
    expect(moveStep([a, b], 0, -1)).toEqual([a, b]);
    expect(withTarget(withTarget(a, rui), rui).targets).toEqual([rui]);
  });

  it('names the fields the server would refuse, as the server names them', () => {
    const d = emptyDraft();
    d.steps = [{ ...newStep(), delayMinutes: '0' }, { ...newStep(), targets: [rui], delayMinutes: '' }];
    expect(checkDraft(d)).toEqual({
      name: 'Give the policy a name.',
      'steps[0].targets': 'Pick at least one person, schedule or team to notify.',
      'steps[0].delayMinutes': 'Wait between 1 and 1440 minutes (24 hours).',
    });
    // The last step's wait only matters when the policy repeats.
    d.repeat = '2';
    expect(checkDraft(d)['steps[1].delayMinutes']).toBeDefined();
    d.repeat = '12';
    expect(checkDraft(d).repeat).toBe('Repeat between 0 and 9 times.');
  });

  it('takes the server’s field and reason from a refusal', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('steps[1].delayMinutes: must be between 1 minute and 24 hours', { extensions: { code: 'BAD_USER_INPUT', field: 'steps[1].delayMinutes' } })],
    });
    expect(serverFieldErrors(error)).toEqual({ 'steps[1].delayMinutes': 'Must be between 1 minute and 24 hours.' });
    const d = emptyDraft();
    expect(fieldShown(d, 'steps[0].targets')).toBe(true);
    expect(fieldShown(d, 'steps[0].delayMinutes')).toBe(false);
    expect(fieldShown(d, 'id')).toBe(false);
  });
});
