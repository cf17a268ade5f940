import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { SERVICE_MATCHES, ServiceMultiSelect, type ServiceChoice } from './ServiceMultiSelect';
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

const many = Array.from({ length: 57 }, (_, i) => ({ id: `s${i}`, name: `Service ${String(i).padStart(2, '0')}` }));

describe('ServiceMultiSelect', () => {
  it('asks the server for the first matches and says how many more there are', async () => {
    const server = renderAt(<Harness />, {
      ServiceSearch: (v) => ({ data: { services: connection('Service', many.slice(0, v.first as number), { totalCount: many.length }) } }),
    });
    const list = await screen.findByRole('list', { name: 'Services' });
    await waitFor(() => expect(within(list).getAllByRole('checkbox')).toHaveLength(SERVICE_MATCHES));
    expect(screen.getByText(`Showing ${SERVICE_MATCHES} of 57; type to narrow.`)).toBeTruthy();
    expect(server.requests[0].variables).toEqual({ first: SERVICE_MATCHES });
  });

  it('waits for a pause in typing before searching', async () => {
    const server = renderAt(<Harness />, { ServiceSearch: () => ({ data: { services: connection('Service', []) } }) });
    await screen.findByText('No other services.');
    const box = screen.getByLabelText('Search services');
    for (const text of ['p', 'pa', 'pay']) fireEvent.change(box, { target: { value: text } });
    await screen.findByText('No other service matches “pay”.');
    const searched = server.requests.filter((r) => r.operationName === 'ServiceSearch').map((r) => (r.variables.where as { nameContainsFold?: string } | undefined)?.nameContainsFold);
    expect(searched).toEqual([undefined, 'pay']);
  });

  it('ticks and unticks, keeps picks as removable chips, and never offers the fixed ones', async () => {
    renderAt(<Harness fixed={[{ id: 's1', name: 'Checkout' }]} />, {
      ServiceSearch: () => ({ data: { services: connection('Service', [{ id: 's1', name: 'Checkout' }, { id: 's2', name: 'Gateway' }, { id: 's3', name: 'Search' }]) } }),
    });
    const gateway = await screen.findByRole('checkbox', { name: 'Gateway' });
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
