import {
  bestLeader,
  cheHitRatio,
  downtimeFromFraction,
  effectiveLatency,
  headroom,
  latencyBetween,
  lookupPlace,
  monthsUntilExhausted,
  type Place,
  projectLoad,
  rttMatrixFromPlaces,
  seriesAvailability,
  zipfProbabilities,
} from '@compendium/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADR_STATUSES,
  adrFileName,
  adrMarkdown,
  COMPUTED_INPUTS,
  type ComputedView,
  computeFigures,
  type DecisionsReport,
  decisionsFields,
  decisionsReport,
  formatAvailability,
  formatDuration,
  formatMs,
  formatNumber,
  formatPercent,
  INPUT_INFO,
  longestPath,
  MAX_ANSWERS,
  TREE_IDS,
  TREES,
  VERDICTS,
  walkTree,
} from '../src/decisions-tool.ts';
import { readState, writeState } from '../src/fields.ts';
import { decisionsToolUrl } from '../src/links.ts';

const stateFor = (query: string) => readState(decisionsFields, query);
const reportFor = (query: string) => {
  const state = stateFor(query);
  return decisionsReport(state.values, state.errors);
};
const figures = (view: ComputedView | undefined) => {
  if (!view?.ok) throw new Error(view ? view.message : 'no computed view');
  return Object.fromEntries(view.figures.map((f) => [f.id, f.text]));
};
const adrFor = (report: DecisionsReport, extra: Partial<Parameters<typeof adrMarkdown>[1]> = {}) =>
  adrMarkdown(report, { title: '', context: '', status: 'proposed', ...extra });

