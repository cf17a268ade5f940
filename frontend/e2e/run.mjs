// Browser end-to-end checks of the SPA against a running Tocsin (seeded with
// `tocsin seed --demo`). It does not start the server: `make e2e` does.
//
//   TOCSIN_E2E_URL   where Tocsin runs (default http://127.0.0.1:8080)
//   CHROMIUM_PATH    the browser (default /usr/bin/chromium, Debian's package)
//   TOCSIN_E2E_MAILPIT_URL  mailpit's API (scripts/e2e.sh sets it); without it
//                    the mail checks are skipped with a note, unless
//   TOCSIN_E2E_REQUIRE_MAILPIT=1 (make test), which makes that a failure
//
// Prints one line per check and a last line "N passed, N failed"; exits 1 on
// any failure. Screenshots of failures go to test-results/.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.TOCSIN_E2E_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
// Screenshots go to test-results/screenshots, so a test run leaves the tree
// clean; `make screenshots` sets TOCSIN_E2E_SCREENSHOTS=docs/screenshots to
// refresh the committed ones.
const SCREENSHOTS = process.env.TOCSIN_E2E_SCREENSHOTS
  ? join(here, '..', '..', process.env.TOCSIN_E2E_SCREENSHOTS)
  : join(here, '..', 'test-results', 'screenshots');
const FAILURES = join(here, '..', 'test-results');
const PASSWORD = 'tocsin-demo';
const users = {
  admin: { email: 'admin@tocsin.local', name: 'Ada Admin' },
  responder: { email: 'responder@tocsin.local', name: 'Rui Responder' },
  stakeholder: { email: 'stakeholder@tocsin.local', name: 'Sam Stakeholder' },
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let passed = 0;
let failed = 0;
// Cookies of each demo user's session, saved by the sign-in checks so later
// checks start signed in: the server limits sign-ins per client address.
const sessions = {};

/** Runs one check in a fresh browser context (no cookies), with a 60 s limit unless it needs longer. */
async function check(name, fn, contextOptions = {}, limitMs = 60_000) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  // Only the server under test may be reached.
  await context.route(/.*/, (route) => (route.request().url().startsWith(BASE) ? route.continue() : route.abort()));
  try {
    await Promise.race([
      fn(page),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`check took longer than ${limitMs / 1000} s`)), limitMs)),
    ]);
    passed++;
    console.log(`ok    ${name}`);
  } catch (err) {
    failed++;
    console.log(`FAIL  ${name}\n      ${String(err?.message ?? err).split('\n').slice(0, 6).join('\n      ')}`);
    for (const p of problems.slice(0, 5)) console.log(`      ${p}`);
    mkdirSync(FAILURES, { recursive: true });
    await page
      .screenshot({ path: join(FAILURES, name.replace(/[^a-z0-9]+/gi, '-') + '.png'), fullPage: true })
      .catch(() => {});
  } finally {
    await context.close();
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function signIn(page, who) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('viewer-name').filter({ hasText: who.name }).waitFor();
}

/** Waits until the page's list has loaded (its rows or its empty state). */
async function listLoaded(page, testId) {
  await page.locator(`[data-testid="${testId}"], .empty`).first().waitFor();
}

for (const [role, who] of Object.entries(users)) {
  await check(`${role} signs in and sees their name in the shell`, async (page) => {
    await signIn(page, who);
    const shown = await page.getByTestId('viewer-name').innerText();
    expect(shown.includes(who.name), `shell shows "${shown}", expected ${who.name}`);
    const start = role === 'stakeholder' ? '/home' : '/alerts';
    await page.waitForURL((u) => u.pathname === start);
    expect(page.url().endsWith(start), `landed on ${page.url()}, expected ${start}`);
    sessions[role] = await page.context().storageState();
  });
}

/** Opens the app as an already signed-in demo user (or signs in if that failed earlier). */
async function openAs(page, role, path = '/alerts') {
  await page.goto(`${BASE}${path}`);
  if (new URL(page.url()).pathname === '/login' || !sessions[role]) {
    await page.getByLabel('Email').waitFor();
    await signIn(page, users[role]);
    await page.goto(`${BASE}${path}`);
  }
  await page.getByTestId('viewer-name').filter({ hasText: users[role].name }).waitFor();
}

const as = (role) => (sessions[role] ? { storageState: sessions[role] } : {});

await check('a wrong password shows a clear error and stays on the login page', async (page) => {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Email').fill(users.admin.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.innerText();
  expect(/don’t match an account/.test(text), `error reads "${text}"`);
  expect(new URL(page.url()).pathname === '/login', `moved to ${page.url()}`);
});

await check('admin sees the seeded alerts, newest first, and a screenshot is saved', async (page) => {
  await openAs(page, 'admin');
  await page.goto(`${BASE}/alerts?status=all`);
  await listLoaded(page, 'alert-row');
  const rows = page.getByTestId('alert-row');
  const count = await rows.count();
  expect(count >= 4, `expected the 4 seeded alerts under All, saw ${count}`);
  const first = await rows.first().innerText();
  expect(first.includes('5xx rate above 5% on api-gateway'), `newest alert first, but the first row reads: ${first}`);
  expect(/Open/.test(first) && /P1/.test(first) && /API Gateway/.test(first), `first row lacks status/priority/service: ${first}`);
  // The default filter (active) hides the closed one.
  await page.getByRole('link', { name: 'Active' }).click();
  await page.waitForURL((u) => !u.search.includes('status='));
  await page.getByText('Disk usage above 80% on pg-primary').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="alert-row"]').length === 3);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SCREENSHOTS, 'alerts.png') });
}, as('admin'));

await check('alerts work at 360 px wide with nothing cut off', async (page) => {
  await openAs(page, 'responder');
  await listLoaded(page, 'alert-row');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `page is ${overflow}px wider than the 360 px screen`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main button, main a.chip, main input, main select')]
      // Folded-away controls (display: none) are not targets until shown.
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().height < 44)
      .map((el) => el.textContent || el.getAttribute('aria-label') || el.tagName),
  );
  expect(small.length === 0, `touch targets under 44 px: ${small.join(', ')}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'alerts-mobile.png') });
  // The filters fold behind one button on a phone; opened, they fit too.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('Service').waitFor();
  const smallFilters = await page.evaluate(() =>
    [...document.querySelectorAll('.filter-grid button, .filter-grid input, .filter-grid select')]
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map((el) => el.textContent || el.tagName),
  );
  expect(smallFilters.length === 0, `filter targets under 44 px: ${smallFilters.join(', ')}`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide <= 0, `with filters open the page is ${wide}px too wide`);
}, { ...as('responder'), viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

await check('admin invites a user through the form and sees them in the list', async (page) => {
  await openAs(page, 'admin');
  await page.getByRole('link', { name: 'Users' }).click();
  await listLoaded(page, 'user-row');
  const email = `e2e-${Date.now()}@example.test`;
  await page.getByRole('button', { name: 'Invite user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite user' });
  await dialog.getByLabel('Name').fill('Eve Example');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel(/Stakeholder/).check();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` }).waitFor();
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await row.waitFor();
  expect((await row.innerText()).includes('Eve Example'), 'the new user row lacks their name');
}, as('admin'));

await check('stakeholder sees no Invite, Create or Edit on users, teams and services', async (page) => {
  await openAs(page, 'stakeholder');
  for (const [path, rowId] of [
    ['/users', 'user-row'],
    ['/teams', 'team-row'],
    ['/services', 'service-row'],
  ]) {
    await page.goto(`${BASE}${path}`);
    await listLoaded(page, rowId);
    const rows = await page.getByTestId(rowId).count();
    expect(rows > 0, `${path} shows no seeded rows`);
    const buttons = await page.getByRole('button', { name: /invite|create|edit|add|remove|delete/i }).allInnerTexts();
    expect(buttons.length === 0, `${path} offers a stakeholder: ${buttons.join(', ')}`);
    expect((await page.locator('main select').count()) === 0, `${path} offers a stakeholder a select`);
  }
  await page.goto(`${BASE}/profile`);
  await page.getByRole('heading', { name: 'Your details' }).waitFor();
  expect((await page.getByRole('heading', { name: 'API tokens' }).count()) === 0, 'stakeholder is offered API tokens');
}, as('stakeholder'));

