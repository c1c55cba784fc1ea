/**
 * A retry storm, the textbook metastable failure (Bronson, Aghayev, Charapko and Zhu, "Metastable Failures in
 * Distributed Systems", HotOS 2021). A server with c workers and one FIFO queue serves clients that send new requests
 * at a rate λ below its capacity c/S. Each attempt times out on the client after T seconds; the server never learns
 * of it and still serves the attempt when its turn comes, so that work is wasted. A trigger slows service by a factor
 * k for d seconds; the queue grows past T, every attempt times out, and retries add load.
 *
 * Two client policies run side by side on the same arrivals and the same service demands (a retry of a request costs
 * the work of that request):
 *  - immediate: retry as soon as an attempt times out, up to R attempts. Once every attempt times out the server is
 *    offered R·λ attempts per second, and when that exceeds c/S the queue can never drain: the system stays collapsed
 *    after the trigger is gone, which is what makes the failure metastable.
 *  - backoff: wait a random time in [0, min(cap, base·2^k)) before retry k (exponential backoff with "full jitter",
 *    M. Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015), and retry only while retries stay
 *    below a share of the requests sent in a sliding window (a retry budget, as in Finagle's RetryBudget and the
 *    Google SRE book, chapter 22). The offered load is then at most (1 + share)·λ, and the queue drains.
 */
import { Simulation } from '../engine.ts';
import { requireInteger, requirePositive, requireProbability, SimInputError } from '../errors.ts';
import type { Random } from '../random.ts';
import { type ScenarioRun, type Series, type Snapshot, sampleEvery } from '../scenario.ts';
import type { ScenarioDefinition } from './registry.ts';
import { chartInterval, Deque, emptySeries, exponentialSampler, recordPoint, requireDuration, requireWindow, SlidingCount, withDefaults } from './support.ts';

export const RETRY_POLICIES = ['immediate', 'backoff'] as const;
export type RetryPolicy = (typeof RETRY_POLICIES)[number];

export const RETRY_POLICY_LABELS: Record<RetryPolicy, string> = {
  immediate: 'Immediate retries',
  backoff: 'Backoff with jitter and a retry budget',
};

export interface RetryStormParams {
  /** Workers c serving the one FIFO queue. */
  workers: number;
  /** Mean service time S in seconds (exponential), outside the trigger. */
  serviceTime: number;
  /** New requests per second λ sent by the clients. */
  rate: number;
  /** Client-side timeout T of each attempt, in seconds. */
  timeout: number;
  /** Attempts per request R, the first one included, for both policies. */
  maxAttempts: number;
  /** When the trigger starts (virtual seconds). */
  triggerAt: number;
  /** How long the trigger lasts, d seconds. */
  triggerDuration: number;
  /** Factor k by which the trigger lengthens every service that starts during it. */
  slowdown: number;
  /** Backoff base in seconds. */
  backoffBase: number;
  /** Backoff cap in seconds. */
  backoffCap: number;
  /** Retries allowed as a share of the requests sent in the budget window. */
  retryBudget: number;
  /** The budget's sliding window in seconds. */
  budgetWindow: number;
  duration: number;
}

export const RETRY_STORM_DEFAULTS: RetryStormParams = {
  workers: 10,
  serviceTime: 0.1,
  rate: 70,
  timeout: 1,
  maxAttempts: 3,
  triggerAt: 60,
  triggerDuration: 20,
  slowdown: 3,
  backoffBase: 0.5,
  backoffCap: 20,
  retryBudget: 0.1,
  budgetWindow: 10,
  duration: 300,
};

export const MAX_RETRY_STORM_DURATION = 20_000;

export function validateRetryStorm(p: RetryStormParams): RetryStormParams {
  requireInteger('workers', p.workers, 1, 10_000);
  requirePositive('serviceTime', p.serviceTime);
  requirePositive('rate', p.rate);
  requirePositive('timeout', p.timeout);
  requireInteger('maxAttempts', p.maxAttempts, 1, 100);
  requireDuration(p.duration, MAX_RETRY_STORM_DURATION);
  requirePositive('triggerDuration', p.triggerDuration);
  requireWindow('triggerAt', p.triggerAt, 'triggerAt + triggerDuration', p.triggerAt + p.triggerDuration, p.duration);
  requirePositive('slowdown', p.slowdown);
  requirePositive('backoffBase', p.backoffBase);
  requirePositive('backoffCap', p.backoffCap);
  if (p.backoffCap < p.backoffBase) throw new SimInputError('backoffCap', `must be at least backoffBase (${p.backoffBase} s)`, p.backoffCap);
  requireProbability('retryBudget', p.retryBudget);
  requirePositive('budgetWindow', p.budgetWindow);
  const load = (p.rate * p.serviceTime) / p.workers;
  // Below capacity the system is healthy before the trigger; at or above it there is nothing metastable to show.
  if (!(load < 1)) throw new SimInputError('rate', `must stay below the capacity workers / serviceTime = ${p.workers / p.serviceTime} per s`, p.rate);
  return { ...p };
}

