/**
 * The `compendium` commands. Each reads its flags with a named rule, calls the pure models, and returns both the
 * JSON object (the contract in SPEC.md) and the rows of the human-readable table.
 */
import { readFileSync } from 'node:fs';
import { ModelInputError, formatValue } from '../errors.ts';
import { latencyBetween } from '../latency.ts';
import { erlangB, mmc, serviceLevel, staffing, MAX_SERVERS } from '../queueing/erlang.ts';
import { fitUsl, type UslPoint } from '../scaling/usl.ts';
import { amdahlLimit, amdahlSpeedup, gustafsonSpeedup } from '../scaling/amdahl.ts';
import { countNines, downtimeFromFraction, downtimeFromPercent, parallelAvailability, seriesAvailability } from '../availability.ts';
import { CliError, checkNumber, numberFlag, numberListFlag, optionalNumberFlag, parseNumber, requireFlag, type FlagSpec, type FlagValues } from './args.ts';
import { formatNumber, type Row } from './format.ts';

export interface CommandOutput {
  readonly title: string;
  readonly json: Record<string, unknown>;
  readonly rows: readonly Row[];
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  readonly examples: readonly string[];
  /** A bare argument the command takes besides its flags (`compendium check FILE`); passed to run. */
  readonly operand?: { readonly name: string; readonly description: string };
  /** Prints its JSON object with or without --json, exactly as computed (no table, no rounding). */
  readonly jsonOnly?: boolean;
  readonly run: (values: FlagValues, operand?: string) => CommandOutput;
}

/** Runs `fn`, re-labelling a model's ModelInputError with the flag the reader actually typed. */
export function asFlags<T>(parameterToFlag: Record<string, string>, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ModelInputError) {
      const flag = parameterToFlag[error.parameter] ?? error.parameter;
      throw new CliError(error.value === undefined ? `${flag} ${error.rule}` : `${flag} ${error.rule}, got ${formatValue(error.value)}`);
    }
    throw error;
  }
}

export function row(label: string, value: number | string | null, unit = ''): Row {
  if (value === null) return { label, value: 'unbounded' };
  return { label, value: typeof value === 'number' ? formatNumber(value, unit) : value };
}

const MAX_CLI_SERVERS = MAX_SERVERS;

export function requireStable(rate: number, serviceTime: number, servers: number): void {
  const load = rate * serviceTime;
  if (!Number.isFinite(load)) throw new CliError(`--rate × --service-time must be a finite offered load, got ${rate} × ${serviceTime}`);
  if (!(servers > load)) {
    throw new CliError(
      `--servers must exceed the offered load (--rate × --service-time = ${formatNumber(load)} Erlangs) for a stable queue, got ${servers}`,
    );
  }
}

const latency: Command = {
  name: 'latency',
  summary: 'Great-circle distance and the speed-of-light-in-fibre latency floor between two places',
  flags: [
    { name: 'from', valueName: 'CITY', description: 'a city, alias or cloud region code (e.g. "New York", SF, us-east-1)', required: true },
    { name: 'to', valueName: 'CITY', description: 'as --from', required: true },
    { name: 'stretch', valueName: 'F', description: 'route length over great-circle length, ≥ 1 (default 1)' },
  ],
  examples: ['compendium latency --from "New York" --to London', 'compendium latency --from us-east-1 --to europe-west1 --stretch 1.5 --json'],
  run(values) {
    const from = requireFlag(values, 'from');
    const to = requireFlag(values, 'to');
    const stretch = optionalNumberFlag(values, 'stretch', { kind: 'atLeast', min: 1 }) ?? 1;
    const r = asFlags({ from: '--from', to: '--to', stretch: '--stretch' }, () => latencyBetween(from, to, stretch));
    return {
      title: `Latency floor, ${r.from.name} → ${r.to.name} (light in fibre, c/1.468)`,
      json: {
        from: r.from.id,
        fromName: r.from.name,
        to: r.to.id,
        toName: r.to.name,
        stretch: r.stretch,
        distanceKm: r.distanceKm,
        routeKm: r.routeKm,
        oneWayMs: r.oneWayMs,
        rttMs: r.rttMs,
      },
      rows: [
        row('great-circle distance', r.distanceKm, 'km'),
        row('stretch', r.stretch, '×'),
        row('route length', r.routeKm, 'km'),
        row('one-way floor', r.oneWayMs, 'ms'),
        row('round-trip floor', r.rttMs, 'ms'),
      ],
    };
  },
};