await check('every page loads for admin without an error', async (page) => {
  await openAs(page, 'admin');
  for (const [link, heading, ready] of [
    ['Incidents', 'Incidents', '[data-testid="incident-row"], .empty'],
    ['Services', 'Services', '[data-testid="service-row"], .empty'],
    ['Schedules', 'Schedules', '[data-testid="schedule-row"], .empty'],
    ['Escalation', 'Escalation policies', '[data-testid="policy-row"], .empty'],
    ['Heartbeats', 'Heartbeats', '[data-testid="heartbeat-row"], .empty'],
    ['Teams', 'Teams', '[data-testid="team-row"], .empty'],
    ['Users', 'Users', '[data-testid="user-row"], .empty'],
    ['Profile', 'Profile', '[data-testid="token-row"], .empty'],
    ['Alerts', 'Alerts', '[data-testid="alert-row"], .empty'],
  ]) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${heading}`) }).waitFor();
    await page.locator(`${ready}, .notice-error`).first().waitFor();
    const errors = await page.locator('.notice-error').allInnerTexts();
    expect(errors.length === 0, `${link} shows: ${errors.join(' | ')}`);
  }
  // The edit dialog of a team loads every member.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
  await page.getByRole('button', { name: 'Edit Platform' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Platform' });
  await dialog.getByRole('button', { name: 'Remove Rui Responder from Platform' }).waitFor();
  expect((await dialog.locator('.notice-error').count()) === 0, 'team dialog shows an error');
}, as('admin'));

await check('an unknown client route still renders the app after a reload', async (page) => {
  await openAs(page, 'admin');
  await page.goto(`${BASE}/no/such/page?x=1`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await page.getByTestId('viewer-name').waitFor();
  await page.goto(`${BASE}/teams`);
  await page.reload();
  await listLoaded(page, 'team-row');
}, as('admin'));

await check('a signed-out visitor to a deep link is sent to sign in, then back', async (page) => {
  await page.goto(`${BASE}/incidents?status=all`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('Email').fill(users.responder.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/incidents');
  await page.getByText('Elevated API errors after deploy').waitFor();
});

await check('responder creates an API token, sees its secret once, and revokes it', async (page) => {
  await openAs(page, 'responder');
  await page.getByRole('link', { name: 'Profile' }).first().click();
  const name = `e2e token ${Date.now()}`;
  await page.getByLabel('Token name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = await page.getByTestId('token-secret').innerText();
  expect(secret.length >= 16, `secret looks wrong: "${secret}"`);
  const row = page.getByTestId('token-row').filter({ hasText: name });
  await row.waitFor();
  page.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await row.getByText('revoked').waitFor();
}, as('responder'));

await check('keys: ? shows the shortcuts, / focuses search, j moves through the list', async (page) => {
  await openAs(page, 'responder');
  await listLoaded(page, 'alert-row');
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });
  await page.keyboard.press('j');
  expect(await page.evaluate(() => document.activeElement?.dataset.testid === 'alert-row'), 'j did not focus the first alert');
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search')), '/ did not focus the search box');
}, as('responder'));

/** Calls the GraphQL API as the page's signed-in user (cookie plus the CSRF header, as the SPA does). */
async function gql(page, query, variables = {}) {
  const cookies = await page.context().cookies(BASE);
  const csrf = cookies.find((c) => c.name === 'tocsin_csrf')?.value ?? '';
  const res = await page.request.post(`${BASE}/graphql`, { headers: { 'X-CSRF-Token': csrf }, data: { query, variables } });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

/** The id of a seeded service by name. */
async function serviceID(page, name) {
  const data = await gql(page, 'query { services(first: 50) { edges { node { id name } } } }');
  const found = data.services.edges.find((e) => e.node.name === name);
  expect(found, `no service named ${name}`);
  return found.node.id;
}

// Notes for the final report, e.g. a backend door that is not there yet.
const notes = [];

await check('responder acknowledges an alert on its page, adds a note and sees both on the timeline', async (page) => {
  await openAs(page, 'responder');
  await listLoaded(page, 'alert-row');
  await page.getByRole('link', { name: '5xx rate above 5% on api-gateway' }).click();
  await page.waitForURL(/\/alerts\/\d+$/);
  const detail = page.getByTestId('alert-detail');
  await detail.getByRole('heading', { level: 1, name: '5xx rate above 5% on api-gateway' }).waitFor();
  const facts = await detail.locator('.facts').innerText();
  expect(/since/i.test(facts) && /nobody yet/i.test(facts), `above the fold lacks since/who: ${facts}`);
  const ack = detail.getByRole('button', { name: /^Acknowledge/ });
  expect((await ack.getAttribute('class')).includes('button-primary'), 'Acknowledge is not the primary action of an open alert');
  await ack.click();
  const timeline = page.getByTestId('timeline');
  await timeline.getByText('Rui Responder acknowledged').waitFor();
  await detail.getByText('Acknowledged by Rui Responder').waitFor();
  expect((await detail.getByRole('button', { name: /^Close/ }).getAttribute('class')).includes('button-primary'), 'Close is not primary once acknowledged');
  await detail.getByRole('button', { name: 'Add note' }).click();
  await page.getByLabel('Note', { exact: true }).fill('Rolling back the 14:05 deploy');
  await page.getByRole('form', { name: 'Add a note' }).getByRole('button', { name: 'Add note' }).click();
  await timeline.getByText('“Rolling back the 14:05 deploy”').waitFor();
  // Survives a reload: it came from the server, not from local state.
  await page.reload();
  await page.getByTestId('timeline').getByText('Rui Responder acknowledged').waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SCREENSHOTS, 'alert-detail.png') });
}, as('responder'));

await check('the alert page works at 360 px: nothing cut off, big touch targets', async (page) => {
  await openAs(page, 'responder', '/alerts?status=all');
  await listLoaded(page, 'alert-row');
  await page.getByRole('link', { name: 'Replication lag above 30 s on pg-replica-2' }).click();
  await page.getByTestId('timeline').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `page is ${overflow}px wider than the 360 px screen`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main button, main input, main select')]
      // Folded-away controls (display: none) are not targets until shown.
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().height < 44)
      .map((el) => el.textContent || el.getAttribute('aria-label') || el.tagName),
  );
  expect(small.length === 0, `touch targets under 44 px: ${small.join(', ')}`);
  const primary = await page.getByRole('button', { name: /^Close/ }).first().boundingBox();
  expect(primary && primary.y + primary.height < 740, 'the primary action is below the fold on a phone');
}, { ...as('responder'), viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

await check('responder bulk-closes alerts from the filtered list with a note', async (page) => {
  await openAs(page, 'responder');
  const stamp = `e2e-bulk-${Date.now()}`;
  const checkout = await serviceID(page, 'Checkout');
  for (const n of [1, 2]) {
    await gql(page, 'mutation($input: CreateAlertInput!) { createAlert(input: $input) { alert { id } } }', {
      input: { serviceID: checkout, message: `${stamp} queue ${n} stuck`, priority: 'P4', tags: ['e2e'] },
    });
  }
  await page.goto(`${BASE}/alerts?q=${stamp}&service=${checkout}&priority=P4`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="alert-row"]').length === 2);
  await page.getByLabel('Select every open or acknowledged alert shown').check();
  const bar = page.getByRole('region', { name: 'Act on selected alerts' });
  await bar.getByPlaceholder(/Note/).fill('duplicates of one stuck consumer');
  await bar.getByRole('button', { name: 'Close 2' }).click();
  await page.locator('.notice-success').filter({ hasText: 'Closed 2 alerts.' }).waitFor();
  await page.getByText('No alerts match these filters.').waitFor();
  // The filters are in the URL: switching to Closed keeps them.
  await page.getByRole('link', { name: 'Closed' }).click();
  await page.waitForURL(/status=closed/);
  expect(page.url().includes(`q=${stamp}`) && page.url().includes('priority=P4'), `filters lost: ${page.url()}`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="alert-row"][data-status="CLOSED"]').length === 2);
  await page.getByRole('link', { name: `${stamp} queue 1 stuck` }).click();
  await page.getByTestId('timeline').getByText('Rui Responder closed the alert').waitFor();
  await page.getByText('“duplicates of one stuck consumer”').waitFor();
}, as('responder'));

await check('admin adds an Opsgenie integration, sees the key once, copies the URL and sends a test alert', async (page) => {
  await openAs(page, 'admin', '/services');
  await listLoaded(page, 'service-row');
  await page.getByRole('link', { name: 'API Gateway' }).click();
  await page.getByRole('heading', { level: 1, name: 'API Gateway' }).waitFor();
  const name = `Prometheus via Opsgenie ${Date.now() % 100000}`;
  await page.getByRole('button', { name: 'Add integration' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add integration' });
  await dialog.getByLabel(/Opsgenie API/).check();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create integration' }).click();
  const key = (await dialog.getByTestId('integration-key').innerText()).trim();
  expect(key.length >= 16, `key looks wrong: "${key}"`);
  await dialog.getByText('shown only once', { exact: false }).waitFor();
  const url = (await dialog.getByTestId('integration-url').innerText()).trim();
  expect(url.endsWith('/v2/alerts'), `URL is ${url}`);
  await dialog.getByRole('button', { name: 'Copy URL' }).click();
  await dialog.getByRole('button', { name: 'Copy URL' }).getByText('Copied').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied === url, `clipboard holds "${copied}", expected ${url}`);
  const curl = await dialog.locator('.snippet pre').first().innerText();
  expect(curl.includes(`GenieKey ${key}`), 'the curl snippet lacks the real key');

  // What a monitoring tool would do with that key.
  const message = `e2e test alert through the Opsgenie door ${Date.now()}`;
  const res = await page.request.post(`${BASE}/v2/alerts`, {
    headers: { Authorization: `GenieKey ${key}` },
    data: { message, alias: `e2e-${Date.now()}`, priority: 'P5', tags: ['e2e'] },
  });
  let expected = message;
  if (res.ok()) {
    expect(res.status() === 202 || res.status() === 200, `/v2/alerts answered ${res.status()}`);
  } else {
    // The Opsgenie door is not served yet: raise the test alert with createAlert instead.
    notes.push(`POST /v2/alerts answered ${res.status()} (${(await res.text()).slice(0, 120)}); fell back to createAlert`);
    await dialog.getByRole('button', { name: 'I have saved the key' }).click();
    await page.getByRole('button', { name: 'Raise a test alert' }).click();
    await page.getByTestId('test-alert-result').waitFor();
    expected = 'Test alert for API Gateway';
  }
  if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'I have saved the key' }).click();
  const card = page.getByTestId('integration-card').filter({ hasText: name });
  await card.waitFor();
  expect((await card.innerText()).includes(`${key.slice(0, 8)}…`), 'the card does not show the key prefix');
  await page.reload();
  await page.getByTestId('integration-card').filter({ hasText: name }).waitFor();
  expect(!(await page.content()).includes(key), 'the key is still on the page after it was shown');

  // A heartbeat and a planned window, so the page shows every part.
  await page.getByRole('button', { name: 'Add heartbeat' }).click();
  const hb = page.getByRole('dialog', { name: 'Add heartbeat' });
  const hbName = `gateway-canary-${Date.now() % 100000}`;
  await hb.getByLabel('Name').fill(hbName);
  await hb.getByLabel('Expect a ping every').fill('5');
  await hb.getByLabel('Unit').selectOption({ label: 'minutes' });
  await hb.getByRole('button', { name: 'Create heartbeat' }).click();
  await hb.waitFor({ state: 'hidden' });
  await page.getByTestId('heartbeat-row').filter({ hasText: hbName }).getByText('Waiting for first ping').waitFor();
  const gateway = new URL(page.url()).pathname.split('/').pop();
  const tomorrow = Date.now() + 24 * 3600_000;
  await gql(page, 'mutation($input: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { id } }', {
    input: { serviceID: gateway, startsAt: new Date(tomorrow).toISOString(), endsAt: new Date(tomorrow + 2 * 3600_000).toISOString(), reason: 'TLS certificate rotation' },
  });
  await page.reload();

  // The screenshot: the new door with its configurations open.
  const fresh = page.getByTestId('integration-card').filter({ hasText: name });
  await fresh.getByRole('button', { name: /Configuration for senders/ }).click();
  await fresh.getByRole('tab', { name: 'Alertmanager' }).click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SCREENSHOTS, 'service-integrations.png'), fullPage: true });

  await page.goto(`${BASE}/alerts?status=all&q=${encodeURIComponent(expected)}`);
  await page.getByTestId('alert-row').filter({ hasText: expected }).first().waitFor({ timeout: 15_000 });
}, { ...as('admin'), permissions: ['clipboard-read', 'clipboard-write'] });

await check('responder schedules a maintenance window on a service and ends it', async (page) => {
  await openAs(page, 'responder', '/services');
  await listLoaded(page, 'service-row');
  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
  expect((await page.getByRole('button', { name: 'Add integration' }).count()) === 0, 'a responder is offered Add integration');
  const reason = `e2e database upgrade ${Date.now()}`;
  await page.getByRole('button', { name: 'Schedule maintenance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule maintenance' });
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.getByTestId('maintenance-row').filter({ hasText: reason });
  await row.getByText('Active').waitFor();
  page.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'End now' }).click();
  await row.getByText('Ended').waitFor();
}, as('responder'));

await check('stakeholder sees a service page without any action button', async (page) => {
  await openAs(page, 'stakeholder', '/services');
  await listLoaded(page, 'service-row');
  await page.getByRole('link', { name: 'API Gateway' }).click();
  await page.getByRole('heading', { level: 1, name: 'API Gateway' }).waitFor();
  await page.getByRole('heading', { name: 'Integrations' }).waitFor();
  await page.getByTestId('integration-card').first().waitFor();
  await page.getByTestId('subscribe-button').waitFor();
  const buttons = await page.locator('main button').allInnerTexts();
  expect(buttons.join() === 'Subscribe', `a stakeholder is offered more than Subscribe: ${buttons.join(', ')}`);
  expect((await page.locator('main input, main select, main textarea').count()) === 0, 'a stakeholder is offered a form field');
  expect(!(await page.content()).includes('GenieKey'), 'a stakeholder sees configuration snippets');
  await page.goto(`${BASE}/heartbeats`);
  await page.getByRole('heading', { level: 1, name: /^Heartbeats/ }).waitFor();
}, as('stakeholder'));

await check('stakeholder subscribes to a service, finds it under My subscriptions, and is offered nothing that would fail', async (page) => {
  await openAs(page, 'stakeholder', '/services');
  await listLoaded(page, 'service-row');
  await page.getByRole('link', { name: 'Checkout' }).first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  const service = await page.getByRole('heading', { level: 1 }).innerText();
  await page.getByRole('button', { name: `Subscribe to ${service}` }).click();
  await page.getByRole('button', { name: `Unsubscribe from ${service}` }).waitFor();
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  const mine = page.getByTestId('my-subscriptions');
  await mine.getByRole('link', { name: service }).waitFor();
  await page.getByTestId('live-incidents').waitFor();
  const buttons = await page.locator('main button').allInnerTexts();
  expect(buttons.every((b) => b === 'Unsubscribe'), `the stakeholder home offers: ${buttons.join(', ')}`);
  // Preferences are theirs to change too, and saving works.
  await page.goto(`${BASE}/profile#notifications`);
  await page.getByLabel('One email per day').check();
  await page.getByRole('button', { name: 'Save notifications' }).click();
  await page.getByTestId('notification-preferences').getByText('Saved.').waitFor();
  // Leave the demo as it was: unsubscribe from the home page.
  await page.goto(`${BASE}/home`);
  await page.getByTestId('my-subscriptions').getByRole('button', { name: 'Unsubscribe' }).first().click();
  await page.getByText('You follow nothing yet').waitFor();
}, as('stakeholder'));

