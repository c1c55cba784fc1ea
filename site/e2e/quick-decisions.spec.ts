import { cheHitRatio, effectiveLatency, headroom, latencyBetween, seriesAvailability } from '@compendium/models';
import { readState } from '@compendium/tools/fields';
import { adrMarkdown, decisionsFields, decisionsReport, formatAvailability, formatMs, formatNumber, formatPercent, TREES } from '@compendium/tools/decisions-tool';
import { expect, type Page, test } from '@playwright/test';
import { gotoHydrated, recordDialogs, watchPage } from './helpers.ts';

const PAGE = '/tools/quick-decisions/';

/** The record the page should show for its current address, built by the tested module with the page's own date and origin. */
async function expectedRecord(page: Page): Promise<string> {
  const url = new URL(page.url());
  const date = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  const state = readState(decisionsFields, url.search);
  const report = decisionsReport(state.values, state.errors);
  return adrMarkdown(report, { title: state.values.title, context: state.values.context, status: state.values.status, date, siteUrl: url.origin, sourceUrl: url.href })!;
}

test('a keyboard walk through “cache or not” computes the models’ figures and ends in a record', async ({ page }) => {
  const watcher = watchPage(page);
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="decisions"]');
  await expect(tool.locator('[data-result="progress"]')).toHaveText('Question 1 of up to 3');
  await expect(tool.getByRole('group', { name: 'Is each item read many times between changes?' })).toBeVisible();

  // Keyboard only: focus the first answer, choose it with the space bar, move on with Enter.
  await tool.getByRole('radio', { name: /^Yes: items are read/ }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(tool.locator('[data-result="progress"]')).toHaveText('Question 2 of up to 3');
  // Focus moved to the new question, on the answer the default figures point to.
  await expect(tool.getByRole('radio', { name: /^Yes, and only with the cache/ })).toBeFocused();
  await expect(tool.getByRole('radio', { name: /^Yes, and only with the cache/ })).toBeChecked();

  await tool.getByLabel(/^Catalogue size/).fill('50000');
  await tool.getByLabel(/^Cache size/).fill('5000');
  await tool.getByLabel(/^Popularity skew/).fill('0.9');
  await tool.getByLabel(/^Peak read rate/).fill('8000');
  await tool.getByLabel(/^Origin capacity/).fill('4000');
  await tool.getByLabel(/^Hit latency/).fill('0.5');
  await tool.getByLabel(/^Miss latency/).fill('40');
  await tool.getByLabel(/^Mean latency target/).fill('25');

  const h = cheHitRatio({ items: 50_000, cacheSize: 5_000, zipfExponent: 0.9 }).hitRatio;
  const figures = tool.locator('[data-result="figures"]');
  await expect(figures.locator('[data-figure="hit-ratio"] dd')).toHaveText(formatPercent(h));
  await expect(figures.locator('[data-figure="latency"] dd')).toHaveText(formatMs(effectiveLatency(h, 0.5, 40)));
  await expect(figures.locator('[data-figure="origin-load"] dd')).toHaveText(`${formatNumber(8_000 * (1 - h))} requests/s`);
  await expect(figures.locator('[data-figure="headroom"] dd')).toHaveText(formatPercent(headroom(8_000 * (1 - h), 4_000)));
  await expect(page).toHaveURL(/answers=yes&rate=8000&origin=4000&items=50000&cached=5000&hit=0\.5&miss=40&target=25$/);

  // Without the cache 8,000 requests/s overload a 4,000 origin; with it the misses fit and the mean meets 25 ms.
  expect(8_000 * (1 - h)).toBeLessThan(4_000);
  expect(effectiveLatency(h, 0.5, 40)).toBeLessThan(25);
  await expect(tool.getByRole('radio', { name: /^Yes, and only with the cache/ })).toBeChecked();
  await tool.getByLabel(/^Mean latency target/).press('Enter');
  await tool.getByRole('radio', { name: /^Yes: seconds or minutes/ }).check();
  await tool.getByRole('button', { name: 'Next' }).click();

  const outcome = tool.locator('[data-result="outcome"]');
  await expect(outcome).toHaveAttribute('data-outcome', 'cache-aside');
  await expect(tool.locator('[data-result="decision"]')).toBeFocused();
  await expect(tool.locator('[data-result="path"] [data-on-path]')).toHaveCount(4);
  await expect(tool.locator('[data-result="adr"]')).toHaveText(await expectedRecord(page), { useInnerText: true });
  await expect(tool).not.toContainText(/NaN|Infinity|undefined/);
  expect(watcher.problems).toEqual([]);
});

