import {
  cacheTierEconomics,
  commitmentBreakEven,
  costPerMillionRequests,
  effectiveLatency,
  instancesFor,
  monthlyComputeCost,
  PRICES,
  PRICES_AS_OF,
  totalCostOfOwnership,
} from '@compendium/models';
import { expect, test } from '@playwright/test';
import { gotoHydrated, recordDialogs, watchPage } from './helpers.ts';

const PAGE = '/tools/cost-analyzer/';
const REQUESTS_PER_MONTH_AT = (rate: number) => rate * 730 * 3600;

/** The page's money format: whole dollars from 100 up, cents below, four digits under ten cents. */
function usd(value: number): string {
  const size = Math.abs(value);
  const digits = size >= 100 || size === 0 ? 0 : size >= 0.1 ? 2 : 4;
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${text.replace(/^-/, '−')} USD`;
}
const pct = (fraction: number, digits = 1) => `${(fraction * 100).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} %`;

test('typing a service shows the models’ TCO, break-even and unit cost, and writes the URL', async ({ page }) => {
  const watcher = watchPage(page);
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="cost"]');
  await tool.getByLabel(/^Horizon/).fill('12');
  await tool.getByLabel(/^Instances/).fill('4');
  await tool.getByLabel(/^On-demand price/).fill('0.1');
  await tool.getByLabel(/^Committed-use price/).fill('0.07');
  await tool.getByLabel(/^Storage \(/).fill('1000');
  await tool.getByLabel(/^Egress \(/).fill('2000');
  await tool.getByLabel(/^People/).fill('0.5');
  await tool.getByLabel(/^Loaded cost per FTE-year/).fill('150000');
  await tool.getByLabel(/^Request rate/).fill('100');

  const expected = totalCostOfOwnership({
    horizonMonths: 12,
    instances: 4,
    hourlyPrice: 0.1,
    storageGb: 1000,
    storagePricePerGbMonth: PRICES.awsS3StandardUsEast1.value,
    egressGbPerMonth: 2000,
    egressPricePerGb: PRICES.awsDataTransferOutUsEast1.value,
    engineers: 0.5,
    costPerEngineerYear: 150_000,
  });
  await expect(tool.locator('[data-result="total"]')).toHaveText(usd(expected.overHorizon.total));
  await expect(tool.locator('[data-result="monthly"]')).toHaveText(usd(expected.monthly.total));
  for (const category of ['compute', 'storage', 'egress', 'people'] as const) {
    await expect(tool.locator(`[data-result="tco"] [data-row="${category}"] td`).nth(1)).toHaveText(usd(expected.overHorizon[category]));
  }
  await expect(tool.locator('[data-result="per-million"]')).toHaveText(usd(costPerMillionRequests(expected.monthly.total, REQUESTS_PER_MONTH_AT(100))));
  await expect(tool.locator('[data-result="unit-costs"] [data-row="compute"] td')).toHaveText(
    usd(costPerMillionRequests(expected.monthly.compute, REQUESTS_PER_MONTH_AT(100))),
  );
  const breakEven = commitmentBreakEven(0.1, 0.07);
  await expect(tool.locator('[data-result="break-even"]')).toHaveText(pct(breakEven.breakEvenUtilization));
  await expect(tool.locator('[data-result="discount"]')).toHaveText(pct(breakEven.discount));
  await expect(tool.locator('[data-result="committed-total"]')).toHaveText(usd(monthlyComputeCost(4, 0.07) * 12));
  await expect(tool.locator('[data-result="commitment-verdict"]')).toContainText('committing saves');
  await expect(page).toHaveURL(/months=12&instances=4&hourly=0\.1&committed=0\.07&storage=1000&egress=2000&fte=0\.5&loaded=150000&rate=100$/);
  await expect(tool.locator('.tool-chart canvas')).toHaveCount(2);
  await expect(tool.locator('.cost-chart svg polygon')).toHaveCount(4);
  expect(watcher.problems).toEqual([]);
});

test('below the break-even utilization on demand wins, and the plan prices the total', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="cost"]');
  await tool.getByLabel(/^Share of hours needed/).fill('0.4');
  await expect(tool.locator('[data-result="commitment-verdict"]')).toContainText('below the break-even of 60.0 %: on demand saves');
  const hourly = PRICES.awsEc2M7iLargeUsEast1.value;
  await expect(tool.locator('[data-result="tco"] [data-row="compute"] td').first()).toHaveText(usd(monthlyComputeCost(6, hourly) * 0.4));
  // Choose the committed plan by keyboard: the compute line switches to the committed price for every hour.
  await tool.getByLabel('On demand', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tool.getByLabel('Committed use', { exact: true })).toBeChecked();
  const committed = Number((hourly * 0.6).toFixed(6));
  await expect(tool.locator('[data-result="tco"] [data-row="compute"] td').first()).toHaveText(usd(monthlyComputeCost(6, committed)));
  await expect(page).toHaveURL(/used=0\.4&plan=committed/);
});

test('the cache tier shows origin instances saved, its cost, the net and the latency', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="cost"]');
  await tool.getByLabel(/^Instances/).fill('10');
  await tool.getByLabel(/^Cache hit ratio/).fill('0.55');
  await tool.getByLabel(/^Cache nodes/).fill('2');
  await tool.getByLabel(/^Hit latency/).fill('1');
  await tool.getByLabel(/^Miss latency/).fill('30');
  const hourly = PRICES.awsEc2M7iLargeUsEast1.value;
  const after = instancesFor(300 * 0.45, 300 / 10);
  expect(after).toBe(5);
  const cacheCost = monthlyComputeCost(2, hourly);
  await expect(tool.locator('[data-result="origin"]')).toHaveText(`10 → ${after}`);
  await expect(tool.locator('[data-result="cache-cost"]')).toHaveText(usd(cacheCost));
  await expect(tool.locator('[data-result="cache-net"]')).toHaveText(usd(monthlyComputeCost(10 - after, hourly) - cacheCost));
  await expect(tool.locator('[data-result="latency"]')).toHaveText(`${effectiveLatency(0.55, 1, 30).toFixed(2)} ms`);
  await expect(tool.locator('[data-result="cache-verdict"]')).toContainText('pays from a hit ratio of 20.0 %');
  const proportional = cacheTierEconomics({
    requestsPerMonth: REQUESTS_PER_MONTH_AT(300),
    hitRatio: 0.55,
    originCostPerMillion: costPerMillionRequests(monthlyComputeCost(10, hourly), REQUESTS_PER_MONTH_AT(300)),
    cacheCostPerMonth: cacheCost,
  });
  await expect(tool).toContainText(`net ${usd(proportional.netSavingPerMonth)}`);
});

test('every default price shows its date and source, and a table price can be used by keyboard', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="cost"]');
  const hint = tool.locator('#cost-hourly-hint');
  await expect(hint).toContainText(`list price as of ${PRICES_AS_OF}`);
  await expect(hint).toContainText('Prices change');
  await expect(hint.getByRole('link')).toHaveAttribute('href', PRICES.awsEc2M7iLargeUsEast1.source);
  await expect(tool.locator('#cost-storagePrice-hint')).toContainText(PRICES_AS_OF);
  await expect(tool.locator('#cost-egressPrice-hint')).toContainText(PRICES_AS_OF);
  await expect(tool.locator('#cost-loaded-hint')).toContainText('An assumption, not a market figure');
  await expect(tool.locator('[data-result="prices"] tbody tr')).toHaveCount(Object.keys(PRICES).length);

  const gcp = PRICES.gcpN2Standard2UsCentral1;
  await tool.getByRole('button', { name: `Use ${gcp.value} USD/hour as the on-demand price` }).focus();
  await page.keyboard.press('Enter');
  await expect(tool.getByLabel(/^On-demand price/)).toHaveValue(String(gcp.value));
  await expect(tool.locator('[data-price="gcpN2Standard2UsCentral1"]')).toContainText('in use');
  await expect(page).toHaveURL(new RegExp(`hourly=${gcp.value}`));
  await expect(tool.locator('[data-result="tco"] [data-row="compute"] td').first()).toHaveText(usd(monthlyComputeCost(6, gcp.value)));
});

test('a shared URL opens with its inputs and results, and survives a reload', async ({ page }) => {
  const query = '?months=36&instances=20&hourly=0.1008&committed=0.06048&egress=8000&rate=500&hit=0.9&fte=2';
  await gotoHydrated(page, `${PAGE}${query}`);
  const tool = page.locator('[data-tool="cost"]');
  await expect(tool.getByLabel(/^Horizon/)).toHaveValue('36');
  await expect(tool.getByLabel(/^Cache hit ratio/)).toHaveValue('0.9');
  const expected = totalCostOfOwnership({
    horizonMonths: 36,
    instances: 20,
    hourlyPrice: 0.1008,
    storageGb: 2000,
    egressGbPerMonth: 8000,
    engineers: 2,
    costPerEngineerYear: 200_000,
  });
  await expect(tool.locator('[data-result="total"]')).toHaveText(usd(expected.overHorizon.total));
  await expect(tool.locator('[data-result="origin"]')).toHaveText('20 → 2');

  await tool.getByLabel(/^Storage \(/).fill('500');
  const shared = page.url();
  expect(shared).toContain('storage=500');
  await gotoHydrated(page, shared);
  await expect(tool.getByLabel(/^Storage \(/)).toHaveValue('500');
  await expect(tool.locator('[data-result="total"]')).toHaveText(
    usd(totalCostOfOwnership({ horizonMonths: 36, instances: 20, hourlyPrice: 0.1008, storageGb: 500, egressGbPerMonth: 8000, engineers: 2, costPerEngineerYear: 200_000 }).overHorizon.total),
  );
});

test('bad input gets a message beside the field, never NaN or a blank', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="cost"]');
  await tool.getByLabel(/^Cache hit ratio/).fill('1.5');
  await expect(tool.getByText('Cache hit ratio must be at most 1')).toBeVisible();
  await expect(tool.getByLabel(/^Cache hit ratio/)).toHaveAttribute('aria-invalid', 'true');
  await tool.getByLabel(/^Instances/).fill('2.5');
  await expect(tool.getByText('Instances must be a whole number, got 2.5')).toBeVisible();
  await tool.getByLabel(/^Request rate/).fill('');
  await expect(tool.getByText('Request rate is required')).toBeVisible();
  await expect(tool).not.toContainText(/NaN|Infinity|undefined/);
  await expect(tool.locator('[data-result="total"]')).not.toBeEmpty();
  await expect(tool.locator('[data-result="break-even"]')).not.toBeEmpty();
});

test('a hostile URL is refused safely', async ({ page }) => {
  const dialogs = recordDialogs(page);
  const payload = encodeURIComponent('<img src=x onerror=alert(1)>');
  await gotoHydrated(page, `${PAGE}?hourly=${payload}&months=1e999&rate=${'9'.repeat(5000)}&plan=${encodeURIComponent('<script>alert(1)</script>')}&hit=-1`);
  const tool = page.locator('[data-tool="cost"]');
  await expect(tool.getByText('On-demand price must be a number, got "<img src=x onerror=alert…"')).toBeVisible();
  await expect(tool.getByText('Horizon must be a number, got "1e999"')).toBeVisible();
  await expect(tool.getByText('Request rate is too long')).toBeVisible();
  await expect(tool.getByText('Compute priced must be one of on-demand, committed, got "<script>alert(1)</script…"')).toBeVisible();
  await expect(tool.getByText('Cache hit ratio must be at least 0')).toBeVisible();
  await expect(tool.locator('img, script')).toHaveCount(0);
  await expect(tool).not.toContainText(/NaN|Infinity|undefined/);
  // The rest still computes from the defaults.
  await expect(tool.locator('[data-result="total"]')).not.toBeEmpty();
  expect(dialogs).toEqual([]);
});