/** A datetime-local value for instant `d` on the wall clock of `timeZone`. */
function localInput(d, timeZone) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

await check('responder creates a rotation, sees who is on call on the timeline, overrides it and sees it change', async (page) => {
  const zone = 'Europe/Berlin';
  const name = `E2E rotation ${Date.now()}`;
  await openAs(page, 'responder', '/schedules');
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await page.getByLabel('Schedule name').fill(name);
  await page.getByLabel('Team').selectOption({ label: 'Platform' });
  await page.getByLabel('Time zone (handoffs follow its clock)').selectOption(zone);
  await page.getByRole('dialog').getByRole('button', { name: 'Create schedule' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByText('this schedule has no rotation yet').waitFor();

  // Turns of 7 days from three days ago: Rui holds the turn in effect now.
  await page.getByRole('button', { name: 'Add rotation' }).click();
  await page.getByLabel('Rotation name').fill('Primary');
  await page.getByRole('checkbox', { name: 'Rui Responder' }).check();
  await page.getByRole('checkbox', { name: 'Ada Admin' }).check();
  await page.getByLabel('Each turn lasts').fill('7');
  await page.getByLabel('Unit').selectOption('DAYS');
  await page.getByLabel(/First turn in effect from/).fill(localInput(new Date(Date.now() - 3 * 86400_000), zone).slice(0, 10) + 'T09:00');
  await page.getByRole('dialog').getByRole('button', { name: 'Add rotation' }).click();
  const final = page.getByTestId('final-row');
  const ruiBar = final.getByTestId('shift-bar').filter({ hasText: 'Rui Responder' });
  await ruiBar.first().waitFor();
  await page.getByTestId('oncall-now').filter({ hasText: 'Rui Responder' }).waitFor();
  expect((await page.getByTestId('layer-row').count()) === 1, 'want one layer row under the final schedule');

  // Override from the view: pick Rui's shift, put Ada on call for three hours around now.
  await ruiBar.first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Override the schedule' }).waitFor();
  await dialog.getByLabel('Who goes on call').selectOption({ label: 'Ada Admin' });
  await dialog.getByLabel(/^From/).fill(localInput(new Date(Date.now() - 3600_000), zone));
  await dialog.getByLabel('Until').fill(localInput(new Date(Date.now() + 2 * 3600_000), zone));
  await dialog.getByRole('button', { name: 'Add override' }).click();
  await page.getByTestId('oncall-now').filter({ hasText: 'Ada Admin' }).waitFor();
  await final.getByTestId('shift-bar').filter({ hasText: 'Ada Admin' }).first().waitFor();
  await page.getByTestId('override-row').getByTestId('shift-bar').filter({ hasText: 'Ada Admin (for Rui Responder)' }).waitFor();
  const nowText = await page.getByTestId('oncall-now').innerText();
  expect(nowText.trim() === 'Ada Admin', `on call now shows "${nowText}", expected Ada Admin alone`);

  // The day view shows the override; the screenshot keeps the whole page.
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.waitForURL(/view=day/);
  await final.getByTestId('shift-bar').filter({ hasText: 'Ada Admin' }).first().waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'schedule-timeline.png'), fullPage: true });

  // A cover request is announced on the timeline itself (and by email).
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await page.waitForURL((u) => !u.search.includes('view=day'));
  await page.getByRole('button', { name: 'Ask for cover' }).first().click();
  const ask = page.getByRole('dialog', { name: 'Ask for cover' });
  // From within the hour, so the bar is in the week shown whatever the day
  // (the form's default, tomorrow, is next week on a Sunday).
  await ask.getByLabel(/^From/).fill(localInput(new Date(Date.now() + 3600_000), zone));
  await ask.getByLabel('Until').fill(localInput(new Date(Date.now() + 3 * 3600_000), zone));
  await ask.getByRole('button', { name: 'Ask for cover' }).click();
  await page.getByRole('list', { name: 'Cover requests' }).getByRole('listitem').first().waitFor();
  await page.getByTestId('cover-row').getByTestId('shift-bar').filter({ hasText: 'needs cover' }).first().waitFor();

  // The home page says who is on call now.
  await page.goto(`${BASE}/alerts`);
  await page.getByTestId('oncall-panel').getByText(name).waitFor();
}, as('responder'));

