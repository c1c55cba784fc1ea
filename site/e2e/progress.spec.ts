import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { watchPage } from './helpers.ts';

const KEY = 'compendium:progress';
const PATH = '/learning-paths/new-graduate/';
const progressText = (page: Page) => page.locator(`[data-path-progress="${PATH}"] [data-progress-text]`).first();
const sidebarLink = (page: Page, href: string) => page.locator(`nav.sidebar a[href="${href}"]`).first();

/** Puts a value in storage before any script of the site runs, as an older version or a broken extension would. */
async function seedStorage(page: Page, value: string): Promise<void> {
  await page.addInitScript(([key, stored]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key as string, stored as string);
      sessionStorage.setItem('seeded', 'yes');
    }
  }, [KEY, value]);
}

test('marking a page done survives a reload and shows on the path page and in the sidebar', async ({ page }) => {
  const watched = watchPage(page);
  await page.goto('/part1-axioms/axiom1-latency/');
  const toggle = page.getByRole('button', { name: 'Mark as done' });
  await toggle.click();
  await expect(page.getByRole('button', { name: 'Done' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Done' })).toHaveAttribute('aria-pressed', 'true');
  await expect(sidebarLink(page, '/part1-axioms/axiom1-latency/').locator('.progress-mark')).toHaveAttribute('aria-label', 'done');

  await page.goto(PATH);
  await expect(progressText(page)).toHaveText(/^1 of \d+ steps done/);
  await expect(page.getByRole('checkbox', { name: 'Done: Axiom 1: Latency' })).toBeChecked();
  await expect(sidebarLink(page, PATH).locator('.progress-mark')).toHaveText(/^1\/\d+$/);
  expect(watched.problems).toEqual([]);
});

test('ticking steps on a path page updates its bar and survives a reload; unticking undoes it', async ({ page }) => {
  await page.goto(PATH);
  await expect(progressText(page)).toHaveText(/^0 of (\d+) steps done \(0 %\)$/);
  const total = Number((await progressText(page).textContent())?.match(/of (\d+)/)?.[1]);
  await page.getByRole('checkbox', { name: "Done: Little's Law" }).check();
  await page.getByRole('checkbox', { name: 'Done: Project: build a distributed lock' }).check();
  await expect(progressText(page)).toHaveText(`2 of ${total} steps done (${Math.round((2 / total) * 100)} %)`);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: "Done: Little's Law" })).toBeChecked();
  await page.getByRole('checkbox', { name: "Done: Little's Law" }).uncheck();
  await expect(progressText(page)).toHaveText(new RegExp(`^1 of ${total} steps`));
  await page.goto('/learning-paths/');
  await expect(page.locator(`[data-path-progress="${PATH}"] [data-progress-text]`)).toHaveText(new RegExp(`^1 of ${total}`));
});

test('corrupt storage is set aside with a notice, without breaking the page', async ({ page }) => {
  const watched = watchPage(page);
  await seedStorage(page, '{"version": 2, "pages": oops');
  await page.goto(PATH);
  await expect(page.locator('[data-progress-notice]').first()).toContainText('could not be read (it is not valid JSON)');
  await expect(progressText(page)).toHaveText(/^0 of \d+ steps/);
  await page.getByRole('checkbox', { name: 'Done: Axiom 1: Latency' }).check();
  await expect(progressText(page)).toHaveText(/^1 of \d+ steps/);
  await expect(page.locator('[data-progress-notice]').first()).toBeHidden();
  const stored = await page.evaluate(() => [localStorage.getItem('compendium:progress'), localStorage.getItem('compendium:progress:unreadable')]);
  expect(JSON.parse(stored[0] as string).pages).toHaveProperty(['/part1-axioms/axiom1-latency/']);
  expect(stored[1]).toBe('{"version": 2, "pages": oops');
  expect(watched.problems).toEqual([]);
});

test('progress saved by the first version of the format is still there', async ({ page }) => {
  await seedStorage(page, JSON.stringify({ version: 1, done: ['/part1-axioms/', '/part1-axioms/axiom1-latency/'] }));
  await page.goto(PATH);
  await expect(progressText(page)).toHaveText(/^2 of \d+ steps/);
  await expect(page.getByRole('checkbox', { name: 'Done: Part I: The Eight Fundamental Axioms' })).toBeChecked();
});

test('progress exported to a file comes back when imported into an empty browser', async ({ page }, testInfo) => {
  await page.goto(PATH);
  await page.getByRole('checkbox', { name: 'Done: Axiom 2: Capacity' }).check();
  await page.getByRole('checkbox', { name: 'Done: Capstone: design a complete system' }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/^compendium-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('progress.json');
  await download.saveAs(file);
  expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).pages)).toHaveLength(2);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(progressText(page)).toHaveText(/^0 of/);
  await page.getByLabel('Import progress').first().setInputFiles(file);
  await expect(page.locator('[data-progress-message]').first()).toHaveText('Imported 2 marks from progress.json; 2 new.');
  await expect(progressText(page)).toHaveText(/^2 of/);
  await page.getByLabel('Import progress').first().setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.locator('[data-progress-message]').first()).toContainText('not a Compendium progress export');
  await expect(progressText(page)).toHaveText(/^2 of/);
});