const erlangCCommand: Command = {
  name: 'erlang-c',
  summary: 'M/M/c queue (Erlang C): probability of waiting, mean wait, queue length, service level',
  flags: [
    { name: 'rate', valueName: 'λ', description: 'arrivals per second', required: true },
    { name: 'service-time', valueName: 'S', description: 'mean service (handling) time in seconds', required: true },
    { name: 'servers', valueName: 'C', description: 'number of servers (agents), a whole number', required: true },
    { name: 'target-wait', valueName: 'T', description: 'answer-time target in seconds; adds serviceLevel = P(wait ≤ T)' },
  ],
  examples: ['compendium erlang-c --rate 0.2 --service-time 240 --servers 55 --target-wait 20'],
  run(values) {
    const rate = numberFlag(values, 'rate', { kind: 'positive' });
    const serviceTime = numberFlag(values, 'service-time', { kind: 'positive' });
    const servers = numberFlag(values, 'servers', { kind: 'integer', min: 1, max: MAX_CLI_SERVERS });
    const targetWait = optionalNumberFlag(values, 'target-wait', { kind: 'nonNegative' });
    requireStable(rate, serviceTime, servers);
    const map = { arrivalRate: '--rate', serviceTime: '--service-time', servers: '--servers', targetWait: '--target-wait' };
    const r = asFlags(map, () => mmc({ arrivalRate: rate, serviceTime, servers }));
    const level = targetWait === undefined ? undefined : asFlags(map, () => serviceLevel(r, targetWait));
    const json: Record<string, unknown> = {
      rate,
      serviceTime,
      servers,
      offeredLoad: r.offeredLoad,
      utilization: r.utilization,
      probWait: r.probWait,
      meanWait: r.meanWait,
      meanResponse: r.meanResponse,
      meanQueueLength: r.meanQueueLength,
      meanInSystem: r.meanInSystem,
    };
    const rows = [
      row('offered load', r.offeredLoad, 'Erlangs'),
      row('utilization (occupancy)', r.utilization * 100, '%'),
      row('P(wait)', r.probWait),
      row('mean wait', r.meanWait, 's'),
      row('mean response', r.meanResponse, 's'),
      row('mean queue length', r.meanQueueLength),
      row('mean number in system', r.meanInSystem),
    ];
    if (targetWait !== undefined && level !== undefined) {
      json.targetWait = targetWait;
      json.serviceLevel = level;
      rows.push(row(`P(wait ≤ ${formatNumber(targetWait)} s)`, level));
    }
    return { title: `Erlang C: λ = ${formatNumber(rate)}/s, S = ${formatNumber(serviceTime)} s, c = ${servers}`, json, rows };
  },
};

const staff: Command = {
  name: 'staff',
  summary: 'The fewest servers (agents) such that P(wait ≤ T) ≥ P',
  flags: [
    { name: 'rate', valueName: 'λ', description: 'arrivals per second', required: true },
    { name: 'service-time', valueName: 'S', description: 'mean service time in seconds', required: true },
    { name: 'target-wait', valueName: 'T', description: 'answer-time target in seconds', required: true },
    { name: 'service-level', valueName: 'P', description: 'required fraction answered within T, e.g. 0.8', required: true },
  ],
  examples: ['compendium staff --rate 0.2 --service-time 240 --target-wait 20 --service-level 0.8'],
  run(values) {
    const rate = numberFlag(values, 'rate', { kind: 'positive' });
    const serviceTime = numberFlag(values, 'service-time', { kind: 'positive' });
    const targetWait = numberFlag(values, 'target-wait', { kind: 'nonNegative' });
    const level = numberFlag(values, 'service-level', { kind: 'openFraction' });
    if (!Number.isFinite(rate * serviceTime)) throw new CliError(`--rate × --service-time must be a finite offered load, got ${rate} × ${serviceTime}`);
    const r = asFlags(
      { arrivalRate: '--rate', serviceTime: '--service-time', targetWait: '--target-wait', serviceLevel: '--service-level' },
      () => staffing({ arrivalRate: rate, serviceTime, targetWait, serviceLevel: level }),
    );
    return {
      title: `Staffing: ${formatNumber(level * 100)} % within ${formatNumber(targetWait)} s`,
      json: {
        servers: r.servers,
        serviceLevel: r.serviceLevel,
        targetWait,
        targetServiceLevel: level,
        offeredLoad: r.offeredLoad,
        utilization: r.utilization,
        probWait: r.probWait,
        meanWait: r.meanWait,
      },
      rows: [
        row('servers needed', r.servers),
        row(`P(wait ≤ ${formatNumber(targetWait)} s)`, r.serviceLevel),
        row('offered load', r.offeredLoad, 'Erlangs'),
        row('utilization (occupancy)', r.utilization * 100, '%'),
        row('P(wait)', r.probWait),
        row('mean wait', r.meanWait, 's'),
      ],
    };
  },
};