test('a shared URL opens at its question with its figures, and survives a reload', async ({ page }) => {
  await gotoHydrated(page, `${PAGE}?tree=consistency&answers=yes&regions=new-york,london&stretch=1&budget=100`);
  const tool = page.locator('[data-tool="decisions"]');
  await expect(tool.getByLabel('Decision', { exact: true })).toHaveValue('consistency');
  await expect(tool.getByLabel(/^Replica regions/)).toHaveValue('new-york,london');
  const rtt = latencyBetween('New York', 'London', 1).rttMs;
  await expect(tool.locator('[data-figure="commit"] dd')).toHaveText(formatMs(rtt));
  await expect(tool.locator('[data-figure="worst"] dd')).toHaveText(formatMs(2 * rtt));
  await expect(tool.getByRole('radio', { name: /^No: the quorum round trips are too slow/ })).toBeChecked();
  await expect(tool.locator('[data-result="steps"] li')).toHaveCount(1);

  await tool.getByRole('button', { name: 'Next' }).click();
  await tool.getByRole('radio', { name: /^Yes: records belong to a region/ }).check();
  await tool.getByRole('button', { name: 'Next' }).click();
  await tool.getByLabel('Title', { exact: true }).fill('Home accounts in their region');
  await tool.getByLabel('Context', { exact: true }).fill('Accounts are opened in one country.\nTransfers between regions are rare.');
  await tool.getByLabel('Status', { exact: true }).selectOption('accepted');
  await expect(page).toHaveURL(/answers=yes,too-slow,yes/);
  const shared = page.url();

  const second = await page.context().newPage();
  await gotoHydrated(second, shared);
  const again = second.locator('[data-tool="decisions"]');
  await expect(again.locator('[data-result="outcome"]')).toHaveAttribute('data-outcome', 'home-linearizable');
  await expect(again.getByLabel('Title', { exact: true })).toHaveValue('Home accounts in their region');
  const record = await expectedRecord(second);
  expect(record).toContain('# Home accounts in their region\n');
  expect(record).toContain('## Status\n\nAccepted\n');
  expect(record).toContain('Accounts are opened in one country.\nTransfers between regions are rare.\n');
  await expect(again.locator('[data-result="adr"]')).toHaveText(record, { useInnerText: true });
});

test('Back restores the previous answer, Change rewinds to a question, Start over returns to the first', async ({ page }) => {
  await gotoHydrated(page, `${PAGE}?tree=shard-key&answers=exceeds,range`);
  const tool = page.locator('[data-tool="decisions"]');
  await expect(tool.locator('[data-result="progress"]')).toHaveText('Question 3 of up to 3');
  await tool.getByRole('button', { name: 'Back' }).click();
  await expect(tool.locator('[data-result="progress"]')).toHaveText('Question 2 of up to 3');
  await expect(tool.getByRole('radio', { name: /^A range of an ordered key/ })).toBeChecked();
  await expect(tool.getByRole('radio', { name: /^A range of an ordered key/ })).toBeFocused();
  await expect(page).toHaveURL(/answers=exceeds$/);

  await tool.getByRole('button', { name: /^Change answer 1:/ }).click();
  await expect(tool.locator('[data-result="progress"]')).toHaveText('Question 1 of up to 3');
  await expect(tool.getByRole('radio', { name: /^Yes: the load needs several shards/ })).toBeChecked();
  await tool.getByRole('button', { name: 'Next' }).click();
  await tool.getByRole('button', { name: 'Next' }).click();
  await expect(tool.getByText('Choose an answer to continue.')).toBeVisible();
  await tool.getByRole('button', { name: 'Start over' }).click();
  await expect(page).not.toHaveURL(/answers=/);
  await expect(tool.getByRole('radio', { name: /^No: one node is enough/ })).toBeChecked(); // what the default figures say
});

test('the other trees are one choice away, and their figures come from the models', async ({ page }) => {
  await gotoHydrated(page, `${PAGE}?answers=yes`);
  const tool = page.locator('[data-tool="decisions"]');
  await tool.getByLabel('Decision', { exact: true }).selectOption('sync-async');
  await expect(page).toHaveURL(/tree=sync-async$/);
  await tool.getByRole('radio', { name: /^No: the caller only needs to know/ }).check();
  await tool.getByRole('button', { name: 'Next' }).click();
  await tool.getByLabel(/^Services in the synchronous chain/).fill('0.999, 0.9995, 0.999');
  await tool.getByLabel(/^Broker availability/).fill('0.99995');
  const sync = seriesAvailability([0.999, 0.9995, 0.999]);
  const asyncA = seriesAvailability([0.999, 0.99995]);
  await expect(tool.locator('[data-figure="sync"] dd')).toHaveText(formatAvailability(sync));
  await expect(tool.locator('[data-figure="async"] dd')).toHaveText(formatAvailability(asyncA));
  await expect(tool.getByRole('radio', { name: 'Neither meets it The figures point here' })).toBeChecked();
});

