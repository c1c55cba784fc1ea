import { bestLeader, findPlace, protocolCost, rttMatrixFromPlaces } from '@compendium/models';
import { expect, test } from '@playwright/test';
import { gotoHydrated, recordDialogs, watchPage } from './helpers.ts';

const PAGE = '/tools/consensus-chooser/';
const oneDecimal = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const matrixFor = (ids: string[], stretch: number) => rttMatrixFromPlaces(ids.map((id) => findPlace(id)), stretch);

test('typing a placement shows the models’ commit latency and message counts, and writes the URL', async ({ page }) => {
  const watcher = watchPage(page);
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="consensus"]');
  await tool.getByLabel('Nodes', { exact: true }).fill('3');
  await tool.getByLabel('Region 2', { exact: true }).fill('eu-west-1');
  await tool.getByLabel('Region 3', { exact: true }).fill('ap-northeast-1');
  await tool.getByLabel(/^Route stretch/).fill('1');

  const ids = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];
  const best = bestLeader(matrixFor(ids, 1));
  const raft = tool.locator('[data-result="table"] tr[data-protocol="raft"]');
  await expect(raft.locator('[data-col="commit"]')).toHaveText(oneDecimal(best.commitLatency));
  await expect(raft.locator('[data-col="messages"]')).toContainText(String(protocolCost('raft', 3).messages));
  await expect(raft.locator('[data-col="faults"]')).toHaveText('1');
  await expect(tool.locator('[data-result="table"] tr[data-protocol="pbft"] [data-col="rank"]')).toHaveText('excluded');
  await expect(tool.locator('[data-result="ranking"]')).toContainText(`from the leader in ${ids[best.leader]} to a quorum of 2: ${oneDecimal(best.commitLatency)} ms`);
  await expect(page).toHaveURL(/nodes=3&regions=us-east-1,eu-west-1,ap-northeast-1&stretch=1$/);
  expect(watcher.problems).toEqual([]);
});

test('the fault model and the consistency filter the ranking', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="consensus"]');
  const ranked = tool.locator('[data-result="ranking"] > li');
  await expect(ranked.first()).toHaveAttribute('data-protocol', 'raft');

  await tool.getByLabel('Byzantine (nodes may lie)').check();
  await expect(ranked).toHaveCount(2);
  await expect(tool.locator('[data-result="ranking"] > li[data-protocol="pbft"]')).toBeVisible();
  await expect(tool.locator('[data-result="excluded"] li[data-protocol="raft"]')).toContainText('It tolerates crash faults only, and you asked for Byzantine tolerance.');
  await expect(tool.locator('tr[data-protocol="pbft"] [data-col="messages"]')).toContainText(String(protocolCost('pbft', 5).messages));
  await expect(tool.locator('[data-result="bars"] li')).toHaveCount(2);

  await tool.getByLabel('Crash (nodes stop)').check();
  await tool.getByLabel('Eventual').check();
  await expect(ranked.first()).toHaveAttribute('data-protocol', 'crdt');
  await expect(page).toHaveURL(/consistency=eventual$/);
});

test('a shared URL for atomic commit opens with its inputs and puts 2PC first', async ({ page }) => {
  const ids = ['us-east-1', 'us-east-2', 'eu-west-1', 'eu-central-1'];
  await gotoHydrated(page, `${PAGE}?need=atomic-commit&nodes=4&regions=${ids.join(',')}&stretch=1`);
  const tool = page.locator('[data-tool="consensus"]');
  await expect(tool.getByLabel('Atomic commit across shards')).toBeChecked();
  await expect(tool.getByLabel('Nodes', { exact: true })).toHaveValue('4');
  await expect(tool.getByLabel('Region 4', { exact: true })).toHaveValue('eu-central-1');
  await expect(tool.locator('[data-result="answer"]')).toHaveText(/^Commit across shards with two-phase commit, and replicate each shard with /);
  // 2PC waits for every participant, twice: twice the round trip from the best coordinator to its farthest participant.
  const matrix = matrixFor(ids, 1);
  const farthest = Math.min(...matrix.map((row) => Math.max(...row)));
  const twoPc = tool.locator('[data-result="table"] tr[data-protocol="2pc"]');
  await expect(twoPc.locator('[data-col="rank"]')).toHaveText('1 (commit)');
  await expect(twoPc.locator('[data-col="commit"]')).toHaveText(oneDecimal(2 * farthest));
  await expect(twoPc.locator('[data-col="messages"]')).toContainText(String(protocolCost('2pc', 4).messages));
  await expect(tool.locator('[data-result="matrix"] tbody tr')).toHaveCount(4);
});

