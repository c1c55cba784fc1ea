/** Every page of the sitemap, in a real Chromium: it loads cleanly, passes axe in both themes and fits 375 px. */
import { expect, test } from '@playwright/test';
import { axeViolations, setTheme, sitemapPaths, watchPage } from './helpers.ts';

const paths = sitemapPaths();

// AA contrast rules only: WCAG 2.2 AA is the bar, as in the light theme's full run.
const CONTRAST_RULES = ['color-contrast', 'link-in-text-block'];

test('the sitemap lists every page', () => {
  expect(paths.length).toBeGreaterThanOrEqual(57);
});

for (const path of paths) {
  test(`page ${path}`, async ({ page }) => {
    const watcher = watchPage(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').first()).toBeVisible();

    await setTheme(page, 'light');
    expect(await axeViolations(page), 'axe, light theme').toEqual([]);
    await setTheme(page, 'dark');
    expect(await axeViolations(page, { onlyRules: CONTRAST_RULES }), 'axe, dark theme').toEqual([]);

    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal scroll at 375 px').toBeLessThanOrEqual(0);

    expect(watcher.problems).toEqual([]);
  });
}
