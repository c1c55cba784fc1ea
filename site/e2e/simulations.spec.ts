import { simulateMmc } from '@compendium/sim';
import { expect, type Page, test } from '@playwright/test';
import { watchPage } from './helpers.ts';

const figure = (page: Page, key: string) => page.locator(`[data-simulation] tr[data-figure="${key}"] td`).first();
const status = (page: Page) => page.locator('[data-simulation-status]');

async function runToEnd(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(status(page)).toHaveText(/^Finished/, { timeout: 90_000 });
}

test('the queue simulation runs in a worker and gives, bit for bit, the run Node gives for the same seed', async ({ page }) => {
  const watched = watchPage(page);
  const params = { rate: 80, serviceTime: 0.1, servers: 10, customers: 20_000 };
  await page.goto(`/quantitative/capacity-planning/?seed=3&customers=${params.customers}`);
  await page.locator('[data-simulation]').scrollIntoViewIfNeeded();
  await expect(status(page)).toHaveText(/^Paused at 0\.0 s/);
  await runToEnd(page);
  const inNode = simulateMmc(params, 3);
  await expect(figure(page, 'meanWait')).toHaveAttribute('data-value', String(inNode.meanWait));
  await expect(figure(page, 'p99Wait')).toHaveAttribute('data-value', String(inNode.p99Wait));
  // Erlang C sits beside the simulated figure.
  await expect(page.locator('[data-simulation] tr[data-figure="meanWait"] td').nth(1)).toHaveText(/^0\.02\d\d s$/);
  expect(watched.problems).toEqual([]);
});

test('controls work from the keyboard, and a bad input names the field instead of running', async ({ page }) => {
  await page.goto('/patterns/load-balancing/');
  await page.locator('[data-simulation]').scrollIntoViewIfNeeded();
  await expect(status(page)).toHaveText(/^Paused at 0\.0 s/);
  await page.getByRole('button', { name: 'Step' }).focus();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(/^Paused at [1-9]/);
  const servers = page.getByLabel('Servers N');
  await servers.fill('0');
  await expect(page.getByText(/Servers N must be at least 2/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply and reset' })).toBeDisabled();
  await servers.fill('5');
  // 90 requests a second of 0.1 s each need more than 9 servers: the model's own rule is shown and nothing runs.
  await expect(page.getByRole('alert').filter({ hasText: /offered load|utilization|stable/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply and reset' })).toBeDisabled();
  await servers.fill('12');
  await page.getByRole('button', { name: 'Apply and reset' }).click();
  await expect(page).toHaveURL(/servers=12/);
  await expect(status(page)).toHaveText(/^Paused at 0\.0 s/);
});

for (const path of ['/patterns/retry-backoff/', '/patterns/circuit-breaker/', '/patterns/bulkhead/', '/patterns/load-shedding/', '/patterns/auto-scaling/', '/patterns/caching-strategies/']) {
  test(`the simulation on ${path} runs and draws without an error`, async ({ page }) => {
    const watched = watchPage(page);
    await page.goto(path);
    await page.locator('[data-simulation]').scrollIntoViewIfNeeded();
    await expect(status(page)).toHaveText(/^Paused at 0\.0 s/);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step' }).click();
    await expect(status(page)).toHaveText(/^Paused at (?!0\.0 s)/);
    const drawn = await page.locator('[data-simulation] .tool-chart canvas').count();
    expect(drawn).toBeGreaterThan(0);
    expect(watched.problems).toEqual([]);
  });
}