const erlangBCommand: Command = {
  name: 'erlang-b',
  summary: 'Erlang B: blocking probability of a loss system (M/M/c/c)',
  flags: [
    { name: 'traffic', valueName: 'A', description: 'offered traffic in Erlangs (λ × S)', required: true },
    { name: 'servers', valueName: 'C', description: 'number of servers (circuits), a whole number', required: true },
  ],
  examples: ['compendium erlang-b --traffic 10 --servers 10'],
  run(values) {
    const traffic = numberFlag(values, 'traffic', { kind: 'nonNegative' });
    const servers = numberFlag(values, 'servers', { kind: 'integer', min: 0, max: MAX_CLI_SERVERS });
    const blocking = asFlags({ traffic: '--traffic', servers: '--servers' }, () => erlangB(traffic, servers));
    return {
      title: `Erlang B: A = ${formatNumber(traffic)} Erlangs, c = ${servers}`,
      json: { traffic, servers, blocking, carriedTraffic: traffic * (1 - blocking) },
      rows: [row('blocking probability', blocking), row('carried traffic', traffic * (1 - blocking), 'Erlangs')],
    };
  },
};

/** Reads "concurrency, throughput" rows; the first row may be a header. */
export function readUslCsv(path: string): UslPoint[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : 'unreadable';
    throw new CliError(`--csv must name a readable file, got ${JSON.stringify(path)} (${reason})`);
  }
  const points: UslPoint[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let sawData = false;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(/\s*[,;\t]\s*|\s+/).filter((c) => c !== '');
    const lineNo = index + 1;
    const numeric = cells.length >= 2 && cells.slice(0, 2).every((c) => /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(c));
    if (!sawData && !numeric && points.length === 0) {
      sawData = true; // a header row: skip it, but only the first row may be one
      return;
    }
    sawData = true;
    if (cells.length < 2) throw new CliError(`--csv line ${lineNo} must have two columns (concurrency, throughput), got ${JSON.stringify(line)}`);
    const concurrency = checkNumber(`--csv line ${lineNo} concurrency`, parseNumber(`--csv line ${lineNo} concurrency`, cells[0]!), { kind: 'atLeast', min: 1 });
    const throughput = checkNumber(`--csv line ${lineNo} throughput`, parseNumber(`--csv line ${lineNo} throughput`, cells[1]!), { kind: 'positive' });
    points.push({ concurrency, throughput });
  });
  return points;
}

const usl: Command = {
  name: 'usl',
  summary: 'Fit the Universal Scalability Law to measured (concurrency, throughput) points',
  flags: [{ name: 'csv', valueName: 'FILE', description: 'CSV with columns concurrency, throughput (a header row is allowed)', required: true }],
  examples: ['compendium usl --csv measurements.csv --json'],
  run(values) {
    const path = requireFlag(values, 'csv');
    const points = readUslCsv(path);
    const fit = asFlags({ points: '--csv' }, () => fitUsl(points));
    return {
      title: `Universal Scalability Law fit to ${points.length} points`,
      json: {
        points: points.length,
        lambda: fit.lambda,
        sigma: fit.sigma,
        kappa: fit.kappa,
        peakConcurrency: fit.peakConcurrency,
        peakThroughput: fit.peakThroughput,
        unbounded: fit.unbounded,
        asymptoticThroughput: fit.asymptoticThroughput,
        rSquared: fit.rSquared,
      },
      rows: [
        row('λ (throughput at N = 1, ideal slope)', fit.lambda),
        row('σ (contention)', fit.sigma),
        row('κ (coherency)', fit.kappa),
        row('peak concurrency N*', fit.peakConcurrency),
        row('peak throughput X(N*)', fit.peakThroughput),
        row('R²', fit.rSquared),
      ],
    };
  },
};

const amdahl: Command = {
  name: 'amdahl',
  summary: "Amdahl's law: speed-up of a fixed workload on N processors",
  flags: [
    { name: 'parallel-fraction', valueName: 'P', description: 'fraction of the work that parallelises, 0 to 1', required: true },
    { name: 'processors', valueName: 'N', description: 'number of processors, a whole number ≥ 1', required: true },
  ],
  examples: ['compendium amdahl --parallel-fraction 0.95 --processors 8'],
  run(values) {
    const p = numberFlag(values, 'parallel-fraction', { kind: 'fraction' });
    const n = numberFlag(values, 'processors', { kind: 'integer', min: 1 });
    const map = { parallelFraction: '--parallel-fraction', processors: '--processors' };
    const speedup = asFlags(map, () => amdahlSpeedup(p, n));
    const { limit } = asFlags(map, () => amdahlLimit(p));
    return {
      title: `Amdahl: ${formatNumber(p * 100)} % parallel on ${n} processors`,
      json: { parallelFraction: p, processors: n, speedup, efficiency: speedup / n, limit },
      rows: [row('speed-up', speedup, '×'), row('efficiency', (speedup / n) * 100, '%'), row('limit as N → ∞', limit, '×')],
    };
  },
};

