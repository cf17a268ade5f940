import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProfilePage } from '../ProfilePage';
import { renderAt, viewerOf } from '../../../test/server';

const phone = {
  __typename: 'ContactMethod',
  id: 'd1',
  kind: 'PUSH',
  name: "Sam's iPhone",
  maskedAddress: 'eX3…',
  platform: 'IOS',
  criticalAlerts: false,
  verifiedAt: '2026-11-23T22:00:00Z',
  verificationExpiresAt: null,
  disabled: false,
};

afterEach(() => vi.unstubAllGlobals());

describe('a stakeholder’s devices on the profile', () => {
  it('lists their phone, which they may only remove, and nothing that pages people', async () => {
    let devices = [phone];
    const { requests } = renderAt(<ProfilePage />, {
      Viewer: viewerOf('STAKEHOLDER'),
      Devices: () => ({ data: { viewer: { __typename: 'User', id: 'u-STAKEHOLDER', contactMethods: devices } } }),
      DeleteContactMethod: (v) => {
        devices = [];
        return { data: { deleteContactMethod: v.id } };
      },
    });
    const list = await screen.findByRole('list', { name: 'Your devices' });
    expect(within(list).getByText("Sam's iPhone")).toBeTruthy();
    expect(screen.getByText(/quiet push when an incident you follow/)).toBeTruthy();
    for (const paging of ["Turn off Sam's iPhone", "Send a test to Sam's iPhone"]) {
      expect(screen.queryByRole('button', { name: paging })).toBeNull();
    }
    expect(screen.queryByRole('heading', { name: 'Contact methods' })).toBeNull();
    expect(requests.map((r) => r.operationName)).not.toContain('PagingSettings');

    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(screen.getByRole('button', { name: "Remove Sam's iPhone" }));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'DeleteContactMethod')?.variables).toEqual({ id: 'd1' }));
    expect(confirm).toHaveBeenCalledWith("Remove “Sam's iPhone”?");
    await screen.findByText('No devices yet.');
  });
});