await check('stakeholder reads a schedule timeline and is offered nothing to change', async (page) => {
  await openAs(page, 'stakeholder', '/schedules');
  await page.getByRole('link', { name: 'Platform primary' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Platform primary' }).waitFor();
  await page.getByTestId('final-row').getByTestId('shift-bar').first().waitFor();
  const buttons = await page.locator('main button').allInnerTexts();
  const changes = buttons.filter((b) => /add|remove|cover|withdraw|calendar/i.test(b));
  expect(changes.length === 0, `a stakeholder is offered: ${changes.join(', ')}`);
  expect((await page.getByTestId('final-row').locator('button').count()) === 0, 'shift bars are buttons for a stakeholder');
}, as('stakeholder'));

const MAILPIT = process.env.TOCSIN_E2E_MAILPIT_URL?.replace(/\/$/, '');
// make test sets TOCSIN_E2E_REQUIRE_MAILPIT=1: there, skipping the mail checks is a failure.
if (!MAILPIT && process.env.TOCSIN_E2E_REQUIRE_MAILPIT === '1') {
  failed++;
  console.log('FAIL  the mail checks need mailpit: TOCSIN_E2E_REQUIRE_MAILPIT=1 but TOCSIN_E2E_MAILPIT_URL is unset');
}

/** Waits for the newest mail to `to` in mailpit and returns its subject. */
async function mailSubject(to, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await fetch(`${MAILPIT}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}`);
    const found = res.ok ? await res.json() : { messages: [] };
    if (found.messages?.length) return found.messages[0].Subject;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} arrived in mailpit within ${timeoutMs / 1000} s`);
}

if (!MAILPIT) {
  notes.push('no mailpit (TOCSIN_E2E_MAILPIT_URL unset): the contact-method verification check did not run');
} else {
  await check('responder adds an email address, verifies it with the mailed code, and adds a rule for it', async (page) => {
    await openAs(page, 'responder', '/profile');
    // The demo seed gave Rui a work email with the default rules; defaults
    // only fill an urgency without rules, so clear them first.
    const seeded = page.getByRole('button', { name: /^Remove rule: / });
    await seeded.first().waitFor();
    while ((await seeded.count()) > 0) {
      const before = await seeded.count();
      await seeded.first().click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('button[aria-label^="Remove rule: "]').length < n,
        before,
      );
    }
    const address = `e2e-${Date.now()}@example.test`;
    const form = page.getByRole('form', { name: 'Add a contact method' });
    await form.getByLabel('Kind').selectOption('EMAIL');
    await form.getByLabel('Name').fill('E2E mail');
    await form.getByLabel('Email address').fill(address);
    await form.getByRole('button', { name: 'Add' }).click();

    const row = page.getByTestId('contact-method-row').filter({ hasText: 'E2E mail' });
    await row.getByText('not verified').waitFor();
    const subject = await mailSubject(address);
    const code = /(\d{6})/.exec(subject)?.[1];
    expect(code, `the mail's subject "${subject}" has no 6-digit code`);
    await row.getByLabel(/Code sent to/).fill(code);
    await row.getByRole('button', { name: 'Verify' }).click();
    await row.getByText('✓ verified').waitFor();

    // The demo seed gave Rui the default rules on his work email; defaults
    // come only to someone without rules, so the new address brings none.
    const high = page.getByTestId('rules-high').getByTestId('rule-sentence');
    await high.filter({ hasText: 'email to E2E mail at once' }).waitFor();
    const low = await page.getByTestId('rules-low').getByTestId('rule-sentence').innerText();
    expect(low.startsWith('Low urgency:') && low.includes('email to E2E mail at once'), `low urgency reads "${low}"`);

    await row.getByRole('button', { name: 'Send a test to E2E mail' }).click();
    await row.getByRole('status').filter({ hasText: 'Test sent: email to E2E mail: sent' }).waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'profile-paging.png'), fullPage: true });
  }, as('responder'));
}

