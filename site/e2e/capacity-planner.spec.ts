import { fitUsl, mmc, serviceLevel, staffing } from '@compendium/models';
import { expect, test } from '@playwright/test';
import { gotoHydrated, watchPage } from './helpers.ts';

const PAGE = '/tools/capacity-planner/';
const pct = (fraction: number) => `${(fraction * 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;

test('typing the SPEC call-centre example shows Erlang C figures from the models', async ({ page }) => {
  const watcher = watchPage(page);
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="capacity"]');
  await tool.getByLabel(/^Arrival rate/).fill('0.2');
  await tool.getByLabel(/^Mean service time/).fill('240');
  await tool.getByLabel('Servers', { exact: true }).fill('55');
  await tool.getByLabel(/^Target wait/).fill('20');
  await tool.getByLabel(/^Service-level goal/).fill('0.8');

  const expected = mmc({ arrivalRate: 0.2, serviceTime: 240, servers: 55 });
  await expect(tool.locator('[data-result="prob-wait"]')).toHaveText(pct(expected.probWait));
  await expect(tool.locator('[data-result="utilization"]')).toHaveText(pct(expected.utilization));
  await expect(tool.locator('[data-result="mean-wait"]')).toHaveText(`${expected.meanWait.toFixed(2)} s`);
  await expect(tool.locator('[data-result="service-level"]')).toHaveText(pct(serviceLevel(expected, 20)));
  const staffed = staffing({ arrivalRate: 0.2, serviceTime: 240, targetWait: 20, serviceLevel: 0.8 });
  await expect(tool.locator('[data-result="staffing"] strong')).toHaveText(String(staffed.servers));
  await expect(page).toHaveURL(/rate=0\.2&service=240&servers=55&target=20&level=0\.8/);
  expect(watcher.problems).toEqual([]);
});

test('too few servers is called unstable, never a number', async ({ page }) => {
  await gotoHydrated(page, `${PAGE}?rate=100&service=0.1&servers=9`);
  const tool = page.locator('[data-tool="capacity"]');
  await expect(tool.locator('[data-result="unstable"]')).toContainText('Unstable');
  await expect(tool).not.toContainText(/NaN|Infinity/);
});

test('a shared URL with measured points shows their USL fit', async ({ page }) => {
  const points = [
    [1, 64.9],
    [18, 995.9],
    [36, 1652.4],
    [72, 1853.2],
    [108, 1828.9],
  ] as const;
  await gotoHydrated(page, `${PAGE}?usl=${points.map(([n, x]) => `${n}:${x}`).join(',')}`);
  const fit = fitUsl(points.map(([concurrency, throughput]) => ({ concurrency, throughput })));
  const usl = page.locator('[data-result="usl"]');
  await expect(usl).toContainText(fit.sigma.toFixed(5));
  await expect(usl).toContainText(fit.kappa.toExponential(3));
  await expect(page.locator('.tool-chart canvas')).toHaveCount(3);
});

test('hostile and malformed URL state is refused with named messages', async ({ page }) => {
  await gotoHydrated(page, `${PAGE}?rate=${encodeURIComponent('<script>alert(1)</script>')}&servers=2.5&level=1&usl=1:2:3`);
  const tool = page.locator('[data-tool="capacity"]');
  await expect(tool.getByText('Arrival rate must be a number, got "<script>alert(1)</script…"')).toBeVisible();
  await expect(tool.getByText('Servers must be a whole number, got 2.5')).toBeVisible();
  await expect(tool.getByText('Service-level goal must be at most 0.9999')).toBeVisible();
  await expect(tool.getByText('Measured points, entry 1: write each point as concurrency:throughput, e.g. 8:450')).toBeVisible();
  await expect(tool).not.toContainText(/NaN|Infinity/);
  await expect(tool.locator('[data-result="staffing"] strong')).not.toBeEmpty();
});
