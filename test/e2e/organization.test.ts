import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmAccount, expectAccessible, expectNoHorizontalOverflow, launchBrowser, openPage, PASSWORD, screenshot, signIn, uniqueEmail } from './browser';

describe('a newcomer signs up and registers an SME', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('shows form errors next to fields, derives the size class with its EU definition, signs out and in', async () => {
    const { page, pageErrors, close } = await openPage(browser);
    const email = uniqueEmail('sme-owner');

    await page.goto('/');
    await page.getByRole('heading', { name: 'University research that small firms can use' }).waitFor();
    await expectAccessible(page, 'the landing page');
    await screenshot(page, 'landing');

    await page.getByRole('link', { name: 'Create a free account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await expectAccessible(page, 'the register page');

    // A too-short password: the server's 400 detail appears under the password field.
    await page.getByLabel('Your name').fill('Greta Bäcker');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const passwordError = page.locator('#field-password-error');
    await passwordError.waitFor();
    expect(await passwordError.textContent()).toContain('at least 12 characters');
    const password = page.getByLabel('Password', { exact: true });
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-describedby')).toContain('field-password-error');
    expect(await page.locator('#field-email-error').count()).toBe(0);
    await expectAccessible(page, 'the register page with errors');
    await screenshot(page, 'register-errors');

    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await confirmAccount(page, email);
    await page.getByRole('heading', { name: 'My organization' }).waitFor();
    expect(page.url()).toMatch(/\/my\/organization$/);
    await page.getByText('You are not part of an organization yet.').waitFor();

    // An empty form: each problem appears next to its own field.
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.locator('#kind-error').waitFor();
    await page.locator('#field-name-error').waitFor();
    await page.locator('#field-country-error').waitFor();
    await expectAccessible(page, 'the organization form with errors');
    await screenshot(page, 'organization-form-errors');

    await page.getByLabel('Small or medium-sized enterprise (SME)').check();
    await page.getByLabel('Name').fill('Ostsee Backstube GmbH');
    await page.getByLabel('Country').fill('de');
    await page.getByText('DE = Germany').waitFor();
    await page.getByLabel('Region or city').fill('Rostock');
    await page.getByLabel(/Manufacturing/).check();
    await page.getByLabel(/Wholesale and retail trade/).check();
    await page.getByLabel('Staff (annual work units)').fill('12');
    await page.getByLabel('Annual turnover in euros').fill('1500000');
    await page.getByLabel('About the organization').fill('A family bakery supplying rye bread to supermarkets on the Baltic coast.');
    await screenshot(page, 'organization-form');
    // The submission carries an Idempotency-Key, so a retry of it can never make a second organization.
    const createRequest = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/organizations'));
    await page.getByRole('button', { name: 'Create organization' }).click();
    expect((await createRequest).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);

    await page.getByRole('heading', { level: 1, name: 'Ostsee Backstube GmbH' }).waitFor();
    expect(page.url()).toMatch(/\/organizations\/[0-9a-f]{24}$/);
    expect(await page.getByTestId('size-class').textContent()).toBe('Small enterprise');
    const definition = await page.getByTestId('size-class-definition').textContent();
    expect(definition).toContain('Recommendation 2003/361/EC');
    expect(definition).toContain('small < 50 and < €10M');
    await page.getByText('You administer this organization.').waitFor();
    await expectAccessible(page, 'the organization page');
    await screenshot(page, 'organization-profile');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await page.goto('/my/organization');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(page.url()).toContain('/login?next=%2Fmy%2Forganization');
    await expectAccessible(page, 'the sign-in page');
    await screenshot(page, 'login');

    await signIn(page, email);
    await page.getByRole('heading', { name: 'My organization' }).waitFor();
    await page.getByRole('link', { name: 'Ostsee Backstube GmbH' }).waitFor();
    await page.getByText('You are an administrator.').waitFor();
    await screenshot(page, 'my-organization');
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('fits a 375px phone screen without sideways scrolling', async () => {
    const { page, pageErrors, close } = await openPage(browser, { width: 375, height: 740 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoHorizontalOverflow(page, 'the landing page');
    await screenshot(page, 'phone-landing');

    await page.goto('/register');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('#field-password-error').waitFor();
    await expectNoHorizontalOverflow(page, 'the register page with errors');
    await screenshot(page, 'phone-register-errors');

    const email = uniqueEmail('phone');
    await page.getByLabel('Your name').fill('Phone User');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your mailbox').waitFor();
    await expectNoHorizontalOverflow(page, 'the register page after signing up');
    await confirmAccount(page, email);
    await page.getByRole('heading', { name: 'My organization' }).waitFor();
    await page.getByLabel('Small or medium-sized enterprise (SME)').check();
    await expectNoHorizontalOverflow(page, 'the organization form');
    await screenshot(page, 'phone-organization-form');

    const created = await page.request.post('/api/organizations', {
      data: { kind: 'sme', name: 'Värmlands Precisionsmekanik och Ytbehandling Aktiebolag', country: 'SE', sectors: ['C', 'M'], headcount: 180, annualTurnoverEur: 42_000_000, website: 'https://precision-and-surface-treatment.example.org/about-us' },
    });
    expect(created.status()).toBe(201);
    await page.goto(`/organizations/${(await created.json()).id}`);
    await page.getByTestId('size-class').waitFor();
    await expectNoHorizontalOverflow(page, 'the organization page');
    await screenshot(page, 'phone-organization-profile');
    expect(pageErrors).toEqual([]);
    await close();
  });
});