/** The alert's timeline texts, as the page shows them after a reload (the page is not live). */
async function timelineTexts(page) {
  await page.reload();
  await page.getByTestId('timeline').waitFor();
  return page.getByTestId('timeline').locator('li').allInnerTexts();
}

await check('admin sets up an escalation policy for a service; an Opsgenie alert pages Rui at once, and acknowledging stops escalation', async (page) => {
  await openAs(page, 'admin');
  const stamp = Date.now() % 1_000_000;
  // A service of its own, so the open alert it gets bothers no other check.
  const teams = await gql(page, 'query { teams(first: 50) { edges { node { id name } } } }');
  const platform = teams.teams.edges.find((e) => e.node.name === 'Platform').node.id;
  const svc = (await gql(page, 'mutation($input: CreateServiceInput!) { createService(input: $input) { id } }', {
    input: { name: `Paging e2e ${stamp}`, teamID: platform },
  })).createService.id;
  const door = await gql(page, 'mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { key } }', {
    input: { serviceID: svc, kind: 'OPSGENIE', name: 'Prometheus (e2e)' },
  });

  // The policy, through the editor: Rui at once, then the schedule after 1 min.
  await page.goto(`${BASE}/policies`);
  await page.getByRole('link', { name: 'Create policy' }).click();
  const form = page.getByRole('form', { name: 'New escalation policy' });
  await form.getByLabel('Name').fill(`Platform e2e ${stamp}`);
  await form.getByLabel('Description (optional)').fill('Rui first, then whoever is on call');
  await form.getByRole('button', { name: 'Create policy' }).click();
  await form.getByText('Pick at least one person, schedule or team to notify.').waitFor();
  const first = form.getByRole('listitem', { name: 'Step 1' });
  await first.getByLabel('Notify').selectOption({ label: 'Rui Responder' });
  await first.getByRole('button', { name: 'Add', exact: true }).click();
  await form.getByRole('button', { name: 'Add step' }).click();
  const second = form.getByRole('listitem', { name: 'Step 2' });
  await second.getByLabel('Notify').selectOption({ label: 'On call in Platform primary' });
  await second.getByRole('button', { name: 'Add', exact: true }).click();
  await first.getByLabel('Minutes until the next step').fill('1');
  await form.getByRole('button', { name: 'Create policy' }).click();
  await page.waitForURL(/\/policies\/\d+$/);
  const policyURL = page.url();
  const steps = page.getByTestId('policy-step');
  await steps.first().waitFor();
  const read = await steps.allInnerTexts();
  expect(read[0]?.startsWith('Immediately: notify Rui Responder.'), `step 1 reads "${read[0]}"`);
  expect(read[1]?.startsWith('After 1 min: notify whoever is on call in Platform primary.'), `step 2 reads "${read[1]}"`);
  expect(/Would page now: Rui Responder/.test(read[0]), `step 1's preview reads "${read[0]}"`);
  expect(/Would page now: (Ada Admin|Rui Responder)/.test(read[1]), `step 2's preview names nobody on call: "${read[1]}"`);

  // The service takes it, and pages P1 at high urgency.
  await page.goto(`${BASE}/services/${svc}`);
  await page.getByLabel('Escalation policy').selectOption({ label: `Platform e2e ${stamp}` });
  await page.getByLabel('High urgency up to').selectOption('P1');
  await page.getByRole('button', { name: 'Save paging' }).click();
  await page.getByTestId('service-policy').filter({ hasText: `Alerts follow the escalation policy Platform e2e ${stamp}` }).waitFor();
  await page.goto(policyURL);
  await page.getByRole('list', { name: 'Services using this policy' }).getByRole('link', { name: `Paging e2e ${stamp}` }).waitFor();
  await page.mouse.move(0, 0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'escalation-policy.png'), fullPage: true });

  // What a monitoring tool does.
  const message = `e2e paging ${stamp}: checkout 5xx`;
  const res = await page.request.post(`${BASE}/v2/alerts`, {
    headers: { Authorization: `GenieKey ${door.createIntegration.key}` },
    data: { message, alias: `e2e-paging-${stamp}`, priority: 'P1' },
  });
  expect(res.ok(), `/v2/alerts answered ${res.status()}: ${(await res.text()).slice(0, 200)}`);
  const opened = Date.now();
  await page.goto(`${BASE}/alerts?status=all&service=${svc}`);
  await page.getByRole('link', { name: message }).click({ timeout: 15_000 });
  await page.waitForURL(/\/alerts\/\d+$/);
  const detail = page.getByTestId('alert-detail');

  // Step 1 fires at once and the email goes out within a few seconds.
  const paged = MAILPIT ? /email to .*: sent/ : /Escalation step 1: paging Rui Responder/;
  let texts = [];
  for (let i = 0; i < 20 && !(texts.some((t) => /Escalation step 1: paging Rui Responder/.test(t)) && texts.some((t) => paged.test(t))); i++) {
    if (i > 0) await page.waitForTimeout(500);
    texts = await timelineTexts(page);
  }
  expect(texts.some((t) => /Escalation step 1: paging Rui Responder/.test(t)), `no ESCALATION_STEP line on the timeline: ${texts.join(' | ')}`);
  expect(texts.some((t) => paged.test(t)), `no page sent to Rui on the timeline: ${texts.join(' | ')}`);
  if (!MAILPIT) notes.push('no mailpit: the escalation check did not see "email to …: sent"');
  // The progress: step 1 of 2 fired, step 2 next with a countdown (whoever is on call by their first rule).
  const progress = detail.getByTestId('escalation-progress');
  await progress.getByText('Step 1 of 2', { exact: true }).waitFor();
  const nextLine = progress.getByText(/^Next: /);
  await nextLine.waitFor();
  const next = await nextLine.innerText();
  expect(/^Next: (.+ by (email|SMS|push|voice call)|step \d.* reaches nobody).* in \d+ (s|min)/.test(next), `the next step reads "${next}"`);

  // Acknowledge in the UI: escalation stops.
  await detail.getByRole('button', { name: /^Acknowledge/ }).click();
  await page.getByTestId('timeline').getByText('Ada Admin acknowledged').waitFor();
  // Anchored: the progress line "Paging stopped: acknowledged by Ada Admin" contains the words too.
  await detail.getByText(/^Acknowledged by Ada Admin/).waitFor();
  await progress.getByText('Paging stopped: acknowledged by Ada Admin').waitFor();
  expect((await progress.getByText(/^Next: /).count()) === 0, 'the next step is still shown after acknowledge');
  // Past the moment step 2 was due (1 min after opening): nothing more fired.
  await page.waitForTimeout(Math.max(0, opened + 65_000 - Date.now()));
  texts = await timelineTexts(page);
  const stepLines = texts.filter((t) => /^Escalation step/m.test(t) || /Escalation step \d/.test(t));
  expect(stepLines.length === 1, `escalation went on after acknowledge: ${stepLines.join(' | ')}`);
  await progress.getByText('Paging stopped: acknowledged by Ada Admin').waitFor();
  expect((await progress.getByText(/^Next: /).count()) === 0, 'a next step came back after acknowledge');
}, as('admin'), 110_000);

