import { createRaftCluster } from '@compendium/sim';
import { expect, type Page, test } from '@playwright/test';
import { watchPage } from './helpers.ts';

const PAGE = '/part2-pillars/truth/';
const viz = (page: Page) => page.locator('[data-raft]');
const clock = (page: Page) => viz(page).locator('output.raft-clock');

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${PAGE}${query}#raft-live`);
  await viz(page).scrollIntoViewIfNeeded();
  await expect(viz(page).locator('[data-server]')).toHaveCount(query.includes('nodes=3') ? 3 : 5);
}

test('the Raft cluster in the browser is the cluster Node runs: same leader, terms and logs at the same moment', async ({ page }) => {
  const watched = watchPage(page);
  await open(page, '?nodes=5&seed=7&t=1');
  await expect(clock(page)).toHaveText('1.000 s');
  const inNode = createRaftCluster({ nodes: 5, seed: 7 });
  inNode.advance(1);
  for (const node of inNode.snapshot().nodes) {
    const drawn = viz(page).locator(`[data-server="${node.id}"]`);
    await expect(drawn).toHaveAttribute('data-role', node.role);
    await expect(drawn).toHaveAttribute('data-term', String(node.term));
    await expect(viz(page).locator(`tr[data-log="${node.id}"] td.raft-entry`)).toHaveCount(node.log.length);
  }
  expect(watched.problems).toEqual([]);
});

test('crashing the leader from the keyboard elects a new one, and the link replays the crash', async ({ page }) => {
  const watched = watchPage(page);
  await open(page, '?nodes=5&seed=7&t=1');
  const leader = await viz(page).locator('[data-role="leader"]').getAttribute('data-server');
  expect(leader).not.toBeNull();
  await page.getByLabel('Server', { exact: true }).selectOption(leader!);
  await page.getByRole('button', { name: `Crash ${leader}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-raft-notice]')).toHaveText(`${leader} crashed.`);
  await expect(viz(page).locator(`[data-server="${leader}"]`)).toHaveAttribute('data-role', 'down');
  for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Step 100 ms' }).click();
  await expect(clock(page)).toHaveText('2.000 s');
  const newLeader = viz(page).locator('[data-role="leader"]');
  await expect(newLeader).toHaveCount(1);
  const elected = await newLeader.getAttribute('data-server');
  expect(elected).not.toBe(leader);
  await expect(page).toHaveURL(/inputs=.*&t=2(&|#|$)/);

  // The address bar is the whole run: a fresh page on it shows the same moment.
  const url = page.url();
  const other = await page.context().newPage();
  await other.goto(url);
  await viz(other).scrollIntoViewIfNeeded();
  await expect(clock(other)).toHaveText('2.000 s');
  await expect(viz(other).locator(`[data-server="${leader}"]`)).toHaveAttribute('data-role', 'down');
  await expect(viz(other).locator(`[data-server="${elected}"]`)).toHaveAttribute('data-role', 'leader');
  expect(watched.problems).toEqual([]);
});

test('a damaged link names what it could not use and starts from the defaults', async ({ page }) => {
  await page.goto(`${PAGE}?nodes=12&seed=x#raft-live`);
  await expect(viz(page).getByRole('alert').filter({ hasText: 'Servers must be at most 9' })).toBeVisible();
  await expect(viz(page).getByRole('alert').filter({ hasText: /Seed must be a number/ })).toBeVisible();
  await expect(viz(page).locator('[data-server]')).toHaveCount(5);
});

test('the partitioned-old-leader scenario shows two leaders in different terms, then one log after the heal', async ({ page }) => {
  const watched = watchPage(page);
  await page.goto(`${PAGE}?scenario=partitioned-old-leader&t=2.5#raft-live`);
  await viz(page).scrollIntoViewIfNeeded();
  await expect(viz(page).locator('[data-raft-scenario="partitioned-old-leader"]')).toBeVisible();
  await expect(clock(page)).toHaveText('2.500 s');
  const leaders = viz(page).locator('[data-role="leader"]');
  await expect(leaders).toHaveCount(2);
  const terms = await leaders.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-term')));
  expect(new Set(terms).size).toBe(2);
  // After the heal at 3 s the old leader steps down and its uncommitted entry is replaced: every log reads the same.
  await page.getByRole('slider', { name: 'Time' }).fill('4');
  await expect(clock(page)).toHaveText('4.000 s');
  await expect(viz(page).locator('[data-role="leader"]')).toHaveCount(1);
  const logs = await viz(page).locator('tr[data-log]').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td.raft-entry')].map((c) => `${c.querySelector('.raft-entry-term')?.textContent}:${c.querySelector('.raft-entry-command')?.textContent}`).join('|')));
  expect(new Set(logs).size).toBe(1);
  expect(logs[0]).not.toContain('x=old');
  expect(watched.problems).toEqual([]);
});

test('one chosen message can be dropped, and the drop is part of the shared run', async ({ page }) => {
  await open(page, '?nodes=3&seed=4&t=1');
  const leader = await viz(page).locator('[data-role="leader"]').getAttribute('data-server');
  await page.getByLabel('Server', { exact: true }).selectOption(leader!);
  const follower = (await page.getByLabel('Drop one message to').locator('option').first().getAttribute('value'))!;
  await page.getByRole('button', { name: `Drop the next message from ${leader} to ${follower}` }).click();
  await expect(page.locator('[data-raft-notice]')).toHaveText(new RegExp(`(message in flight from ${leader} to ${follower} is lost|next message sent on that link will be lost)`));
  await expect(page).toHaveURL(/inputs=/);
});