export interface RetryPolicyResult {
  /** Successful responses per second over the last quarter of the run. */
  lateGoodput: number;
  /** Successful responses per second before the trigger. */
  goodputBeforeTrigger: number;
  /** Share of the server's busy time spent on attempts whose client had already given up on them. */
  wastedWorkShare: number;
  /** Attempts sent per new request. */
  attemptsPerRequest: number;
  /** Requests given up on (attempts exhausted, or no budget left for a retry). */
  failedRequests: number;
  successes: number;
  /** Attempts waiting at the server at the end. */
  queueAtEnd: number;
}

export interface RetryStormResult {
  policies: Record<RetryPolicy, RetryPolicyResult>;
  requests: number;
  events: number;
}

interface Request {
  demand: number;
  attempts: number;
}

interface Attempt {
  request: Request;
  /** Set when the client's timer fires first; the server does not know. */
  abandoned: boolean;
  completed: boolean;
}

class RetryingSystem {
  readonly policy: RetryPolicy;
  private readonly sim: Simulation;
  private readonly p: RetryStormParams;
  private readonly jitter: Random;
  private readonly queue = new Deque<Attempt>();
  private busy = 0;
  private readonly sentInWindow: SlidingCount;
  private readonly retriedInWindow: SlidingCount;
  private readonly lateFrom: number;

  successes = 0;
  successesInInterval = 0;
  private successesLate = 0;
  private successesBeforeTrigger = 0;
  private busyTime = 0;
  private wastedTime = 0;
  private attempts = 0;
  private requests = 0;
  private failed = 0;

  constructor(policy: RetryPolicy, sim: Simulation, p: RetryStormParams, jitter: Random) {
    this.policy = policy;
    this.sim = sim;
    this.p = p;
    this.jitter = jitter;
    this.sentInWindow = new SlidingCount(p.budgetWindow);
    this.retriedInWindow = new SlidingCount(p.budgetWindow);
    this.lateFrom = p.duration * 0.75;
  }

  receive(demand: number): void {
    this.requests++;
    this.sentInWindow.add(this.sim.now);
    this.send({ demand, attempts: 0 });
  }

  private send(request: Request): void {
    request.attempts++;
    this.attempts++;
    const attempt: Attempt = { request, abandoned: false, completed: false };
    this.sim.schedule(this.p.timeout, () => this.timeOut(attempt));
    if (this.busy < this.p.workers) this.serve(attempt);
    else this.queue.push(attempt);
  }

  private serve(attempt: Attempt): void {
    this.busy++;
    const now = this.sim.now;
    const triggered = now >= this.p.triggerAt && now < this.p.triggerAt + this.p.triggerDuration;
    const work = attempt.request.demand * (triggered ? this.p.slowdown : 1);
    this.sim.schedule(work, () => this.complete(attempt, work));
  }

  private complete(attempt: Attempt, work: number): void {
    this.busy--;
    this.busyTime += work;
    attempt.completed = true;
    if (attempt.abandoned) this.wastedTime += work;
    else {
      this.successes++;
      this.successesInInterval++;
      const now = this.sim.now;
      if (now >= this.lateFrom) this.successesLate++;
      if (now < this.p.triggerAt) this.successesBeforeTrigger++;
    }
    const next = this.queue.shift();
    if (next) this.serve(next);
  }

  private timeOut(attempt: Attempt): void {
    if (attempt.completed) return;
    attempt.abandoned = true;
    const request = attempt.request;
    if (request.attempts >= this.p.maxAttempts) {
      this.failed++;
      return;
    }
    if (this.policy === 'immediate') {
      this.send(request);
      return;
    }
    // Retry k waits U[0, min(cap, base·2^k)), k = 1 for the first retry.
    const ceiling = Math.min(this.p.backoffCap, this.p.backoffBase * 2 ** request.attempts);
    this.sim.schedule(ceiling * this.jitter.next(), () => this.retryWithinBudget(request));
  }

  private retryWithinBudget(request: Request): void {
    const now = this.sim.now;
    if (this.retriedInWindow.countAt(now) + 1 > this.p.retryBudget * this.sentInWindow.countAt(now)) {
      this.failed++;
      return;
    }
    this.retriedInWindow.add(now);
    this.send(request);
  }

  result(): RetryPolicyResult {
    const lateSpan = Math.min(this.sim.now, this.p.duration) - this.lateFrom;
    const beforeSpan = Math.min(this.sim.now, this.p.triggerAt);
    return {
      lateGoodput: lateSpan > 0 ? this.successesLate / lateSpan : 0,
      goodputBeforeTrigger: beforeSpan > 0 ? this.successesBeforeTrigger / beforeSpan : 0,
      wastedWorkShare: this.busyTime > 0 ? this.wastedTime / this.busyTime : 0,
      attemptsPerRequest: this.requests > 0 ? this.attempts / this.requests : 0,
      failedRequests: this.failed,
      successes: this.successes,
      queueAtEnd: this.queue.size,
    };
  }
}