const gustafson: Command = {
  name: 'gustafson',
  summary: "Gustafson's law: scaled speed-up when the problem grows with N",
  flags: [
    { name: 'serial-fraction', valueName: 'S', description: 'serial fraction of the parallel run time, 0 to 1', required: true },
    { name: 'processors', valueName: 'N', description: 'number of processors, a whole number ≥ 1', required: true },
  ],
  examples: ['compendium gustafson --serial-fraction 0.05 --processors 64'],
  run(values) {
    const s = numberFlag(values, 'serial-fraction', { kind: 'fraction' });
    const n = numberFlag(values, 'processors', { kind: 'integer', min: 1 });
    const speedup = asFlags({ serialFraction: '--serial-fraction', processors: '--processors' }, () => gustafsonSpeedup(s, n));
    return {
      title: `Gustafson: ${formatNumber(s * 100)} % serial on ${n} processors`,
      json: { serialFraction: s, processors: n, speedup },
      rows: [row('scaled speed-up', speedup, '×')],
    };
  },
};

function downtimeRows(d: ReturnType<typeof downtimeFromFraction>): Row[] {
  return [
    row('downtime per year (365.25 d)', d.downtimePerYearS, 's'),
    row('downtime per month (year/12)', d.downtimePerMonthS, 's'),
    row('downtime per 30-day month', d.downtimePer30DayMonthS, 's'),
    row('downtime per week', d.downtimePerWeekS, 's'),
    row('downtime per day', d.downtimePerDayS, 's'),
  ];
}

const availability: Command = {
  name: 'availability',
  summary: 'Downtime allowed by an availability, or the availability of components in series or parallel',
  flags: [
    { name: 'nines', valueName: 'A', description: 'availability as a percentage, e.g. 99.99' },
    { name: 'series', valueName: 'A,B,...', description: 'availabilities (fractions) of components that must all work' },
    { name: 'parallel', valueName: 'A,B,...', description: 'availabilities (fractions) of redundant components, any one suffices' },
  ],
  examples: ['compendium availability --nines 99.99', 'compendium availability --series 0.999,0.9995 --json'],
  run(values) {
    const given = (['nines', 'series', 'parallel'] as const).filter((k) => values[k] !== undefined);
    if (given.length !== 1) {
      throw new CliError(
        given.length === 0
          ? 'one of --nines, --series or --parallel is required'
          : `--nines, --series and --parallel are mutually exclusive, got ${given.map((g) => `--${g}`).join(' and ')}`,
      );
    }
    if (given[0] === 'nines') {
      const percent = numberFlag(values, 'nines', { kind: 'percent' });
      const d = downtimeFromPercent(percent);
      return {
        title: `Availability ${formatNumber(percent)} %`,
        json: {
          availabilityPercent: percent,
          availability: d.availability,
          nines: countNines(d.availability),
          downtimePerYearS: d.downtimePerYearS,
          downtimePerMonthS: d.downtimePerMonthS,
          downtimePer30DayMonthS: d.downtimePer30DayMonthS,
          downtimePerWeekS: d.downtimePerWeekS,
          downtimePerDayS: d.downtimePerDayS,
        },
        rows: downtimeRows(d),
      };
    }
    const mode = given[0]!;
    const components = numberListFlag(values, mode, { kind: 'fraction' });
    const a = mode === 'series' ? seriesAvailability(components) : parallelAvailability(components);
    const d = downtimeFromFraction(a);
    return {
      title: `${mode === 'series' ? 'Series' : 'Parallel'} composition of ${components.length} components`,
      json: { mode, components, availability: a, availabilityPercent: a * 100, nines: countNines(a), downtimePerYearS: d.downtimePerYearS },
      rows: [row('availability', a * 100, '%'), row('nines', countNines(a)), row('downtime per year (365.25 d)', d.downtimePerYearS, 's')],
    };
  },
};

export const COMMANDS: readonly Command[] = [latency, erlangCCommand, staff, erlangBCommand, usl, amdahl, gustafson, availability];
