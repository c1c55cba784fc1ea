import { countNines, downtimeFromFraction, kOfNAvailability, multiWindowAlerts, parallelAvailability, seriesAvailability } from '@compendium/models';
import { expect, test } from '@playwright/test';
import { gotoHydrated, recordDialogs, watchPage } from './helpers.ts';

const PAGE = '/tools/failure-analyzer/';
const fixed = (value: number, digits: number) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (fraction: number, digits: number) => `${fixed(fraction * 100, digits)} %`;
/** Burn rates as the tool shows them: at most two decimals, no trailing zeros. */
const burn = (value: number) => fixed(value, 2).replace(/\.?0+$/, '');

test('composing series, parallel and k-of-n blocks shows the models’ availability, nines and downtime', async ({ page }) => {
  const watcher = watchPage(page);
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="failure"]');
  await tool.getByLabel('Series component 1', { exact: true }).fill('0.999');
  await tool.getByLabel('Series component 2', { exact: true }).fill('0.999');
  await tool.getByLabel('Parallel component 1', { exact: true }).fill('0.99');
  await tool.getByLabel('Parallel component 2', { exact: true }).fill('0.99');
  await tool.getByLabel(/^k, needed/).fill('2');
  await tool.getByLabel(/^n, in the group/).fill('3');
  await tool.getByLabel(/^Component availability/).fill('0.99');

  const expected = seriesAvailability([0.999, 0.999]) * parallelAvailability([0.99, 0.99]) * kOfNAvailability(2, 3, 0.99);
  // 1 − A is 0.24 %, so two decimals carry two significant digits of it.
  await expect(tool.locator('[data-result="availability"]')).toHaveText(pct(expected, 2));
  await expect(tool.locator('[data-result="nines"]')).toHaveText(fixed(countNines(expected)!, 2));
  const downtime = downtimeFromFraction(expected);
  await expect(tool.locator('[data-period="year"] td')).toHaveText(`${fixed(downtime.downtimePerYearS / 3600, 1)} h`);
  await expect(tool.locator('[data-period="30-day"] td')).toHaveText(`${fixed(downtime.downtimePer30DayMonthS / 3600, 2)} h`);
  await expect(tool.locator('[data-period="day"] td')).toHaveText(`${fixed(downtime.downtimePerDayS / 60, 2)} min`);
  await expect(tool.locator('[data-result="product"]')).toContainText(`2-of-3 ${pct(kOfNAvailability(2, 3, 0.99), 3)}`);
  await expect(tool.locator('[data-result="diagram"] rect')).toHaveCount(7);
  await expect(page).toHaveURL(/\?series=0\.999,0\.999&parallel=0\.99,0\.99&k=2&n=3&component=0\.99$/);
  expect(watcher.problems).toEqual([]);
});

test('a page’s link opens exactly its composition, and the URL carries the state through a reload', async ({ page }) => {
  // Axiom 3, exercise 3: a configuration service in series with two replicas; no k-of-n group in the link.
  await gotoHydrated(page, `${PAGE}?series=0.9995&parallel=0.995,0.995&slo=0.999&window=30`);
  const tool = page.locator('[data-tool="failure"]');
  const expected = 0.9995 * parallelAvailability([0.995, 0.995]);
  await expect(tool.locator('[data-result="availability"]')).toHaveText(pct(expected, 3));
  await expect(tool.getByRole('button', { name: 'Add a k-of-n group' })).toBeVisible();
  await expect(tool.locator('[data-result="diagram"] rect')).toHaveCount(3);

  await tool.getByLabel(/^SLO window/).fill('28');
  await tool.locator('#mode-0-impact').fill('10');
  await expect(page).toHaveURL(/\?series=0\.9995&parallel=0\.995,0\.995&k=&n=&component=&window=28&modes=Primary\+database\+loses\+its\+disk~3~10~3\|/);
  const url = page.url();
  await gotoHydrated(page, url);
  await expect(tool.getByLabel(/^SLO window/)).toHaveValue('28');
  await expect(tool.locator('#mode-0-impact')).toHaveValue('10');
  await expect(tool.getByLabel('Parallel component 2', { exact: true })).toHaveValue('0.995');
  await expect(tool.locator('[data-result="availability"]')).toHaveText(pct(expected, 3));
  await expect(tool.getByRole('button', { name: 'Add a k-of-n group' })).toBeVisible();
});