await check('the policy editor works at 360 px: nothing cut off, big touch targets; an admin picks one of their webhooks', async (page) => {
  await openAs(page, 'admin');
  // A webhook of the admin's own (a documentation address: the policy is never saved, so nothing is posted).
  const hook = `e2e hook ${Date.now() % 1_000_000}`;
  await gql(page, 'mutation($input: CreateContactMethodInput!) { createContactMethod(input: $input) { id } }', {
    input: { kind: 'WEBHOOK', name: hook, address: 'https://203.0.113.7/tocsin-e2e' },
  });
  await page.goto(`${BASE}/policies/new`);
  const form = page.getByRole('form', { name: 'New escalation policy' });
  const first = form.getByRole('listitem', { name: 'Step 1' });
  await first.getByLabel('Notify').selectOption({ label: 'On call in Platform primary' });
  await first.getByRole('button', { name: 'Add', exact: true }).click();
  await form.getByRole('button', { name: 'Add step' }).click();
  const second = form.getByRole('listitem', { name: 'Step 2' });
  await second.getByLabel('Notify').selectOption({ label: 'Everyone in Platform' });
  await second.getByRole('button', { name: 'Add', exact: true }).click();
  // exact: the chip's ✕ ("Stop notifying …") is labelled Notify too.
  await second.getByLabel('Notify', { exact: true }).selectOption({ label: `Webhook ${hook}` });
  await second.getByRole('button', { name: 'Add', exact: true }).click();
  await form.getByText(`After 5 min: notify everyone in team Platform and the webhook ${hook}.`).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the editor is ${overflow}px wider than the 360 px screen`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main button, main select, main input:not([type="checkbox"])')]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().height < 44)
      .map((el) => el.textContent || el.getAttribute('aria-label') || el.tagName),
  );
  expect(small.length === 0, `touch targets under 44 px: ${small.join(', ')}`);
}, { ...as('admin'), viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

await check('stakeholder reads escalation policies and is offered nothing to change', async (page) => {
  await openAs(page, 'stakeholder', '/policies');
  await listLoaded(page, 'policy-row');
  expect((await page.getByRole('link', { name: 'Create policy' }).count()) === 0, 'a stakeholder is offered Create policy');
  const first = page.getByTestId('policy-row').first().getByRole('link').first();
  if ((await first.count()) > 0) {
    await first.click();
    await page.getByTestId('policy-step').first().waitFor();
    const buttons = await page.locator('main button').allInnerTexts();
    expect(buttons.length === 0, `a stakeholder is offered: ${buttons.join(', ')}`);
    expect((await page.getByRole('link', { name: 'Edit policy' }).count()) === 0, 'a stakeholder is offered Edit policy');
  }
}, as('stakeholder'));

// Live updates are checked for arriving without a reload, not for how fast:
// a browser and the server on a busy 2-core machine are no measure of that
// (bench/fanout is). The time taken is printed.
await check('a stakeholder watching an incident sees a responder\'s update live, without reload, and no controls that would fail', async (page) => {
  const watcher = await browser.newContext({ viewport: { width: 390, height: 844 }, ...as('stakeholder') });
  try {
    await watcher.route(/.*/, (route) => (route.request().url().startsWith(BASE) ? route.continue() : route.abort()));
    const stakeholder = await watcher.newPage();
    await openAs(stakeholder, 'stakeholder', '/incidents');
    await stakeholder.getByRole('link', { name: 'Elevated API errors after deploy' }).first().click();
    await stakeholder.getByRole('heading', { level: 1, name: 'Elevated API errors after deploy' }).waitFor();
    // Timeline filters (toggle buttons) only change the view; anything else but Subscribe would fail.
    const offered = (await stakeholder.locator('main button:not([aria-pressed])').allInnerTexts()).filter((t) => !/^(Subscribe|Unsubscribe)/.test(t.trim()));
    expect(offered.length === 0, `a stakeholder is offered: ${offered.join(', ')}`);
    await openAs(page, 'responder', '/incidents');
    await page.getByRole('link', { name: 'Elevated API errors after deploy' }).first().click();
    const composer = page.getByTestId('update-composer');
    const message = `Rollback finished at ${Date.now()}; error rate back to normal.`;
    await composer.getByLabel('Message').fill(message);
    await composer.getByRole('button', { name: 'Post update' }).click();
    const posted = Date.now();
    await stakeholder.getByText(message).first().waitFor({ timeout: 15_000 });
    console.log(`      the stakeholder saw the update after ${Date.now() - posted} ms`);
    await stakeholder.screenshot({ path: join(SCREENSHOTS, 'incident-stakeholder-live.png') });
  } finally {
    await watcher.close();
  }
}, as('responder'));

await check('responder declares an incident from an alert, posts a stakeholder update and sees it on the timeline', async (page) => {
  await openAs(page, 'responder', '/alerts');
  await listLoaded(page, 'alert-row');
  await page.getByTestId('alert-row').filter({ hasText: 'p99 checkout latency above 2 s' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const form = page.getByRole('form', { name: 'Declare an incident' });
  await form.getByLabel('Title').fill('Checkout slow for EU customers');
  await form.getByRole('button', { name: 'Declare incident' }).click();
  await page.getByRole('heading', { level: 1, name: 'Checkout slow for EU customers' }).waitFor();
  const due = await page.getByTestId('next-update').innerText();
  expect(/Next update due in/.test(due), `a SEV2 incident owes an update, the page says: ${due}`);
  const composer = page.getByTestId('update-composer');
  await composer.getByLabel('Message').fill('Checkouts are slow; we are on it.');
  await composer.getByRole('button', { name: 'Post update' }).click();
  const entry = page.getByTestId('incident-timeline').getByTestId('timeline-entry').filter({ hasText: 'Checkouts are slow; we are on it.' });
  await entry.waitFor();
  const text = await entry.innerText();
  expect(/posted an update for stakeholders/.test(text), `the timeline entry reads: ${text}`);
}, as('responder'));

await check('responder adds an affected service with the keyboard: it shows in the list and timeline, live for a watching stakeholder, who gets no picker', async (page) => {
  await openAs(page, 'responder', '/incidents');
  // An incident of its own, declared without a service, so no other check's incident changes.
  const title = `E2E services ${Date.now() % 1_000_000}`;
  const { declareIncident } = await gql(page, 'mutation($input: DeclareIncidentInput!) { declareIncident(input: $input) { id } }', {
    input: { title, severity: 'SEV3' },
  });
  const path = `/incidents/${declareIncident.id}`;

  const watcher = await browser.newContext({ viewport: { width: 390, height: 844 }, ...as('stakeholder') });
  try {
    await watcher.route(/.*/, (route) => (route.request().url().startsWith(BASE) ? route.continue() : route.abort()));
    const stakeholder = await watcher.newPage();
    await openAs(stakeholder, 'stakeholder', path);
    await stakeholder.getByRole('heading', { level: 1, name: title }).waitFor();
    await stakeholder.getByText('No service is marked affected yet.', { exact: true }).waitFor();
    expect((await stakeholder.getByRole('combobox').count()) === 0, 'a stakeholder is offered the service picker');
    const offered = (await stakeholder.locator('main button:not([aria-pressed])').allInnerTexts()).filter((t) => !/^(Subscribe|Unsubscribe)/.test(t.trim()));
    expect(offered.length === 0, `a stakeholder is offered: ${offered.join(', ')}`);

    await page.goto(`${BASE}${path}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const card = page.getByRole('region', { name: 'Affected services' });
    await card.getByText(/^No service is marked affected yet\./).waitFor();
    // Keyboard only: type, the first match is highlighted, Enter picks it, Enter adds it.
    const picker = card.getByRole('combobox', { name: 'Add an affected service' });
    await picker.focus();
    await page.keyboard.type('postgres');
    await card.getByRole('listbox', { name: 'Services' }).getByRole('option', { name: /^PostgreSQL primary/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    expect((await picker.inputValue()) === 'PostgreSQL primary', `Enter picked "${await picker.inputValue()}"`);
    await page.keyboard.press('Enter');
    await card.getByTestId('affected-services').getByRole('link', { name: 'PostgreSQL primary' }).waitFor();
    const entry = page.getByTestId('incident-timeline').getByTestId('timeline-entry').filter({ hasText: 'Rui Responder added the affected service PostgreSQL primary' });
    await entry.waitFor();
    expect((await picker.inputValue()) === '', 'the picker kept its text after adding');
    // An affected service is not offered again.
    await page.keyboard.type('postgres');
    await card.getByText('No service matches “postgres”.').first().waitFor();
    // On a phone: the open list fits 360 px and its options are big enough to tap.
    await page.setViewportSize({ width: 360, height: 740 });
    await picker.fill('');
    await page.keyboard.press('ArrowDown');
    const options = card.getByRole('listbox', { name: 'Services' }).getByRole('option');
    await options.first().waitFor();
    await options.first().scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `the page is ${overflow}px wider than the 360 px screen with the service list open`);
    const heights = await options.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(heights.every((h) => h >= 44), `service options under 44 px tall: ${heights.join(', ')}`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'incident-affected-services-360.png') });
    await page.keyboard.press('Escape');

    // The stakeholder's open page follows without reload (SERVICES_ADDED comes by the live timeline).
    await stakeholder.getByTestId('affected-services').getByRole('link', { name: 'PostgreSQL primary' }).waitFor({ timeout: 5_000 });
    await stakeholder.getByTestId('incident-timeline').getByText('Rui Responder added the affected service PostgreSQL primary').waitFor({ timeout: 5_000 });
    expect((await stakeholder.getByRole('combobox').count()) === 0, 'a stakeholder is offered the service picker after the update');
  } finally {
    await watcher.close();
  }
}, as('responder'));

