/**
 * M/M/c: Poisson arrivals at rate λ, exponential service of mean S, c servers, one FIFO queue. The simulated mean
 * wait converges to Erlang C's W_q = C(c, λS) · S / (c − λS); the tests hold it to 2 % over a long run.
 */
import { Simulation } from '../engine.ts';
import { requireInteger, requirePositive, requireProbability, SimInputError } from '../errors.ts';
import { type ConfidenceInterval, Histogram, intervalOfBatchMeans, RunningStats } from '../metrics.ts';
import type { ScenarioRun, Series, Snapshot } from '../scenario.ts';

export interface MmcParams {
  /** Arrivals per second (λ). */
  rate: number;
  /** Mean service time in seconds (S). */
  serviceTime: number;
  servers: number;
  customers: number;
  /** Share of the first customers left out of the statistics while the queue fills from empty. */
  warmup?: number;
}

export const MAX_CUSTOMERS = 50_000_000;

export function validateMmc(p: MmcParams): Required<MmcParams> {
  requirePositive('rate', p.rate);
  requirePositive('serviceTime', p.serviceTime);
  requireInteger('servers', p.servers, 1, 100_000);
  requireInteger('customers', p.customers, 100, MAX_CUSTOMERS);
  const warmup = requireProbability('warmup', p.warmup ?? 0.1);
  if (warmup >= 0.9) throw new SimInputError('warmup', 'must be below 0.9, or too few customers are measured', warmup);
  if (!(p.servers > p.rate * p.serviceTime)) {
    throw new SimInputError('servers', `must exceed the offered load rate × serviceTime = ${p.rate * p.serviceTime} for the queue to be stable`, p.servers);
  }
  return { ...p, warmup };
}

export interface MmcResult {
  meanWait: number;
  /** 95 % confidence interval of the mean wait, by batch means. */
  meanWaitInterval: ConfidenceInterval;
  p99Wait: number;
  /** Share of measured customers who waited at all. */
  probabilityOfWaiting: number;
  utilization: number;
  events: number;
  customers: number;
}

export function createMmc(params: MmcParams, seed: number): ScenarioRun & { result(): MmcResult } {
  const p = validateMmc(params);
  const sim = new Simulation(seed);
  const arrivalRandom = sim.random.fork(1);
  const serviceRandom = sim.random.fork(2);
  const meanInterarrival = 1 / p.rate;
  const interarrival = () => -meanInterarrival * Math.log(1 - arrivalRandom.next());
  const service = () => -p.serviceTime * Math.log(1 - serviceRandom.next());

  const measureFrom = Math.floor(p.customers * p.warmup);
  const measured = p.customers - measureFrom;
  const batchCount = 20;
  const batchSize = Math.max(1, Math.floor(measured / batchCount));
  const batchSums = new Float64Array(batchCount);
  const waits = new Histogram(0.005);
  const stats = new RunningStats();
  let waited = 0;
  let busyTime = 0;
  let lastDeparture = 0;

  // FIFO queue of arrival times, as a growable ring buffer.
  let ring = new Float64Array(1024);
  let head = 0;
  let length = 0;
  let busy = 0;
  let arrived = 0;
  let started = 0;

  const meanSeries: Series = { label: 'Mean wait so far (s)', times: [], values: [] };
  const queueSeries: Series = { label: 'Customers waiting', times: [], values: [] };
  const sampleEveryCustomers = Math.max(1, Math.floor(p.customers / 400));

  const startService = (arrivalTime: number) => {
    const index = started++;
    const wait = sim.now - arrivalTime;
    if (index >= measureFrom) {
      const k = index - measureFrom;
      stats.add(wait);
      waits.add(wait);
      if (wait > 0) waited++;
      const batch = Math.floor(k / batchSize);
      if (batch < batchCount) batchSums[batch] = (batchSums[batch] as number) + wait;
    }
    if (index % sampleEveryCustomers === 0) {
      meanSeries.times.push(sim.now);
      meanSeries.values.push(stats.mean);
      queueSeries.times.push(sim.now);
      queueSeries.values.push(length);
    }
    busy++;
    const duration = service();
    busyTime += duration;
    sim.schedule(duration, depart);
  };

  const depart = () => {
    busy--;
    lastDeparture = sim.now;
    if (length > 0) {
      const arrivalTime = ring[head] as number;
      head = (head + 1) & (ring.length - 1);
      length--;
      startService(arrivalTime);
    }
  };

  const arrive = () => {
    arrived++;
    if (busy < p.servers) startService(sim.now);
    else {
      if (length === ring.length) {
        const bigger = new Float64Array(ring.length * 2);
        for (let i = 0; i < length; i++) bigger[i] = ring[(head + i) & (ring.length - 1)] as number;
        ring = bigger;
        head = 0;
      }
      ring[(head + length) & (ring.length - 1)] = sim.now;
      length++;
    }
    if (arrived < p.customers) sim.schedule(interarrival(), arrive);
  };
  sim.schedule(interarrival(), arrive);

  // The run's length in virtual time is not known in advance; this is its expected value, for progress bars.
  const duration = p.customers / p.rate;

  const result = (): MmcResult => {
    const batches = Math.min(batchCount, Math.floor(stats.count / batchSize));
    const interval =
      batches >= 2
        ? intervalOfBatchMeans(Float64Array.from(batchSums.subarray(0, batches), (s) => s / batchSize))
        : { mean: stats.mean, halfWidth: Number.NaN, batches };
    return {
      meanWait: stats.mean,
      meanWaitInterval: { ...interval, halfWidth: Number.isFinite(interval.halfWidth) ? interval.halfWidth : 0 },
      p99Wait: waits.percentile(0.99),
      probabilityOfWaiting: stats.count === 0 ? 0 : waited / stats.count,
      // Busy time of the services finished so far, over the time until the last of them finished.
      utilization: lastDeparture === 0 ? 0 : Math.min(1, busyTime / (lastDeparture * p.servers)),
      events: sim.events,
      customers: started,
    };
  };

  return {
    sim,
    duration,
    advance(until) {
      sim.run({ until });
    },
    snapshot(): Snapshot {
      const r = result();
      return {
        time: sim.now,
        events: sim.events,
        done: sim.pending === 0,
        figures: { meanWait: r.meanWait, halfWidth: r.meanWaitInterval.halfWidth, p99Wait: r.p99Wait, probabilityOfWaiting: r.probabilityOfWaiting, customers: started },
        series: [meanSeries, queueSeries],
      };
    },
    result,
  };
}

/** Runs every customer through and returns the measurements. */
export function simulateMmc(params: MmcParams, seed: number): MmcResult {
  const run = createMmc(params, seed);
  run.sim.run();
  return run.result();
}