test('an SLO gives the error budget and the SRE Workbook burn-rate thresholds from the models', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="failure"]');
  await tool.getByLabel(/^SLO \(fraction/).fill('0.9995');
  await tool.getByLabel(/^SLO window/).fill('28');
  await tool.getByLabel(/^Request rate/).fill('50');

  const windowS = 28 * 86_400;
  await expect(tool.locator('[data-result="budget-fraction"]')).toHaveText('0.050 %');
  await expect(tool.locator('[data-result="bad-time"]')).toHaveText(`${fixed((0.0005 * windowS) / 60, 1)} min`);
  await expect(tool.locator('[data-result="bad-requests"]')).toHaveText(fixed(0.0005 * 50 * windowS, 0));
  const alerts = multiWindowAlerts(0.9995, windowS);
  // Error-ratio thresholds 0.672 %, 0.28 % and 0.0467 %, each shown to two significant digits.
  const ratioDigits = [2, 2, 3];
  for (const [i, alert] of alerts.entries()) {
    const cells = tool.locator(`[data-alert="${i}"] td`);
    await expect(cells.nth(3)).toHaveText(burn(alert.burnRate));
    await expect(cells.nth(4)).toHaveText(pct(alert.errorRatioThreshold, ratioDigits[i]!));
  }
  await expect(tool.locator('[data-alert="0"] td').nth(3)).toHaveText('13.44');
  await expect(tool.locator('.tool-chart canvas')).toHaveCount(1);
  // The default composition, 99.93 %, misses 99.95 % and meets 99.9 %.
  await expect(tool.locator('[data-result="design"]')).toContainText('it misses the SLO');
  await tool.getByLabel(/^SLO \(fraction/).fill('0.999');
  await expect(tool.locator('[data-result="design"]')).toContainText('it meets the SLO');
});

test('the failure-mode table is editable, ranked by RPN and kept in the URL', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="failure"]');
  await expect(tool.locator('[data-rank="1"] th')).toHaveText('Bad config push');

  await tool.locator('#mode-2-likelihood').fill('10');
  await expect(tool.locator('[data-rank="1"] th')).toHaveText('Dependency timeout storm');
  await expect(tool.locator('[data-rank="1"] td').last()).toHaveText(String(10 * 6 * 5));

  await tool.getByRole('button', { name: 'Add a failure mode' }).click();
  await tool.locator('#mode-5-name').fill('Clock skew breaks leases');
  await tool.locator('#mode-5-likelihood').fill('2');
  await tool.locator('#mode-5-impact').fill('8');
  await tool.locator('#mode-5-detectability').fill('9');
  await expect(tool.locator('[data-result="ranking"] tbody tr')).toHaveCount(6);
  await expect(tool.locator('[data-rank="3"] th')).toHaveText('Clock skew breaks leases');
  await expect(page).toHaveURL(/modes=.*\|Clock\+skew\+breaks\+leases~2~8~9$/);

  await tool.getByRole('button', { name: 'Remove failure mode 1' }).click();
  await expect(tool.locator('[data-result="ranking"]')).not.toContainText('Primary database loses its disk');

  await tool.locator('#mode-0-detectability').fill('11');
  await expect(tool.getByText('Failure mode 1: detectability must be a whole number from 1 to 10, got "11"')).toBeVisible();
  await expect(tool.locator('#mode-0-detectability')).toHaveAttribute('aria-invalid', 'true');
  await expect(tool.locator('[data-result="left-out"]')).toHaveText('One row is left out of the ranking until it is fixed.');
  await expect(tool.locator('[data-result="ranking"] tbody tr')).toHaveCount(4);
});

