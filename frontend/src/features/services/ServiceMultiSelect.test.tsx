import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import type { ServiceChoice } from './documents';
import { SERVICE_MATCHES, ServiceMultiSelect } from './ServiceMultiSelect';
import { connection, renderAt } from '../../test/server';

function Harness({ fixed = [] as ServiceChoice[] }) {
  const [value, setValue] = useState<ServiceChoice[]>([]);
  return (
    <>
      <ServiceMultiSelect label="Affected services" value={value} onChange={setValue} fixed={fixed} />
      <output data-testid="value">{value.map((s) => s.id).join(',')}</output>
    </>
  );
}

const withTeam = (services: { id: string; name: string }[]) => services.map((s) => ({ ...s, team: { __typename: 'Team', id: 't1', name: 'Platform' } }));
const many = withTeam(Array.from({ length: 57 }, (_, i) => ({ id: `s${i}`, name: `Service ${String(i).padStart(2, '0')}` })));

describe('ServiceMultiSelect', () => {
  it('asks the server for the first matches and says how many more there are', async () => {
    const server = renderAt(<Harness />, {
      ServiceChoices: (v) => ({ data: { services: connection('Service', many.slice(0, v.first as number), { totalCount: many.length }) } }),
    });
    const list = await screen.findByRole('list', { name: 'Services' });
    await waitFor(() => expect(within(list).getAllByRole('checkbox')).toHaveLength(SERVICE_MATCHES));
    expect(screen.getByText(`Showing ${SERVICE_MATCHES} of 57; type to narrow.`)).toBeTruthy();
    expect(server.requests[0].variables).toEqual({ first: SERVICE_MATCHES, search: null, exclude: null });
  });

  it('waits for a pause in typing before searching', async () => {
    const server = renderAt(<Harness />, { ServiceChoices: () => ({ data: { services: connection('Service', []) } }) });
    await screen.findByText('No other services.');
    const box = screen.getByLabelText('Search services');
    for (const text of ['p', 'pa', 'pay']) fireEvent.change(box, { target: { value: text } });
    await screen.findByText('No other service matches “pay”.');
    // The message shows from the input at once; the search it waits for
    // comes after the pause: one request for "pay", none for "p" or "pa".
    const searched = () => server.requests.filter((r) => r.operationName === 'ServiceChoices').map((r) => r.variables.search as string | null | undefined);
    await waitFor(() => expect(searched()).toEqual([null, 'pay']), { timeout: 5_000 });
  });

  it('ticks and unticks, keeps picks as removable chips, and never offers the fixed ones', async () => {
    const server = renderAt(<Harness fixed={[{ id: 's1', name: 'Checkout' }]} />, {
      ServiceChoices: (v) => ({
        data: { services: connection('Service', withTeam([{ id: 's1', name: 'Checkout' }, { id: 's2', name: 'Gateway' }, { id: 's3', name: 'Search' }]).filter((s) => !((v.exclude as string[] | null) ?? []).includes(s.id))) },
      }),
    });
    const gateway = await screen.findByRole('checkbox', { name: 'Gateway' });
    expect(server.requests[0].variables.exclude).toEqual(['s1']);
    expect(screen.queryByRole('checkbox', { name: 'Checkout' })).toBeNull();
    fireEvent.click(gateway);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Search' }));
    expect(screen.getByTestId('value').textContent).toBe('s2,s3');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Search' }));
    expect(screen.getByTestId('value').textContent).toBe('s2');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Gateway' }));
    expect(screen.getByTestId('value').textContent).toBe('');
    expect((screen.getByRole('checkbox', { name: 'Gateway' }) as HTMLInputElement).checked).toBe(false);
    // The fixed service is shown, and cannot be removed.
    const chosen = screen.getByRole('list', { name: /Chosen/ });
    expect(within(chosen).getByText('Checkout')).toBeTruthy();
    expect(within(chosen).queryByRole('button')).toBeNull();
  });
});
