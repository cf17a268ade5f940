// Browser end-to-end checks of the SPA against a running Tocsin (seeded with
// `tocsin seed --demo`). It does not start the server: `make e2e` does.
//
//   TOCSIN_E2E_URL   where Tocsin runs (default http://127.0.0.1:8080)
//   CHROMIUM_PATH    the browser (default /usr/bin/chromium, Debian's package)
//
// Prints one line per check and a last line "N passed, N failed"; exits 1 on
// any failure. Screenshots of failures go to test-results/.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.TOCSIN_E2E_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const SCREENSHOTS = join(here, '..', '..', 'docs', 'screenshots');
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

/** Runs one check in a fresh browser context (no cookies), with a 60 s limit. */
async function check(name, fn, contextOptions = {}) {
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
      new Promise((_, reject) => setTimeout(() => reject(new Error('check took longer than 60 s')), 60_000)),
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
    expect(page.url().endsWith('/alerts'), `landed on ${page.url()}, expected /alerts`);
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
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map((el) => el.textContent || el.getAttribute('aria-label') || el.tagName),
  );
  expect(small.length === 0, `touch targets under 44 px: ${small.join(', ')}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'alerts-mobile.png') });
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

await check('sign out ends the session', async (page) => {
  await signIn(page, users.stakeholder);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${BASE}/alerts`);
  await page.waitForURL(/\/login\?next=/);
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