test('bad input gets a named message beside the field, and no figure computed from anything else', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="failure"]');
  const series1 = tool.getByLabel('Series component 1', { exact: true });
  await series1.fill('99.9');
  await expect(tool.getByText('Series components, entry 1: availability must be a fraction from 0 to 1 (0.999 = 99.9 %), got 99.9')).toBeVisible();
  await expect(series1).toHaveAttribute('aria-invalid', 'true');
  await expect(tool.locator('[data-result="composition-error"]')).toHaveText('Fix the marked inputs above to compose the availability.');
  await expect(tool.locator('[data-result="availability"]')).toHaveCount(0);
  await series1.fill('0.999');
  await expect(tool.locator('[data-result="availability"]')).toHaveText(pct(0.999 * 0.9995 * parallelAvailability([0.999, 0.999]) * kOfNAvailability(2, 3, 0.995), 2));

  await tool.getByLabel(/^k, needed/).fill('4');
  await expect(tool.locator('[data-result="composition-error"]')).toHaveText('The k-of-n group cannot be computed: k must be at most n (3), got 4.');
  await tool.getByLabel(/^n, in the group/).fill('');
  await expect(tool.locator('[data-result="group-error"]')).toHaveText('The k-of-n group needs k, n and the component availability: fill in all three, or remove the group.');

  await tool.getByLabel(/^SLO \(fraction/).fill('1');
  await expect(tool.getByText('SLO must be a fraction between 0 and 1, exclusive (0.999 = 99.9 %), got 1')).toBeVisible();
  await expect(tool.locator('[data-result="budget-error"]')).toHaveText('Fix the marked inputs above to see the error budget.');
  await expect(tool).not.toContainText(/NaN|Infinity|undefined/);
});

test('a hostile URL is refused safely', async ({ page }) => {
  const dialogs = recordDialogs(page);
  const query = new URLSearchParams({
    series: '<img src=x onerror=alert(1)>',
    slo: '1e999',
    window: '-5',
    rps: '9'.repeat(5000),
    k: '5',
    n: '3',
    component: '0.9',
    modes: '<script>alert(1)</script>~1~1~1|Fine~99~1~1|Ok~2~3~4',
  });
  await gotoHydrated(page, `${PAGE}?${query}`);
  const tool = page.locator('[data-tool="failure"]');
  await expect(tool.getByText('Series components, entry 1: availability must be a number, got "<img src=x onerror=alert…"')).toBeVisible();
  await expect(tool.getByText('SLO must be a number, got "1e999"')).toBeVisible();
  await expect(tool.getByText('SLO window must be at least 7 days')).toBeVisible();
  await expect(tool.getByText('Request rate is too long')).toBeVisible();
  await expect(tool.locator('[data-result="group-error"]')).toHaveText('The k-of-n group cannot be computed: k must be at most n (3), got 5.');
  await expect(tool.locator('[data-result="composition-error"]')).toHaveText('Fix the marked inputs above to compose the availability.');
  await expect(tool.locator('[data-result="budget-error"]')).toHaveText('Fix the marked inputs above to see the error budget.');
  await expect(tool.getByText("Failure mode 1: name may hold only letters, digits, spaces and . , ; : ' ( ) / & + % # ! ? _ -")).toBeVisible();
  await expect(tool.getByText('Failure mode 2: likelihood must be a whole number from 1 to 10, got "99"')).toBeVisible();
  await expect(tool.locator('[data-result="ranking"] tbody tr')).toHaveCount(1);
  await expect(tool.locator('img, script')).toHaveCount(0);
  await expect(tool).not.toContainText(/NaN|Infinity|undefined/);
  expect(dialogs).toEqual([]);
});

test('the tool works by keyboard alone', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="failure"]');
  await tool.getByLabel('Series component 1', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(tool.getByRole('button', { name: 'Remove series component 1' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(tool.getByLabel('Series component 2', { exact: true })).toBeFocused();
  await tool.getByRole('button', { name: 'Add a series component' }).focus();
  await page.keyboard.press('Enter');
  await expect(tool.getByLabel('Series component 3', { exact: true })).toHaveValue('0.999');
  await tool.getByRole('button', { name: 'Remove the k-of-n group' }).focus();
  await page.keyboard.press('Enter');
  await expect(tool.getByRole('button', { name: 'Add a k-of-n group' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(tool.locator('.fa-diagram')).toBeFocused();
  await expect(tool.locator('[data-result="diagram"] rect')).toHaveCount(5);
  await expect(page).toHaveURL(/k=&n=&component=/);
});