test('bad input gets a message beside the field, never NaN or a blank', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="consensus"]');
  await tool.getByLabel('Nodes', { exact: true }).fill('0');
  await expect(tool.getByText('Nodes must be at least 1')).toBeVisible();
  await expect(tool.getByLabel('Nodes', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await tool.getByLabel(/^Read fraction/).fill('1.5');
  await expect(tool.getByText('Read fraction must be at most 1')).toBeVisible();
  await tool.getByLabel('Region 2', { exact: true }).fill('Atlantis');
  await expect(tool.getByText('Regions, entry 2: no city or cloud region is called "Atlantis"')).toBeVisible();
  await tool.getByLabel('Region 2', { exact: true }).fill('us-east-1');
  await expect(tool.getByText('Regions, entry 2: us-east-1 is already listed')).toBeVisible();
  await expect(tool).not.toContainText(/NaN|Infinity|undefined/);
  await expect(tool.locator('[data-result="answer"]')).not.toBeEmpty();

  // Two nodes: only chain replication survives a crash with linearizable reads, and the left-out region is named.
  await tool.getByLabel('Region 2', { exact: true }).fill('us-west-2');
  await tool.getByLabel('Nodes', { exact: true }).fill('2');
  await expect(tool.locator('[data-result="placement-note"]')).toHaveText('2 nodes cannot cover 3 regions: eu-west-1 gets no replica and is left out.');
  await expect(tool.locator('[data-result="ranking"] > li')).toHaveCount(1);
  await expect(tool.locator('[data-result="ranking"] > li').first()).toHaveAttribute('data-protocol', 'chain');
});

test('a hostile URL is refused safely', async ({ page }) => {
  const dialogs = recordDialogs(page);
  const payload = encodeURIComponent('<img src=x onerror=alert(1)>');
  await gotoHydrated(page, `${PAGE}?regions=${payload},london&nodes=1e999&reads=${'9'.repeat(5000)}&consistency=${encodeURIComponent('<script>alert(1)</script>')}&latency=-5`);
  const tool = page.locator('[data-tool="consensus"]');
  await expect(tool.getByText('Regions, entry 1: no city or cloud region is called "<img src=x onerror=alert…"')).toBeVisible();
  await expect(tool.getByText('Nodes must be a number, got "1e999"')).toBeVisible();
  await expect(tool.getByText('Read fraction is too long')).toBeVisible();
  await expect(tool.getByText('Consistency must be one of linearizable, sequential, causal, eventual, got "<script>alert(1)</script…"')).toBeVisible();
  await expect(tool.getByText('Write latency budget must be greater than 0 ms')).toBeVisible();
  await expect(tool.locator('img')).toHaveCount(0);
  await expect(tool).not.toContainText(/NaN|Infinity/);
  // Every field fell back to its default, so the default answer still shows.
  await expect(tool.locator('[data-result="ranking"] > li').first()).toHaveAttribute('data-protocol', 'raft');
  expect(dialogs).toEqual([]);
});

test('the tool works by keyboard alone', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  const tool = page.locator('[data-tool="consensus"]');
  await tool.getByLabel('Crash (nodes stop)').focus();
  await page.keyboard.press('ArrowDown');
  await expect(tool.getByLabel('Byzantine (nodes may lie)')).toBeChecked();
  await expect(page).toHaveURL(/faults=byzantine$/);
  await tool.getByRole('button', { name: 'Add a region' }).focus();
  await page.keyboard.press('Enter');
  await expect(tool.getByLabel('Region 4', { exact: true })).toBeVisible();
  await expect(tool.getByText('Regions, entry 4')).toHaveCount(0);
  await tool.getByLabel('Region 4', { exact: true }).focus();
  await page.keyboard.type('ap-south-1');
  await expect(tool.getByLabel('Region 4', { exact: true })).toHaveValue('ap-south-1');
  await expect(tool.locator('[data-result="matrix"] tbody tr')).toHaveCount(4);
  // The wide table scrolls by keyboard: it is focusable.
  await tool.locator('section[aria-label^="All protocols"]').focus();
  await expect(tool.locator('section[aria-label^="All protocols"]')).toBeFocused();
});
