import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { StatusPagesPage } from './StatusPagesPage';
import { orderedGroups } from './ComponentList';
import { slugProblem } from './StatusPageForm';
import { navSections } from '../shell/AppShell';
import { isServerPage } from '../auth/safeNext';
import { connection, renderAt, viewerOf } from '../../test/server';

type Role = 'ADMIN' | 'RESPONDER' | 'STAKEHOLDER';

const component = (id: string, name: string, groupName: string, position: number, service?: string) => ({
  __typename: 'StatusComponent',
  id,
  name,
  groupName,
  position,
  service: service ? { __typename: 'Service', id: `s-${service}`, name: service } : null,
});

const page = {
  __typename: 'StatusPage',
  id: 'p1',
  slug: '',
  title: 'Acme status',
  description: 'How Acme is doing',
  public: true,
  url: 'http://tocsin.test/status',
  components: [component('c3', 'Database', 'Infrastructure', 2, 'PostgreSQL'), component('c1', 'Website and API', 'Customer-facing', 0, 'API Gateway'), component('c2', 'Checkout', 'Customer-facing', 1, 'Checkout')],
};

const render = (role: Role, extra = {}) =>
  renderAt(
    <StatusPagesPage />,
    {
      Viewer: viewerOf(role),
      StatusPages: () => ({ data: { statusPages: [page] } }),
      StatusServiceChoices: () => ({ data: { services: connection('Service', [{ id: 's-api', name: 'API Gateway' }, { id: 's-db', name: 'PostgreSQL' }]) } }),
      ...extra,
    },
    '/status-pages',
  );

describe('StatusPagesPage', () => {
  it('lists pages with a link to the page and components in groups, in order', async () => {
    render('ADMIN');
    expect(await screen.findByRole('heading', { name: /Acme status/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'http://tocsin.test/status' }).getAttribute('href')).toBe('http://tocsin.test/status');
    const names = screen.getAllByTestId('status-component').map((li) => li.querySelector('.row-title')?.textContent);
    expect(names).toEqual(['Website and API', 'Checkout', 'Database']);
    expect(screen.getByRole('heading', { level: 4, name: 'Customer-facing' })).toBeTruthy();
    expect(screen.getByText('Service: PostgreSQL')).toBeTruthy();
  });

  it.each<[Role, boolean]>([
    ['ADMIN', true],
    ['RESPONDER', false],
    ['STAKEHOLDER', false],
  ])('%s sees controls only if they may use them', async (role, shown) => {
    render(role);
    await screen.findByRole('heading', { name: /Acme status/ });
    for (const name of ['Create status page', 'Add a component to Acme status', 'Edit Acme status', 'Delete Acme status', 'Edit Checkout', 'Remove Checkout']) {
      expect(Boolean(screen.queryByRole('button', { name }))).toBe(shown);
    }
  });

  it('refuses a bad slug before asking the server', async () => {
    const { requests } = render('ADMIN', { CreateStatusPage: () => ({ data: { createStatusPage: { ...page, id: 'p2' } } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Create status page' }));
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Cloud' } });
    fireEvent.change(screen.getByLabelText('Address: /status/…'), { target: { value: 'Cloud Status' } });
    fireEvent.submit(screen.getByLabelText('Title').closest('form')!);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'CreateStatusPage')).toBe(false);
    fireEvent.change(screen.getByLabelText('Address: /status/…'), { target: { value: 'cloud' } });
    fireEvent.submit(screen.getByLabelText('Title').closest('form')!);
    await waitFor(() => expect(requests.find((r) => r.operationName === 'CreateStatusPage')?.variables).toEqual({ input: { title: 'Cloud', slug: 'cloud', description: '', public: true } }));
  });

  it('adds a component with a service and a group after the last one', async () => {
    const { requests } = render('ADMIN', { AddStatusComponent: () => ({ data: { addStatusComponent: component('c9', 'Search', 'Customer-facing', 3, 'API Gateway') } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a component to Acme status' }));
    fireEvent.change(screen.getByLabelText('Name readers see'), { target: { value: 'Search' } });
    await screen.findByRole('option', { name: 'API Gateway' });
    fireEvent.change(screen.getByLabelText('Service'), { target: { value: 's-api' } });
    fireEvent.change(screen.getByLabelText('Group'), { target: { value: 'Customer-facing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add component' }));
    await waitFor(() =>
      expect(requests.find((r) => r.operationName === 'AddStatusComponent')?.variables).toEqual({
        input: { name: 'Search', groupName: 'Customer-facing', position: 3, pageID: 'p1', serviceID: 's-api' },
      }),
    );
  });

  it('shows the server error naming the field', async () => {
    render('ADMIN', {
      CreateStatusPage: () => ({ errors: [{ message: 'slug is already used by another status page', extensions: { code: 'BAD_USER_INPUT', field: 'slug' } as never }] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Create status page' }));
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Again' } });
    fireEvent.submit(screen.getByLabelText('Title').closest('form')!);
    expect(await screen.findByText(/slug is already used by another status page/i)).toBeTruthy();
  });

  it('asks before deleting a page', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const { requests } = render('ADMIN');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Acme status' }));
    expect(confirm).toHaveBeenCalled();
    expect(requests.some((r) => r.operationName === 'DeleteStatusPage')).toBe(false);
    vi.unstubAllGlobals();
  });
});

describe('status page rules in the browser', () => {
  it('orders components by position inside groups in order of first appearance', () => {
    const groups = orderedGroups([component('a', 'A', 'G2', 5), component('b', 'B', 'G1', 1), component('c', 'C', 'G2', 0)]);
    expect(groups.map((g) => `${g.name}:${g.components.map((c) => c.name).join(',')}`)).toEqual(['G2:C,A', 'G1:B']);
  });

  it.each([
    ['', undefined],
    ['acme-cloud', undefined],
    ['Acme', 'bad'],
    ['-x', 'bad'],
    ['a--b', 'bad'],
  ])('slug %j', (slug, want) => {
    expect(slugProblem(slug) ? 'bad' : undefined).toBe(want);
  });
});

describe('navigation', () => {
  it.each<[Role, boolean]>([
    ['ADMIN', true],
    ['RESPONDER', false],
    ['STAKEHOLDER', false],
  ])('%s sees the status pages entry: %s', (role, shown) => {
    expect(navSections(role).some((s) => s.to === '/status-pages')).toBe(shown);
  });
});

describe('signing in to an internal status page', () => {
  it.each([
    ['/status', true],
    ['/status/ops', true],
    ['/status?x=1', true],
    ['/status-pages', false],
    ['/alerts', false],
  ])('%s is served by the server: %s', (path, want) => {
    expect(isServerPage(path)).toBe(want);
  });
});