test('copy puts the record on the clipboard, and download saves it as Markdown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoHydrated(page, `${PAGE}?tree=sql-nosql&answers=no,adhoc&title=Orders%20in%20Postgres`);
  const tool = page.locator('[data-tool="decisions"]');
  const record = await expectedRecord(page);
  await tool.getByRole('button', { name: 'Copy' }).click();
  await expect(tool.locator('[data-result="notice"]')).toHaveText('Copied the record to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(record);

  const [download] = await Promise.all([page.waitForEvent('download'), tool.getByRole('button', { name: 'Download .md' }).click()]);
  expect(download.suggestedFilename()).toBe('adr-orders-in-postgres.md');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path, 'utf8')).toBe(record);
});

test('without a clipboard, copy selects the record and says how to copy it', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  await gotoHydrated(page, `${PAGE}?answers=no`);
  const tool = page.locator('[data-tool="decisions"]');
  await tool.getByRole('button', { name: 'Copy' }).click();
  await expect(tool.locator('[data-result="notice"]')).toHaveText('This browser did not let the page copy. The record is now selected: press Ctrl+C (⌘C on a Mac) to copy it.');
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected.trim()).toBe((await expectedRecord(page)).trim());
});

test('bad input gets a message beside the field and no figures, never NaN', async ({ page }) => {
  await gotoHydrated(page, `${PAGE}?answers=yes`);
  const tool = page.locator('[data-tool="decisions"]');
  await tool.getByLabel(/^Catalogue size/).fill('0');
  await expect(tool.getByText('Catalogue size must be at least 1 items')).toBeVisible();
  await expect(tool.getByLabel(/^Catalogue size/)).toHaveAttribute('aria-invalid', 'true');
  await expect(tool.locator('[data-result="figures-message"]')).toHaveText('Correct Catalogue size to see the figures.');
  await tool.getByLabel(/^Miss latency/).fill('fast');
  await expect(tool.getByText('Miss latency must be a number, got "fast"')).toBeVisible();
  await expect(tool).not.toContainText(/NaN|Infinity|undefined/);
  await expect(tool.locator('.qd-badge')).toHaveCount(0);
});

test('a hostile URL is refused safely, with every refusal named', async ({ page }) => {
  const dialogs = recordDialogs(page);
  const img = encodeURIComponent('<img src=x onerror=alert(1)>');
  await gotoHydrated(page, `${PAGE}?answers=no&title=${img}&context=${encodeURIComponent('<script>alert(1)</script>')}&items=1e999&status=final`);
  const tool = page.locator('[data-tool="decisions"]');
  await expect(tool.getByText('Title may contain only letters, digits, spaces and common punctuation; "<" is not allowed')).toBeVisible();
  await expect(tool.getByText('Context may contain only letters, digits, spaces and common punctuation; "<" is not allowed')).toBeVisible();
  const refused = tool.locator('[data-result="address-errors"]');
  await expect(refused).toContainText('Catalogue size must be a number, got "1e999"');
  await expect(tool.getByText('Status must be one of proposed, accepted, deprecated, superseded, got "final"')).toBeVisible();
  await expect(tool.locator('img, script')).toHaveCount(0);
  await expect(tool.locator('[data-result="adr"]')).toContainText('# Do not cache this data');
  await expect(tool.locator('[data-result="adr"]')).not.toContainText('<');
  await expect(tool.locator('[data-result="adr"]')).toContainText('## Status\n\nProposed');

  await gotoHydrated(page, `${PAGE}?answers=no,${img}`);
  await expect(tool.getByText('Answers, entry 2: "<img src=x onerror=alert…" is not an answer id (lower-case letters, digits and hyphens)')).toBeVisible();
  await expect(tool.locator('[data-result="progress"]')).toHaveText('Question 1 of up to 3');
  await expect(tool.locator('img, script')).toHaveCount(0);
  expect(dialogs).toEqual([]);

  await gotoHydrated(page, `${PAGE}?answers=yes,maybe`);
  await expect(tool.locator('[data-result="path-error"]')).toHaveText(
    'Answers, entry 2: "maybe" is not an answer to this question; its answers are needed, not-needed, not-enough',
  );
  await expect(tool.locator('[data-result="progress"]')).toHaveText('Question 2 of up to 3');
});

test('every Compendium link a decision gives leads to a page of the site, anchors included', async ({ request }) => {
  const hrefs = new Set(Object.values(TREES).flatMap((tree) => Object.values(tree.outcomes).flatMap((o) => o.links.map((l) => l.href))));
  expect(hrefs.size).toBeGreaterThan(20);
  for (const href of hrefs) {
    const [path, anchor] = href.split('#') as [string, string | undefined];
    const response = await request.get(path);
    expect(response.status(), href).toBe(200);
    if (anchor) expect(await response.text(), href).toContain(`id="${anchor}"`);
  }
});