await check('a stakeholder\'s home lists an incident declared elsewhere live, without reload, and drops it when resolved', async (page) => {
  const watcher = await browser.newContext({ viewport: { width: 390, height: 844 }, ...as('stakeholder') });
  try {
    await watcher.route(/.*/, (route) => (route.request().url().startsWith(BASE) ? route.continue() : route.abort()));
    const home = await watcher.newPage();
    // The declaration must come after the incidentsChanged subscription
    // started: wait for the browser to send it (a fixed sleep lost the race
    // on a busy machine), then give the server a moment to register it.
    const subscribed = new Promise((resolve) =>
      home.on('websocket', (ws) => ws.on('framesent', (f) => /"subscribe"/.test(String(f.payload)) && /incidentsChanged/.test(String(f.payload)) && resolve())),
    );
    await openAs(home, 'stakeholder', '/home');
    const live = home.getByTestId('live-incidents');
    await live.getByRole('heading', { name: 'Incidents now' }).waitFor();
    await Promise.race([subscribed, home.waitForTimeout(15_000).then(() => Promise.reject(new Error('the home page never subscribed to incidentsChanged')))]);
    await home.waitForTimeout(300);
    await openAs(page, 'responder', '/incidents');
    const title = `Search results empty ${Date.now()}`;
    const declared = await gql(page, 'mutation($t: String!) { declareIncident(input: {title: $t, severity: SEV2}) { id } }', { t: title });
    const at = Date.now();
    await live.getByRole('link', { name: title }).waitFor({ timeout: 15_000 });
    console.log(`      the stakeholder's home listed the incident after ${Date.now() - at} ms`);
    // The responder's incidents list got it too, without reload.
    await page.getByRole('link', { name: title }).first().waitFor({ timeout: 15_000 });
    await gql(page, 'mutation($id: ID!) { setIncidentStatus(incidentID: $id, status: RESOLVED) { id } }', { id: declared.declareIncident.id });
    await live.getByRole('link', { name: title }).waitFor({ state: 'detached', timeout: 15_000 });
    const said = await home.getByTestId('incidents-live').innerText();
    expect(/resolved/.test(said), `the live region says: ${said}`);
  } finally {
    await watcher.close();
  }
}, as('responder'));

await check('admin changes what SEV4 means and its cadence on the Severities page', async (page) => {
  await openAs(page, 'admin', '/severities');
  await page.getByRole('button', { name: 'Edit SEV4' }).click();
  const dialog = page.getByRole('dialog');
  const meaning = `Low: cosmetic, no customer impact (${Date.now()}).`;
  await dialog.getByLabel('What it means').fill(meaning);
  await dialog.getByLabel(/Stakeholder update every/).fill('240');
  await dialog.getByRole('button', { name: 'Save SEV4' }).click();
  const card = page.getByTestId('severity-level').filter({ hasText: 'SEV4' });
  await card.getByText(meaning).waitFor();
  await card.getByText('Stakeholder updates every 4 h').waitFor();
  // Put the seeded cadence back for later runs on the same database.
  await gql(page, 'mutation { updateSeverityLevel(level: SEV4, updateCadenceMinutes: 0) { id } }');
}, as('admin'));

await check('the public status page needs no sign-in and no JavaScript, and fits 360 px', async (page) => {
  await page.goto(`${BASE}/status`);
  await page.getByRole('heading', { level: 1, name: 'Acme status' }).waitFor();
  expect((await page.locator('script').count()) === 0, 'the status page loads JavaScript');
  const bars = await page.locator('ol.bars').evaluateAll((ols) => ols.map((ol) => ol.children.length));
  expect(bars.length === 3 && bars.every((n) => n === 90), `want 3 components with 90 day bars, got ${bars}`);
  for (const name of ['Website and API', 'Checkout', 'Database']) await page.getByText(name, { exact: true }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the status page is ${overflow}px wider than the 360 px screen`);
  await page.screenshot({ path: join(SCREENSHOTS, 'status-page-mobile.png'), fullPage: true });
}, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

await check('admin creates an internal status page with a component; signed-out readers are sent to sign in', async (page) => {
  await openAs(page, 'admin', '/status-pages');
  await page.getByTestId('status-page-card').first().waitFor();
  const slug = `e2e-${Date.now()}`;
  await page.getByRole('button', { name: 'Create status page' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill('E2E internal status');
  await dialog.getByLabel('Address: /status/…').fill(slug);
  await dialog.getByLabel(/Public/).uncheck();
  await dialog.getByRole('button', { name: 'Create status page' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Add a component to E2E internal status' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name readers see').fill('Payments');
  await dialog.getByLabel('Service').selectOption({ label: 'Checkout' });
  await dialog.getByLabel('Group').fill('Money');
  await dialog.getByRole('button', { name: 'Add component' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('region', { name: 'Money' }).getByText('Service: Checkout').waitFor();
  await page.goto(`${BASE}/status/${slug}`);
  await page.getByRole('heading', { level: 1, name: 'E2E internal status' }).waitFor();
  await page.getByText('Payments', { exact: true }).waitFor();
  await page.context().clearCookies();
  await page.goto(`${BASE}/status/${slug}`);
  await page.waitForURL(/\/login\?next=/);
}, as('admin'));

await check('sign out ends the session', async (page) => {
  await signIn(page, users.stakeholder);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${BASE}/alerts`);
  await page.waitForURL(/\/login\?next=/);
});

// ---- Declaring incidents: from scratch, from several alerts, linking alerts later ----

/** Raises an alert on a seeded service through the API and returns its id. */
async function raiseAlert(page, service, message, priority = 'P3') {
  const data = await gql(page, 'mutation($input: CreateAlertInput!) { createAlert(input: $input) { alert { id } } }', {
    input: { serviceID: await serviceID(page, service), message, priority, tags: ['e2e'] },
  });
  return data.createAlert.alert.id;
}

