import { describe, expect, it } from 'vitest';
import { cadenceWords, DEFAULT_SEVERITY, initialSeverity, severityOption } from './severityChoice';

describe('initialSeverity', () => {
  it.each([
    [[], 'SEV3'],
    [['P3'], 'SEV3'],
    [['P4', 'P2', 'P3'], 'SEV2'],
    [['P5'], 'SEV4'],
    [['P4', 'P5'], 'SEV4'],
    [['P2', 'P1'], 'SEV1'],
  ] as const)('alerts of priorities %j start at %s', (priorities, want) => {
    expect(initialSeverity(priorities)).toBe(want);
  });

  it('declares from scratch at the API’s default', () => {
    expect(DEFAULT_SEVERITY).toBe('SEV3');
  });
});

describe('severityOption', () => {
  it('puts the level before what it means', () => {
    expect(severityOption('SEV1', { level: 'SEV1', description: 'Critical: a core service is down.', updateCadenceMinutes: 30 })).toBe(
      'SEV1 — Critical: a core service is down.',
    );
  });

  it('is the bare level before the levels load or without a description', () => {
    expect(severityOption('SEV2')).toBe('SEV2');
    expect(severityOption('SEV2', { level: 'SEV2', description: '  ', updateCadenceMinutes: 60 })).toBe('SEV2');
  });
});

describe('cadenceWords', () => {
  it('says how often stakeholders are owed an update, or that nothing is due', () => {
    expect(cadenceWords({ level: 'SEV1', description: '', updateCadenceMinutes: 30 })).toBe('Stakeholders are owed an update every 30 min.');
    expect(cadenceWords({ level: 'SEV3', description: '', updateCadenceMinutes: 120 })).toBe('Stakeholders are owed an update every 2 h.');
    expect(cadenceWords({ level: 'SEV4', description: '', updateCadenceMinutes: 0 })).toBe('No stakeholder updates are due on a schedule at this severity.');
    expect(cadenceWords(undefined)).toBe('');
  });
});