export function createRetryStorm(params: RetryStormParams, seed: number): ScenarioRun & { result(): RetryStormResult } {
  const p = validateRetryStorm(params);
  const sim = new Simulation(seed);
  const interarrival = exponentialSampler(sim.random.fork(1), 1 / p.rate);
  const demand = exponentialSampler(sim.random.fork(2), p.serviceTime);
  const systems = RETRY_POLICIES.map((policy, i) => new RetryingSystem(policy, sim, p, sim.random.fork(10 + i)));
  let requests = 0;

  const arrive = () => {
    requests++;
    const work = demand();
    for (const system of systems) system.receive(work);
    const gap = interarrival();
    if (sim.now + gap <= p.duration) sim.schedule(gap, arrive);
  };
  sim.schedule(interarrival(), arrive);

  const interval = chartInterval(p.duration, 1);
  const series: Series[] = systems.map((s) => emptySeries(RETRY_POLICY_LABELS[s.policy]));
  sampleEvery(sim, interval, p.duration, (time) => {
    systems.forEach((system, i) => {
      recordPoint(series[i] as Series, time, system.successesInInterval / interval);
      system.successesInInterval = 0;
    });
  });

  const result = (): RetryStormResult => {
    const policies = {} as Record<RetryPolicy, RetryPolicyResult>;
    for (const system of systems) policies[system.policy] = system.result();
    return { policies, requests, events: sim.events };
  };

  return {
    sim,
    duration: p.duration,
    advance(until) {
      sim.run({ until: Math.min(until, p.duration) });
    },
    snapshot(): Snapshot {
      const figures: Record<string, number> = { requests };
      for (const system of systems) {
        const r = system.result();
        figures[`lateGoodput_${system.policy}`] = r.lateGoodput;
        figures[`wastedWork_${system.policy}`] = r.wastedWorkShare;
        figures[`attemptsPerRequest_${system.policy}`] = r.attemptsPerRequest;
      }
      return { time: sim.now, events: sim.events, done: sim.now >= p.duration, figures, series };
    },
    result,
  };
}

export function simulateRetryStorm(params: RetryStormParams, seed: number): RetryStormResult {
  const run = createRetryStorm(params, seed);
  run.advance(run.duration);
  return run.result();
}

export const retryStormScenario: ScenarioDefinition = {
  id: 'retry-storm',
  title: 'A retry storm: immediate retries against backoff with a budget',
  fields: [
    { key: 'workers', label: 'Workers c', min: 1, max: 1000, step: 1, integer: true },
    { key: 'serviceTime', label: 'Mean service time S', min: 0.001, max: 10, step: 0.001, unit: 's' },
    { key: 'rate', label: 'New requests λ', min: 0.1, max: 10_000, step: 0.1, unit: 'per s' },
    { key: 'timeout', label: 'Client timeout T', min: 0.01, max: 60, step: 0.01, unit: 's' },
    { key: 'maxAttempts', label: 'Attempts per request R', min: 1, max: 10, step: 1, integer: true },
    { key: 'triggerAt', label: 'Trigger starts at', min: 0, max: 5000, step: 1, unit: 's' },
    { key: 'triggerDuration', label: 'Trigger lasts d', min: 1, max: 5000, step: 1, unit: 's' },
    { key: 'slowdown', label: 'Slowdown k during the trigger', min: 1, max: 100, step: 0.1 },
    { key: 'retryBudget', label: 'Retry budget (share of requests)', min: 0, max: 1, step: 0.01 },
    { key: 'duration', label: 'Duration', min: 60, max: 10_000, step: 10, unit: 's' },
  ],
  defaults: { ...RETRY_STORM_DEFAULTS },
  pace: 6,
  chart: { yLabel: 'Goodput (successful responses per second)' },
  figures: [
    ...RETRY_POLICIES.map((policy) => ({ key: `lateGoodput_${policy}`, label: `${RETRY_POLICY_LABELS[policy]}: goodput in the last quarter`, digits: 1, unit: 'per s' })),
    ...RETRY_POLICIES.map((policy) => ({ key: `wastedWork_${policy}`, label: `${RETRY_POLICY_LABELS[policy]}: server work spent on abandoned attempts`, digits: 1, percent: true })),
    ...RETRY_POLICIES.map((policy) => ({ key: `attemptsPerRequest_${policy}`, label: `${RETRY_POLICY_LABELS[policy]}: attempts per request`, digits: 2 })),
  ],
  create: (params, seed) => createRetryStorm(withDefaults(RETRY_STORM_DEFAULTS, params), seed),
};
