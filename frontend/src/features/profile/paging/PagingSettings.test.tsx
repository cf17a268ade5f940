import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PagingSettings } from './PagingSettings';
import { renderAt } from '../../../test/server';

const method = (id: string, kind: string, name: string, verified: boolean, extra: Record<string, unknown> = {}) => ({
  __typename: 'ContactMethod',
  id,
  kind,
  name,
  maskedAddress: kind === 'EMAIL' ? 'r…@example.com' : '+49…',
  platform: kind === 'PUSH' ? 'ANDROID' : null,
  criticalAlerts: false,
  verifiedAt: verified ? '2026-11-23T22:00:00Z' : null,
  verificationExpiresAt: null,
  disabled: false,
  ...extra,
});

const settings = (methods: ReturnType<typeof method>[], rules: { id: string; urgency: string; delayMinutes: number; cm: ReturnType<typeof method> }[]) => () => ({
  data: {
    viewer: {
      __typename: 'User',
      id: 'u1',
      quietHoursStart: 1320,
      quietHoursEnd: 420,
      contactMethods: methods,
      notificationRules: rules.map((r) => ({
        __typename: 'NotificationRule',
        id: r.id,
        urgency: r.urgency,
        delayMinutes: r.delayMinutes,
        contactMethod: { __typename: 'ContactMethod', id: r.cm.id, kind: r.cm.kind, name: r.cm.name },
      })),
    },
  },
});

describe('PagingSettings', () => {
  it('reads the rules as sentences and lists devices apart from numbers', async () => {
    const pixel = method('p', 'PUSH', 'Pixel', true);
    const phone = method('s', 'SMS', 'Work phone', true);
    renderAt(<PagingSettings timeZone="Europe/Berlin" />, {
      PagingSettings: settings([phone, pixel], [
        { id: 'r2', urgency: 'HIGH', delayMinutes: 2, cm: phone },
        { id: 'r1', urgency: 'HIGH', delayMinutes: 0, cm: pixel },
      ]),
    });
    const high = await screen.findByTestId('rules-high');
    expect(within(high).getByTestId('rule-sentence').textContent).toBe('High urgency: push to Pixel at once, SMS to Work phone after 2 min');
    expect(within(screen.getByTestId('rules-low')).getByTestId('rule-sentence').textContent).toBe('Low urgency: you will not be notified. Add a rule below.');
    expect(within(screen.getByRole('list', { name: 'Your devices' })).getByText('Pixel')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Your contact methods' })).queryByText('Pixel')).toBeNull();
    expect(screen.getByTestId('quiet-sentence').textContent).toMatch(/between 22:00 and 07:00 the next day/);
  });

  it('adds an email address and sends its code at once', async () => {
    const { requests } = renderAt(<PagingSettings timeZone="UTC" />, {
      PagingSettings: settings([], []),
      CreateContactMethod: (v) => ({ data: { createContactMethod: method('e1', 'EMAIL', (v.input as { name: string }).name, false) } }),
      SendContactMethodVerification: () => ({ data: { sendContactMethodVerification: method('e1', 'EMAIL', 'Work mail', false, { verificationExpiresAt: '2026-11-23T22:10:00Z' }) } }),
    });
    await screen.findByText('No contact methods yet.');
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'EMAIL' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' Work mail ' } });
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'resp@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(requests.map((r) => r.operationName)).toContain('SendContactMethodVerification'));
    expect(requests.find((r) => r.operationName === 'CreateContactMethod')?.variables.input).toEqual({ kind: 'EMAIL', name: 'Work mail', address: 'resp@example.com' });
    expect(requests.find((r) => r.operationName === 'SendContactMethodVerification')?.variables).toEqual({ id: 'e1' });
  });

  it('shows the server’s reason when a number is refused, and sends no code', async () => {
    const { requests } = renderAt(<PagingSettings timeZone="UTC" />, {
      PagingSettings: settings([], []),
      CreateContactMethod: () => ({
        errors: [{ message: 'address: must be a phone number in international form with + and country code, e.g. +4915112345678', extensions: { code: 'BAD_USER_INPUT' } }],
      }),
    });
    await screen.findByText('No contact methods yet.');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Work phone' } });
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '0151 1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/international form with \+ and country code/);
    expect(requests.map((r) => r.operationName)).not.toContain('SendContactMethodVerification');
  });

  it('verifies a number with the code typed', async () => {
    let verified = false;
    const { requests } = renderAt(<PagingSettings timeZone="UTC" />, {
      PagingSettings: () => settings([method('s', 'SMS', 'Work phone', verified, { verificationExpiresAt: '2026-11-23T22:10:00Z' })], [])(),
      VerifyContactMethod: () => {
        verified = true;
        return { data: { verifyContactMethod: method('s', 'SMS', 'Work phone', true) } };
      },
    });
    expect(await screen.findByRole('button', { name: 'Send a new code' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Code sent to +49…'), { target: { value: ' 123456 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByText('✓ verified');
    expect(requests.find((r) => r.operationName === 'VerifyContactMethod')?.variables).toEqual({ id: 's', code: '123456' });
    expect(screen.queryByLabelText('Code sent to +49…')).toBeNull();
    expect(screen.getByRole('button', { name: 'Send a test to Work phone' })).toBeTruthy();
  });

  it('adds a rule on a verified method with the delay chosen', async () => {
    const phone = method('s', 'SMS', 'Work phone', true);
    const { requests } = renderAt(<PagingSettings timeZone="UTC" />, {
      PagingSettings: settings([phone, method('u', 'EMAIL', 'Unverified mail', false)], []),
      CreateNotificationRule: () => ({ data: { createNotificationRule: { __typename: 'NotificationRule', id: 'r9' } } }),
    });
    const select = await screen.findByLabelText('Notify me on');
    expect(within(select).queryByText(/Unverified mail/)).toBeNull();
    fireEvent.change(screen.getByLabelText('For'), { target: { value: 'LOW' } });
    fireEvent.change(screen.getByLabelText('When'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    await waitFor(() =>
      expect(requests.find((r) => r.operationName === 'CreateNotificationRule')?.variables.input).toEqual({ contactMethodID: 's', urgency: 'LOW', delayMinutes: 5 }),
    );
  });

  it('turns a method off, which is how one that was paged is retired', async () => {
    let disabled = false;
    const { requests } = renderAt(<PagingSettings timeZone="UTC" />, {
      PagingSettings: () => settings([method('s', 'SMS', 'Work phone', true, { disabled })], [])(),
      SetContactMethodDisabled: (v) => {
        disabled = v.disabled as boolean;
        return { data: { updateContactMethod: method('s', 'SMS', 'Work phone', true, { disabled }) } };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Turn off Work phone' }));
    await screen.findByRole('button', { name: 'Turn on Work phone' });
    expect(requests.find((r) => r.operationName === 'SetContactMethodDisabled')?.variables).toEqual({ id: 's', disabled: true });
    expect(screen.getByText('off')).toBeTruthy();
  });

  it('refuses quiet hours that start when they end before asking the server', async () => {
    const { requests } = renderAt(<PagingSettings timeZone="UTC" />, { PagingSettings: settings([], []) });
    fireEvent.change(await screen.findByLabelText('From'), { target: { value: '08:00' } });
    fireEvent.change(screen.getByLabelText('Until (next day if earlier)'), { target: { value: '08:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save quiet hours' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/must differ/);
    expect(requests.map((r) => r.operationName)).not.toContain('SetQuietHours');
  });
});