async function declaringChecks() {
  await check('responder declares an incident from scratch with a service; the incident page shows it', async (page) => {
    await openAs(page, 'responder', '/incidents');
    const title = `e2e scratch ${Date.now()}: card payments time out`;
    await page.getByRole('button', { name: 'Declare incident' }).click();
    const form = page.getByRole('dialog', { name: 'Declare an incident' }).getByRole('form', { name: 'Declare an incident' });
    await form.getByLabel('Title').fill(title);
    // Each severity says what it means (severityLevels); SEV3 is the default.
    const severity = form.getByLabel('Severity');
    await severity.locator('option', { hasText: 'SEV2 — Major' }).waitFor({ state: 'attached' });
    expect((await severity.inputValue()) === 'SEV3', `the default severity is ${await severity.inputValue()}`);
    await severity.selectOption('SEV2');
    await form.getByText('Stakeholders are owed an update every 1 h.').waitFor();
    await form.getByLabel('Summary (optional)').fill('EU card payments time out at the provider.');
    await form.getByLabel('Search services').fill('check');
    await form.getByRole('checkbox', { name: 'Checkout' }).check();
    await form.getByRole('button', { name: 'Remove Checkout' }).waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'declare-incident.png') });
    await form.getByRole('button', { name: 'Declare incident' }).click();
    await page.waitForURL(/\/incidents\/\d+$/);
    const detail = page.getByTestId('incident-detail');
    await detail.getByRole('heading', { level: 1, name: title }).waitFor();
    await detail.getByRole('link', { name: 'Checkout', exact: true }).first().waitFor();
    expect(/SEV2/.test(await detail.innerText()), 'the incident page does not say SEV2');
    // A title the server refuses is shown at the field, and nothing is declared.
    await page.goto(`${BASE}/incidents`);
    await page.getByRole('button', { name: 'Declare incident' }).click();
    const again = page.getByRole('form', { name: 'Declare an incident' });
    await again.getByLabel('Title').fill('x'.repeat(501));
    await again.getByRole('button', { name: 'Declare incident' }).click();
    await again.locator('.field-error').filter({ hasText: /longer|long|500/i }).waitFor();
    expect((await again.getByLabel('Title').getAttribute('aria-invalid')) === 'true', 'the refused title is not marked invalid');
    expect(new URL(page.url()).pathname === '/incidents', `moved to ${page.url()}`);
  }, as('responder'));

  await check('the declare form works at 360 px: nothing cut off, big touch targets', async (page) => {
    await openAs(page, 'responder', '/incidents');
    await page.getByRole('button', { name: 'Declare incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
    await dialog.getByRole('checkbox', { name: 'Checkout' }).check();
    await dialog.getByRole('button', { name: 'Remove Checkout' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `page is ${overflow}px wider than the 360 px screen`);
    const wide = await page.evaluate(() => {
      const d = document.querySelector('dialog[open]');
      return d ? d.scrollWidth - d.clientWidth : -1;
    });
    expect(wide === 0, `the dialog scrolls sideways by ${wide}px`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('dialog[open] button, dialog[open] input:not([type="checkbox"]), dialog[open] select, dialog[open] label.radio')]
        .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().height < 44)
        .map((el) => el.textContent || el.getAttribute('aria-label') || el.tagName),
    );
    expect(small.length === 0, `touch targets under 44 px: ${small.join(', ')}`);
  }, { ...as('responder'), viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  await check('stakeholder is offered no Declare incident on the incidents page', async (page) => {
    await openAs(page, 'stakeholder', '/incidents');
    await listLoaded(page, 'incident-row');
    expect((await page.getByRole('button', { name: 'Declare incident' }).count()) === 0, 'a stakeholder is offered Declare incident');
  }, as('stakeholder'));

  await check('responder selects two alerts in the list and declares one incident that links both', async (page) => {
    await openAs(page, 'responder');
    const stamp = `e2e-group-${Date.now()}`;
    await raiseAlert(page, 'Checkout', `${stamp} checkout 5xx`, 'P3');
    await raiseAlert(page, 'API Gateway', `${stamp} gateway timeouts`, 'P2');
    await page.goto(`${BASE}/alerts?q=${stamp}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="alert-row"]').length === 2);
    await page.getByLabel('Select every open or acknowledged alert shown').check();
    await page.getByRole('region', { name: 'Act on selected alerts' }).getByRole('button', { name: 'Declare incident' }).click();
    const form = page.getByRole('form', { name: 'Declare an incident' });
    // Newest first: the title starts from the gateway alert, the severity from its P2.
    const title = await form.getByLabel('Title').inputValue();
    expect(title === `${stamp} gateway timeouts`, `the title starts as "${title}"`);
    expect((await form.getByLabel('Severity').inputValue()) === 'SEV2', 'the severity does not follow the most urgent alert (P2)');
    await form.getByRole('button', { name: 'Declare incident' }).click();
    await page.waitForURL(/\/incidents\/\d+$/);
    const detail = page.getByTestId('incident-detail');
    await detail.getByRole('heading', { level: 1, name: title }).waitFor();
    for (const message of [`${stamp} checkout 5xx`, `${stamp} gateway timeouts`]) await page.getByRole('link', { name: message }).waitFor();
    for (const service of ['Checkout', 'API Gateway']) await detail.getByRole('link', { name: service, exact: true }).first().waitFor();
    // The list no longer offers to declare them again: each alert page links the incident.
    await page.getByRole('link', { name: `${stamp} checkout 5xx` }).click();
    await page.getByTestId('alert-incident').getByRole('link', { name: title }).waitFor();
    expect((await page.getByRole('button', { name: 'Declare incident' }).count()) === 0, 'an alert in an incident still offers Declare incident');
  }, as('responder'));

  await check('responder adds an alert to an ongoing incident from the alert page, and takes it out again', async (page) => {
    await openAs(page, 'responder');
    const stamp = `e2e-join-${Date.now()}`;
    const incident = await gql(page, 'mutation($input: DeclareIncidentInput!) { declareIncident(input: $input) { id } }', {
      input: { title: `${stamp} search is slow`, severity: 'SEV3' },
    });
    const alertID = await raiseAlert(page, 'PostgreSQL primary', `${stamp} slow queries on pg-primary`);
    await page.goto(`${BASE}/alerts/${alertID}`);
    const detail = page.getByTestId('alert-detail');
    await detail.getByRole('button', { name: 'Declare incident' }).waitFor();
    await detail.getByRole('button', { name: 'Add to incident' }).click();
    const form = page.getByRole('form', { name: 'Add to an incident' });
    await form.getByLabel('Search ongoing incidents by title').fill(stamp);
    await form.getByRole('radio', { name: new RegExp(`${stamp} search is slow`) }).check();
    await page.screenshot({ path: join(SCREENSHOTS, 'add-to-incident.png') });
    await form.getByRole('button', { name: `Add to “${stamp} search is slow”` }).click();
    const link = page.getByTestId('alert-incident').getByRole('link', { name: `${stamp} search is slow` });
    await link.waitFor();
    expect((await link.getAttribute('href')) === `/incidents/${incident.declareIncident.id}`, `the link goes to ${await link.getAttribute('href')}`);
    await page.getByTestId('timeline').getByText(`Rui Responder added it to the incident “${stamp} search is slow”`).waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: `${stamp} search is slow` }).waitFor();
    await page.getByRole('link', { name: `${stamp} slow queries on pg-primary` }).waitFor();
    await page.getByTestId('incident-detail').getByRole('link', { name: 'PostgreSQL primary', exact: true }).first().waitFor();
    // Linked by mistake: take it out again; the timeline says so and the alert's page offers to add it again.
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('linked-alerts').getByRole('button', { name: `Take ${stamp} slow queries on pg-primary out of this incident` }).click();
    await page.getByTestId('linked-alerts').getByRole('link', { name: `${stamp} slow queries on pg-primary` }).waitFor({ state: 'detached' });
    await page.getByTestId('incident-timeline').getByText(`took the alert “${stamp} slow queries on pg-primary” out of the incident`).first().waitFor();
    await page.goto(`${BASE}/alerts/${alertID}`);
    await page.getByTestId('alert-detail').getByRole('button', { name: 'Add to incident' }).waitFor();
  }, as('responder'));
}

await declaringChecks();

await browser.close();
for (const n of notes) console.log(`note  ${n}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