describe('Quick Decisions: the trees', () => {
  it('are well formed: every answer leads somewhere, every decision is reachable, nothing loops', () => {
    for (const id of TREE_IDS) {
      const tree = TREES[id];
      expect(tree.id).toBe(id);
      expect(tree.questions[tree.start]).toBeDefined();
      const reached = new Set<string>();
      const visit = (node: string, depth: number) => {
        expect(depth, `${id}: the walk from ${tree.start} must end`).toBeLessThan(MAX_ANSWERS);
        reached.add(node);
        const question = tree.questions[node];
        if (!question) {
          expect(tree.outcomes[node], `${id}: ${node} is neither a question nor an outcome`).toBeDefined();
          return;
        }
        expect(question.id).toBe(node);
        expect(new Set(question.options.map((o) => o.id)).size, `${id}/${node}: answer ids are unique`).toBe(question.options.length);
        for (const option of question.options) {
          expect(option.id).toMatch(/^[a-z0-9-]{1,32}$/);
          visit(option.next, depth + 1);
        }
      };
      visit(tree.start, 0);
      expect([...Object.keys(tree.questions), ...Object.keys(tree.outcomes)].filter((n) => !reached.has(n)), `${id}: unreachable nodes`).toEqual([]);
      expect(longestPath(tree, tree.start)).toBeLessThanOrEqual(MAX_ANSWERS);
    }
  });

  it('offer, at every computed question, exactly the answers the figures can point to', () => {
    for (const tree of Object.values(TREES)) {
      for (const question of Object.values(tree.questions).filter((q) => q.computed)) {
        expect(question.options.map((o) => o.id).sort(), `${tree.id}/${question.id}`).toEqual([...VERDICTS[question.computed!]].sort());
      }
    }
  });

  it('give every decision its consequences, good and bad, its alternatives and Compendium links', () => {
    for (const tree of Object.values(TREES)) {
      for (const outcome of Object.values(tree.outcomes)) {
        expect(outcome.decision, outcome.id).toMatch(/^We will /);
        expect(outcome.good.length, outcome.id).toBeGreaterThan(0);
        expect(outcome.bad.length, outcome.id).toBeGreaterThan(0);
        expect(outcome.alternatives.length, outcome.id).toBeGreaterThan(0);
        expect(outcome.links.length, outcome.id).toBeGreaterThan(0);
        for (const link of outcome.links) expect(link.href).toMatch(/^\/(patterns|part1-axioms|part2-pillars|quantitative)\/[a-z0-9-]+\/(#[a-z0-9-]+)?$/);
      }
    }
  });

  it('describe every input a computed question shows', () => {
    for (const names of Object.values(COMPUTED_INPUTS)) for (const name of names) expect(INPUT_INFO[name], name).toBeDefined();
  });
});

describe('Quick Decisions: state and defaults', () => {
  it('opens on the cache tree, first question, with no errors, and a healthy system with the cache', () => {
    const state = stateFor('');
    expect(state.errors).toEqual({});
    const report = decisionsReport(state.values, state.errors);
    expect(report.tree.id).toBe('cache');
    expect(report.current?.question.id).toBe('read-heavy');
    expect(report.current?.number).toBe(1);
    expect(report.current?.atMost).toBe(3);
    expect(report.steps).toEqual([]);
    expect(report.outcome).toBeUndefined();
    const cache = computeFigures('cache', state.values);
    expect(cache.ok && cache.suggested).toBe('needed');
    const h = cheHitRatio({ items: 100_000, cacheSize: 10_000, zipfExponent: 0.9 }).hitRatio;
    expect(headroom(2_000 * (1 - h), 1_500)).toBeGreaterThan(0.3);
  });

  it('computes every tree’s numeric questions at the defaults, never NaN', () => {
    const values = stateFor('').values;
    for (const kind of Object.keys(COMPUTED_INPUTS) as (keyof typeof COMPUTED_INPUTS)[]) {
      const view = computeFigures(kind, values);
      expect(view.ok, kind).toBe(true);
      if (view.ok) expect(JSON.stringify(view)).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  it('reads a link built by links.ts and writes only what differs from the defaults', () => {
    const url = new URL(decisionsToolUrl('shard-key'), 'http://x');
    const state = stateFor(url.search);
    expect(state.values.tree).toBe('shard-key');
    expect(decisionsReport(state.values).current?.question.id).toBe('need-shards');
    const raw = { ...state.raw, answers: 'exceeds,entity', title: 'Shard orders' };
    expect(writeState(decisionsFields, raw)).toBe('?tree=shard-key&answers=exceeds,entity&title=Shard+orders');
  });

  it('walks answers to a decision, and numbers the questions on the way', () => {
    const report = reportFor('?tree=consistency&answers=no,no');
    expect(report.steps.map((s) => s.question.id)).toEqual(['invariant', 'own-writes']);
    expect(report.current?.question.id).toBe('concurrent');
    expect(report.current?.number).toBe(3);
    expect(report.current?.atMost).toBe(3);
    const done = reportFor('?tree=consistency&answers=no,no,mergeable');
    expect(done.outcome?.id).toBe('crdt');
    expect(done.current).toBeUndefined();
    expect(walkTree(TREES.cache, ['yes', 'needed', 'yes'])).toMatchObject({ outcome: { id: 'cache-aside' } });
    expect(walkTree(TREES['sync-async'], []).current?.id).toBe('needs-result');
  });
});

describe('Quick Decisions: the figures', () => {
  it('cache or not: Che’s hit ratio, effective latency and origin headroom from the models', () => {
    const query = '?items=50000&cached=2500&zipf=0.8&rate=10000&origin=4000&hit=0.5&miss=40&target=25';
    const view = computeFigures('cache', stateFor(query).values);
    const h = cheHitRatio({ items: 50_000, cacheSize: 2_500, zipfExponent: 0.8 }).hitRatio;
    const latency = effectiveLatency(h, 0.5, 40);
    const f = figures(view);
    expect(f['hit-ratio']).toBe(formatPercent(h));
    expect(f.latency).toBe(formatMs(latency));
    expect(f['origin-load']).toBe(`${formatNumber(10_000 * (1 - h))} requests/s`);
    expect(f.headroom).toBe(formatPercent(headroom(10_000 * (1 - h), 4_000)));
    expect(f['headroom-without']).toBe('-150.0 %');
  });

  it('cache or not: points to each answer as the numbers change', () => {
    const suggested = (query: string) => {
      const view = computeFigures('cache', stateFor(query).values);
      return view.ok ? view.suggested : view.message;
    };
    expect(suggested('')).toBe('needed');
    expect(suggested('?origin=5000&miss=15')).toBe('not-needed');
    expect(suggested('?origin=500')).toBe('not-enough');
    expect(suggested('?hit=19&miss=30')).toBe('not-enough'); // within capacity, but too slow even with the cache
    expect(suggested('?cached=100000')).toBe('needed'); // the whole catalogue: hit ratio 1
  });

  it('sync or async: series availability of the chain against the first service and the broker', () => {
    const values = stateFor('?chain=0.999,0.999,0.999&broker=0.9999&slo=0.999').values;
    const sync = seriesAvailability([0.999, 0.999, 0.999]);
    const async = seriesAvailability([0.999, 0.9999]);
    expect(sync).toBeCloseTo(0.997002999, 12);
    const view = computeFigures('accept', values);
    const f = figures(view);
    expect(f.sync).toBe('99.7 %');
    expect(f.async).toBe(formatAvailability(async));
    expect(f['sync-downtime']).toBe(`${formatDuration(downtimeFromFraction(sync).downtimePerMonthS)} a month`);
    expect(view.ok && view.suggested).toBe('neither'); // 0.999 × 0.9999 < 0.999
    const chain = computeFigures('chain', values);
    expect(chain.ok && chain.suggested).toBe('misses');
    expect(computeFigures('chain', stateFor('?chain=0.9995,0.9995&slo=0.999').values)).toMatchObject({ ok: true, suggested: 'meets' });
    expect(computeFigures('accept', stateFor('?chain=0.99999,0.9999&broker=0.99').values)).toMatchObject({ ok: true, suggested: 'sync-only' });
    expect(computeFigures('accept', stateFor('?chain=0.99999,0.9999&broker=0.99999').values)).toMatchObject({ ok: true, suggested: 'both' });
    expect(computeFigures('accept', stateFor('').values)).toMatchObject({ ok: true, suggested: 'async-only' });
  });

  it('consistency: the quorum commit and the slowest client write from the latency functions', () => {
    const view = computeFigures('quorum', stateFor('?regions=new-york,london&stretch=1&budget=100').values);
    const rtt = latencyBetween('New York', 'London', 1).rttMs;
    expect(rtt).toBeCloseTo(54.55, 2);
    const f = figures(view);
    expect(f.commit).toBe(formatMs(rtt));
    expect(f.worst).toBe(formatMs(2 * rtt));
    expect(view.ok && view.suggested).toBe('too-slow');

    const places = ['tokyo', 'singapore', 'sydney', 'mumbai', 'frankfurt'].map((p) => lookupPlace(p) as Place);
    const matrix = rttMatrixFromPlaces(places, 2);
    const best = bestLeader(matrix);
    const five = figures(computeFigures('quorum', stateFor('?regions=tokyo,singapore,sydney,mumbai,frankfurt&stretch=2&budget=1000').values));
    expect(five.leader).toBe(places[best.leader]!.name);
    expect(five.commit).toBe(formatMs(best.commitLatency));
    expect(five.worst).toBe(formatMs(Math.max(...matrix.map((row) => row[best.leader]! + best.commitLatency))));
  });

  it('capacity: compound growth, nodes at the target utilization and the runway of one node', () => {
    const values = stateFor('').values;
    const projected = projectLoad(2_000, 0.05, 18);
    expect(projected).toBeCloseTo(2_000 * 1.05 ** 18, 6);
    const f = figures(computeFigures('capacity', values));
    expect(f.projected).toBe('4,813 writes/s');
    expect(f.required).toBe(`${formatNumber(projected / 0.7)} writes/s`);
    expect(f.nodes).toBe('1');
    expect(f.runway).toBe(`in ${formatNumber(monthsUntilExhausted({ load: 2_000, capacity: 10_000, monthlyGrowth: 0.05, targetUtilization: 0.7 }).months!, 1)} months`);
    expect(f.runway).toBe('in 25.7 months');
    const big = computeFigures('capacity', stateFor('?writes=20000').values);
    expect(big).toMatchObject({ ok: true, suggested: 'exceeds' });
    expect(figures(big).nodes).toBe(String(Math.ceil(projectLoad(20_000, 0.05, 18) / 7_000)));
    expect(figures(computeFigures('capacity', stateFor('?growth=0').values)).runway).toBe('never, at this growth');
    expect(figures(computeFigures('capacity', stateFor('?writes=8000').values)).runway).toBe('already exceeded');
  });

  it('hot key: the top share of a Zipf law, against one shard at the target utilization', () => {
    // 1/H(10⁶) with H(n) ≈ ln n + γ + 1/(2n): 0.06948.
    expect(zipfProbabilities(1_000_000, 1)[0]!).toBeCloseTo(1 / (Math.log(1e6) + 0.5772156649 + 5e-7), 6);
    const values = stateFor('?keys=1000000&skew=1&writes=50000').values;
    const view = computeFigures('hot-key', values);
    const share = zipfProbabilities(1_000_000, 1)[0]!;
    const hot = share * projectLoad(50_000, 0.05, 18);
    const f = figures(view);
    expect(f.share).toBe('6.95 %');
    expect(f['hot-load']).toBe(`${formatNumber(hot)} writes/s`);
    expect(f.usable).toBe('7,000 writes/s');
    expect(f['hot-shards']).toBe(String(Math.ceil(hot / 7_000)));
    expect(view.ok && view.suggested).toBe('hot');
    expect(computeFigures('hot-key', stateFor('').values)).toMatchObject({ ok: true, suggested: 'fits' });
  });
});

describe('Quick Decisions: errors', () => {
  it('names the answer that is not an answer and keeps the ones before it', () => {
    const report = reportFor('?answers=yes,maybe,yes');
    expect(report.pathError).toBe('Answers, entry 2: "maybe" is not an answer to this question; its answers are needed, not-needed, not-enough');
    expect(report.steps).toHaveLength(1);
    expect(report.current?.question.id).toBe('load');
  });

  it('says how many answers came after the decision', () => {
    expect(reportFor('?answers=no,yes').pathError).toBe('Answers: the decision was reached after 1 answer; 1 more was ignored');
    expect(reportFor('?answers=no,yes,no').pathError).toBe('Answers: the decision was reached after 1 answer; 2 more were ignored');
    expect(reportFor('?answers=no,yes').outcome?.id).toBe('no-cache');
  });

  it('refuses answer ids, trees and statuses that are not plain words', () => {
    const state = stateFor(`?answers=${encodeURIComponent('<img src=x>')}&tree=nosql&status=final`);
    expect(state.errors.answers).toBe('Answers, entry 1: "<img src=x>" is not an answer id (lower-case letters, digits and hyphens)');
    expect(state.errors.tree).toBe('Decision tree must be one of cache, sql-nosql, sync-async, consistency, shard-key, got "nosql"');
    expect(state.errors.status).toBe(`Status must be one of ${ADR_STATUSES.join(', ')}, got "final"`);
    expect(stateFor(`?answers=${Array(11).fill('yes').join(',')}`).errors.answers).toBe('Answers takes at most 10 entries, got 11');
    expect(reportFor(`?answers=${encodeURIComponent('<img src=x>')}`).current?.question.id).toBe('read-heavy');
  });

  it('keeps the title and context to plain text of bounded length', () => {
    const title = decisionsFields.title;
    const context = decisionsFields.context;
    expect(title.parse('Cache the product catalogue (v2) — 99.9 %, “hot” items & C#')).toEqual({ ok: true, value: 'Cache the product catalogue (v2) — 99.9 %, “hot” items & C#' });
    expect(title.parse('  padded  ')).toEqual({ ok: true, value: 'padded' });
    expect(title.parse('x'.repeat(101))).toEqual({ ok: false, message: 'Title must be at most 100 characters, got 101' });
    expect(title.parse('two\nlines')).toEqual({ ok: false, message: 'Title must be a single line' });
    expect(title.parse('<script>alert(1)</script>')).toEqual({ ok: false, message: 'Title may contain only letters, digits, spaces and common punctuation; "<" is not allowed' });
    expect(title.parse('[click](javascript:alert(1))')).toEqual({ ok: false, message: 'Title may contain only letters, digits, spaces and common punctuation; "[" is not allowed' });
    expect(title.parse('bell\u0007')).toEqual({ ok: false, message: 'Title may contain only letters, digits, spaces and common punctuation; the character U+0007 is not allowed' });
    expect(title.parse('abc\u202Edef')).toEqual({ ok: false, message: 'Title may contain only letters, digits, spaces and common punctuation; the character U+202E is not allowed' });
    expect(context.parse('Line one\r\nLine two')).toEqual({ ok: true, value: 'Line one\nLine two' });
    expect(context.parse('y'.repeat(1_001))).toEqual({ ok: false, message: 'Context must be at most 1,000 characters, got 1,001' });
    expect(context.parse(Array(21).fill('a').join('\n'))).toEqual({ ok: false, message: 'Context must be at most 20 lines' });
    expect(context.parse('`code`')).toEqual({ ok: false, message: 'Context may contain only letters, digits, spaces and common punctuation; "`" is not allowed' });
  });

  it('lets no markup through, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = decisionsFields.context.parse(text);
        if (result.ok) expect(result.value).not.toMatch(/[<>[\]{}`\\|]/);
        else expect(result.message).toMatch(/^Context /);
      }),
    );
  });

  it('names the numeric field and its rule, and withholds figures until it is fixed', () => {
    const state = stateFor('?items=0&zipf=-1&chain=0.999,1.5&regions=london,atlantis&util=0&horizon=2.5&slo=1');
    expect(state.errors.items).toBe('Catalogue size must be at least 1 items');
    expect(state.errors.zipf).toBe('Popularity skew (Zipf exponent) must be at least 0');
    expect(state.errors.chain).toBe('Services in the synchronous chain, entry 2: availability must be above 0 and at most 1 (0.999 = 99.9 %), got 1.5');
    expect(state.errors.regions).toBe('Replica regions, entry 2: no city or cloud region is called "atlantis"');
    expect(state.errors.util).toBe('Target utilization must be greater than 0');
    expect(state.errors.horizon).toBe('Planning horizon must be a whole number, got 2.5');
    expect(state.errors.slo).toBe('Availability objective must be at most 0.999999');
    expect(computeFigures('cache', state.values, state.errors)).toEqual({ ok: false, kind: 'cache', message: 'Correct Catalogue size and Popularity skew (Zipf exponent) to see the figures.' });
    expect(computeFigures('quorum', state.values, state.errors)).toEqual({ ok: false, kind: 'quorum', message: 'Correct Replica regions to see the figures.' });
    expect(computeFigures('hot-key', state.values, state.errors)).toEqual({ ok: false, kind: 'hot-key', message: 'Correct Target utilization and Planning horizon to see the figures.' });
    expect(computeFigures('accept', state.values, state.errors)).toEqual({ ok: false, kind: 'accept', message: 'Correct Services in the synchronous chain and Availability objective to see the figures.' });
  });

  it('turns a model’s refusal into a sentence instead of an exception', () => {
    const values = { ...stateFor('').values, items: 0 };
    expect(computeFigures('cache', values)).toEqual({ ok: false, kind: 'cache', message: 'The models cannot compute this: items must be a whole number ≥ 1, got 0.' });
  });

  it('never throws and never shows NaN, whatever the answers and numbers', () => {
    const answer = fc.constantFrom('yes', 'no', 'needed', 'not-needed', 'not-enough', 'fits', 'exceeds', 'entity', 'range', 'mixed', 'hot', 'too-slow', 'meets', 'misses', 'both', 'one', 'x');
    fc.assert(
      fc.property(
        fc.constantFrom(...TREE_IDS),
        fc.array(answer, { maxLength: 6 }),
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        (tree, answers, rate, skew, growth) => {
          const query = `?tree=${tree}&answers=${answers.join(',')}&rate=${rate}&writes=${rate}&zipf=${skew}&skew=${skew}&growth=${growth}&items=2000&keys=2000`;
          const report = reportFor(query);
          expect(Boolean(report.current) !== Boolean(report.outcome)).toBe(true);
          const text = JSON.stringify([report.current?.computed, report.steps.map((s) => s.computed)]);
          expect(text).not.toMatch(/NaN|Infinity/);
          if (report.outcome) expect(adrFor(report)).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('Quick Decisions: the picture of the path', () => {
  it('lays the whole tree out and marks the path taken', () => {
    const report = reportFor('?answers=yes,needed');
    const { nodes, edges, width, height } = report.layout;
    expect(nodes.filter((n) => n.kind === 'question')).toHaveLength(3);
    expect(nodes.filter((n) => n.kind === 'outcome')).toHaveLength(6);
    expect(edges).toHaveLength(nodes.length - 1);
    expect(width).toBe(2 * 14 + 5 * 34);
    expect(height).toBe(2 * 14 + 3 * 44);
    expect(nodes.filter((n) => n.onPath).map((n) => [n.id, n.step])).toEqual([
      ['staleness', 3],
      ['load', 2],
      ['read-heavy', 1],
    ]);
    expect(nodes.find((n) => n.current)?.id).toBe('staleness');
    expect(edges.filter((e) => e.onPath).map((e) => e.to)).toEqual(['read-heavy/yes/needed', 'read-heavy/yes']);
    for (const n of nodes) {
      expect(n.x).toBeGreaterThanOrEqual(14);
      expect(n.x).toBeLessThanOrEqual(width - 14);
    }
  });

  it('keeps two routes to the same decision apart', () => {
    const layout = reportFor('?tree=sql-nosql&answers=no,adhoc').layout;
    const relational = layout.nodes.filter((n) => n.id === 'relational');
    expect(relational).toHaveLength(3);
    expect(relational.filter((n) => n.onPath).map((n) => n.key)).toEqual(['transactions/no/adhoc']);
    expect(new Set(layout.nodes.map((n) => n.key)).size).toBe(layout.nodes.length);
  });
});

describe('Quick Decisions: the decision record', () => {
  it('is undefined until a decision is reached', () => {
    expect(adrFor(reportFor('?answers=yes'))).toBeUndefined();
  });

  it('follows Nygard’s sections in order, with the reader’s title, status, date and context', () => {
    const state = stateFor('?answers=yes,needed,yes&title=Cache%20the%20catalogue&context=Product%20pages%20are%20slow.%0ALaunch%20in%20May.&status=accepted');
    const report = decisionsReport(state.values, state.errors);
    const adr = adrMarkdown(report, { title: state.values.title, context: state.values.context, status: state.values.status, date: '2026-11-25', siteUrl: 'https://example.org/' })!;
    const headings = adr.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual(['# Cache the catalogue', '## Status', '## Context', '## Decision', '## Consequences']);
    expect(adr).toContain('Date: 2026-11-25\n');
    expect(adr).toContain('## Status\n\nAccepted\n');
    expect(adr).toContain('## Context\n\nProduct pages are slow.\nLaunch in May.\n');
    expect(adr).toContain(`## Decision\n\n${TREES.cache.outcomes['cache-aside']!.decision}\n`);
    expect(adr).toContain('- [Caching Strategies](https://example.org/patterns/caching-strategies/)');
    for (const line of TREES.cache.outcomes['cache-aside']!.good) expect(adr).toContain(`- ${line}\n`);
    for (const line of TREES.cache.outcomes['cache-aside']!.bad) expect(adr).toContain(`- ${line}\n`);
    expect(adr.endsWith('\n')).toBe(true);
  });

  it('records each question, its answer and the figures behind it', () => {
    const report = reportFor('?answers=yes,needed,single-writer');
    const adr = adrFor(report)!;
    expect(adr.startsWith(`# ${TREES.cache.outcomes['write-through']!.title}\n`)).toBe(true);
    expect(adr).toContain('- Is each item read many times between changes? Yes: items are read many times before they change.\n');
    const cache = report.steps[1]!.computed!;
    if (!cache.ok) throw new Error(cache.message);
    expect(adr).toContain(`  - Figures: Hit ratio (Che’s approximation): ${cache.figures[0]!.text}; `);
    expect(adr).toContain(`  - ${cache.reason}\n`);
    expect(adr).not.toContain('against the figures');
    expect(adr).toContain('- [Caching Strategies](/patterns/caching-strategies/)');
  });

  it('says when an answer went against the figures', () => {
    const report = reportFor('?answers=yes,not-needed');
    expect(report.steps[1]!.againstNumbers).toBe(true);
    expect(adrFor(report)).toContain('  - We chose this answer against the figures, which pointed to: Yes, and only with the cache: without it the origin is overloaded or too slow.\n');
  });

  it('links back to the walk when given its address', () => {
    const adr = adrFor(reportFor('?tree=sync-async&answers=no,async-only,one'), { sourceUrl: 'https://example.org/tools/quick-decisions/?tree=sync-async' })!;
    expect(adr).toContain('The walk, with its inputs: https://example.org/tools/quick-decisions/?tree=sync-async\n');
    expect(adr).toContain('# Use a durable work queue with at-least-once delivery\n');
  });

  it('has a safe file name', () => {
    expect(adrFileName('Cache the catalogue')).toBe('adr-cache-the-catalogue.md');
    expect(adrFileName('Café: “Ünïcode” & 99.9 %')).toBe('adr-cafe-unicode-99-9.md');
    expect(adrFileName('')).toBe('adr-decision.md');
    expect(adrFileName('a'.repeat(80))).toBe(`adr-${'a'.repeat(60)}.md`);
    fc.assert(
      fc.property(fc.string(), (title) => {
        expect(adrFileName(title)).toMatch(/^adr-[a-z0-9-]{1,60}\.md$/);
      }),
    );
  });
});

describe('Quick Decisions: formatting', () => {
  it('shows availabilities to two significant figures of their downtime', () => {
    expect(formatAvailability(0.9965045)).toBe('99.65 %');
    expect(formatAvailability(0.99940005)).toBe('99.94 %');
    expect(formatAvailability(0.999)).toBe('99.9 %');
    expect(formatAvailability(0.99999)).toBe('99.999 %');
    expect(formatAvailability(1)).toBe('100 %');
  });

  it('shows durations in the unit a reader would say', () => {
    expect(formatDuration(30)).toBe('30.0 s');
    expect(formatDuration(2_629.8)).toBe('43.8 min');
    expect(formatDuration(9_000)).toBe('2.5 h');
    expect(formatDuration(864_000)).toBe('10.0 days');
    expect(formatMs(20)).toBe('20 ms');
    expect(formatMs(12.4567)).toBe('12.5 ms');
    expect(formatMs(1.234)).toBe('1.23 ms');
    expect(formatNumber(-0.01, 1)).toBe('0.0');
  });
});
