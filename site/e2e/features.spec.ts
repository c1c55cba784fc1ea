import { expect, test } from '@playwright/test';
import { pagesWithStatus, setTheme } from './helpers.ts';

test('the theme toggle recolours build-time diagrams', async ({ page }) => {
  await page.goto('/');
  const label = page.locator('figure.diagram svg text').first();
  await setTheme(page, 'light');
  const light = await label.evaluate((el) => getComputedStyle(el).fill);
  await setTheme(page, 'dark');
  const dark = await label.evaluate((el) => getComputedStyle(el).fill);
  expect(light).not.toBe(dark);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(dark).not.toBe(background);
});

test('search finds a known page', async ({ page }) => {
  await page.goto('/part1-axioms/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Search' }).fill("Little's law");
  await expect(dialog.locator('a[href*="/quantitative/littles-law/"]').first()).toBeVisible({ timeout: 15_000 });
});

test('the keyboard reaches the content first through the skip link', async ({ page }) => {
  await page.goto('/patterns/saga/');
  await page.keyboard.press('Tab');
  const skip = page.locator(':focus');
  await expect(skip).toHaveText(/skip to content/i);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#_top$/);
});

test('breadcrumbs lead home from a deep page', async ({ page }) => {
  await page.goto('/part1-axioms/axiom3-failure/');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link')).toHaveText(['Home', 'Part I: The Eight Fundamental Axioms']);
  await crumbs.getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a draft page tells the reader it is a draft, and a complete one does not', async ({ page }) => {
  const draft = pagesWithStatus('draft')[0];
  test.skip(!draft, 'every page is complete, so no draft notice is shown anywhere');
  await page.goto(draft as string);
  await expect(page.getByRole('note', { name: 'Draft' })).toContainText('Draft.');
  await page.goto(pagesWithStatus('complete')[0] as string);
  await expect(page.getByRole('note', { name: 'Draft' })).toHaveCount(0);
});

test('the home page shows every section of the seed', async ({ page }) => {
  await page.goto('/');
  for (const heading of [
    'Learning paths: choose your route',
    'The complete content map',
    'Interactive tools',
    'Real-world case studies',
    'Why this approach works',
    'Start your journey',
    'About this Compendium',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.locator('.path-card')).toHaveCount(4);
  await expect(page.locator('.path-card figure.diagram svg')).toHaveCount(4);
  await page.locator('.path-card summary').first().click();
  await expect(page.locator('.path-card').first().getByRole('link', { name: "Quantitative basics: Little's Law" })).toBeVisible();
});

test('the pattern catalog filters by problem and axiom, keeps the filter in the URL and clears it', async ({ page }) => {
  await page.goto('/patterns/');
  const shown = page.locator('.pattern-entry:visible h3');
  await expect(shown).toHaveCount(16);
  await page.getByLabel('My problem is…').selectOption({ label: 'My retries make outages worse' });
  await expect(shown).toHaveText(['Circuit Breaker', 'Retry and Backoff', 'Load Shedding']);
  await expect(page.getByRole('status')).toHaveText('3 of 16 patterns');
  await expect(page).toHaveURL(/\?problem=retry-storms$/);
  await page.getByLabel('Answers the axiom').selectOption({ label: 'Axiom 8: Economics' });
  await expect(page.getByRole('status')).toHaveText(/No pattern matches/);
  await page.reload();
  await expect(page.getByLabel('Answers the axiom')).toHaveValue('axiom8-economics');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(shown).toHaveCount(16);
  await expect(page).toHaveURL(/\/patterns\/$/);
});
