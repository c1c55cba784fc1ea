import { expect, test } from '@playwright/test';
import { setTheme } from './helpers.ts';

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

test('a draft page tells the reader it is a draft', async ({ page }) => {
  await page.goto('/patterns/saga/');
  await expect(page.getByRole('note', { name: 'Draft' })).toContainText('Draft.');
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
