import { latencyBetween, timeToFirstByteMs } from '@compendium/models';
import { expect, test } from '@playwright/test';
import { gotoHydrated, recordDialogs, watchPage } from './helpers.ts';

const PAGE = '/tools/latency-calculator/';
const oneDecimal = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

test('typing places and a stretch shows the models’ figures and writes them to the URL', async ({ page }) => {
  const watcher = watchPage(page);
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="latency"]');
  await tool.getByLabel('Place 1', { exact: true }).fill('New York');
  await tool.getByLabel('Place 2', { exact: true }).fill('London');
  await tool.getByLabel('Route stretch').fill('1');

  const expected = latencyBetween('New York', 'London', 1);
  await expect(tool.locator('[data-result="distance"]')).toHaveText(`${Math.round(expected.distanceKm).toLocaleString('en-US')} km`);
  await expect(tool.locator('[data-result="rtt-floor"]')).toHaveText(`${oneDecimal(expected.rttMs)} ms`);
  await expect(tool.locator('[data-result="rtt"]')).toHaveText(`${oneDecimal(expected.rttMs)} ms`);
  await expect(tool.locator('[data-stack="tcp+tls1.3"] td').last()).toHaveText(`${oneDecimal(timeToFirstByteMs('tcp+tls1.3', expected.rttMs))} ms`);
  await expect(page).toHaveURL(/places=New(\+|%20)York,London,tokyo&stretch=1$/);
  expect(watcher.problems).toEqual([]);
});

test('a shared URL opens with its inputs and results', async ({ page }) => {
  await gotoHydrated(page, `${PAGE}?places=tokyo,us-east-1,eu-west-2&stretch=2`);
  const tool = page.locator('[data-tool="latency"]');
  await expect(tool.getByLabel('Place 2', { exact: true })).toHaveValue('us-east-1');
  const expected = latencyBetween('tokyo', 'us-east-1', 2);
  await expect(tool.locator('[data-result="rtt"]')).toHaveText(`${oneDecimal(expected.rttMs)} ms`);
  await expect(tool.locator('[data-result="matrix"] tbody tr')).toHaveCount(3);
});

test('bad input gets a message beside the field, never NaN or a blank', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="latency"]');
  await tool.getByLabel('Route stretch').fill('0.5');
  await expect(tool.getByText('Route stretch must be at least 1')).toBeVisible();
  await expect(tool.getByLabel('Route stretch')).toHaveAttribute('aria-invalid', 'true');
  await tool.getByLabel('Place 2', { exact: true }).fill('Atlantis');
  await expect(tool.getByText('Places, entry 2: no city or cloud region is called "Atlantis"')).toBeVisible();
  await expect(tool).not.toContainText(/NaN|Infinity|undefined/);
  await expect(tool.locator('[data-result="rtt"]')).not.toBeEmpty();
});

test('a hostile URL is refused safely', async ({ page }) => {
  const dialogs = recordDialogs(page);
  const payload = encodeURIComponent('<img src=x onerror=alert(1)>');
  await gotoHydrated(page, `${PAGE}?places=${payload},london&stretch=1e999&payload=${'9'.repeat(5000)}&bandwidth=-5`);
  const tool = page.locator('[data-tool="latency"]');
  await expect(tool.getByText('Places, entry 1: no city or cloud region is called "<img src=x onerror=alert…"')).toBeVisible();
  await expect(tool.getByText('Route stretch must be a number, got "1e999"')).toBeVisible();
  await expect(tool.getByText('Bandwidth must be greater than 0 Mbit/s')).toBeVisible();
  await expect(tool.locator('img')).toHaveCount(0);
  await expect(tool).not.toContainText(/NaN|Infinity/);
  expect(dialogs).toEqual([]);
});

test('the tool works by keyboard alone', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="latency"]');
  await tool.getByLabel('Place 1', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(tool.getByLabel('Place 2', { exact: true })).toBeFocused();
  await tool.getByRole('button', { name: 'Add a place' }).focus();
  await page.keyboard.press('Enter');
  await expect(tool.getByLabel('Place 4', { exact: true })).toBeVisible();
});
