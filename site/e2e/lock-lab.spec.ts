import { expect, type Page, test } from '@playwright/test';
import { watchPage } from './helpers.ts';

const PAGE = '/labs/distributed-lock/';
const lab = (page: Page) => page.locator('[data-lab="lock"]');
const verdict = (page: Page) => lab(page).locator('[data-verdict]');

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${PAGE}${query}`);
  await lab(page).scrollIntoViewIfNeeded();
  await expect(lab(page).locator('.cm-content')).toBeVisible();
}

async function replaceCode(page: Page, source: string): Promise<void> {
  await lab(page).locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // insertText types the whole text at once, without the editor's auto-indent and bracket closing.
  await page.keyboard.insertText(source);
}

test('the naive lease fails under a GC pause, and the lab shrinks the schedule to that one pause', async ({ page }) => {
  const watched = watchPage(page);
  await open(page, '?schedule=gc-pause&seed=1&clients=3');
  await page.getByRole('button', { name: 'Load the naive lease' }).click();
  await page.getByRole('button', { name: 'Run the lab' }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'unsafe', { timeout: 30_000 });
  await expect(lab(page).locator('[data-lab-shrunk]')).toContainText(/pause c1 at [\d.]+ s for [\d.]+ s/);
  // The whole run, then a close-up of the violation drawn as a message timeline (sender lane to receiver lane).
  await expect(lab(page).locator('.lab-timeline svg')).toHaveCount(2);
  expect(await lab(page).locator('.lab-timeline').nth(1).locator('line.lab-message').count()).toBeGreaterThan(3);
  expect(watched.problems).toEqual([]);
});

test('the fenced lease is safe under the same pause: the storage rejects the late writes', async ({ page }) => {
  await open(page, '?schedule=gc-pause&seed=1&clients=3');
  await page.getByRole('button', { name: 'Load the fenced lease' }).click();
  await page.getByRole('button', { name: 'Run the lab' }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'safe', { timeout: 30_000 });
  await expect(verdict(page)).toContainText(/[1-9]\d* rejected by the storage \(fencing at work\)/);
});

test('reader code that never returns is stopped by the time limit, and the page stays responsive', async ({ page }) => {
  await open(page);
  await replaceCode(page, 'export function lockServer(node) { node.onMessage(() => { while (true) {} }); }\nexport function lockClient(node) { return { acquire(done) { node.send(node.serverId, "hi"); }, release() {} }; }\n');
  await page.getByRole('button', { name: 'Run the lab' }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'timeout', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Run the lab' })).toBeEnabled();
});

test('a syntax error is reported with its line, not run', async ({ page }) => {
  await open(page);
  await replaceCode(page, 'export function lockServer(node) {\n  const = 1;\n}\n');
  await page.getByRole('button', { name: 'Run the lab' }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'load-error');
  await expect(verdict(page)).toContainText(/line 2/);
});
