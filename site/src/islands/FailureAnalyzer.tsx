/** The Failure Analyzer: binds inputs to @compendium/tools' failure report and draws it. No model logic here. */
import {
  type BlockKind,
  type Diagram,
  type DurationParts,
  durationParts,
  type FailureFields,
  type FailureReport,
  type FailureState,
  failureFields,
  failureReport,
  joinModes,
  MAX_MODES,
  MAX_PARALLEL,
  MAX_SERIES,
  type ModeRow,
  percentDigits,
  percentDigitsOf,
  readFailureState,
  SCORE_NAMES,
  splitModes,
  writeFailureState,
} from '@compendium/tools/failure-tool';
import { defaultRaw, evaluate, type RawOf } from '@compendium/tools/fields';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { formatFigure } from '../lib/format.ts';
import { Field } from './shared/Field.tsx';
import { LineChart } from './shared/LineChart.tsx';

type Raw = RawOf<FailureFields>;

/** Like useToolState, but with the Failure Analyzer's reading of links: a link's composition is taken whole. */
function useFailureState() {
  const [state, setState] = useState<FailureState>(() => evaluate(failureFields, defaultRaw(failureFields)));
  useEffect(() => {
    setState(readFailureState(window.location.search));
  }, []);
  const update = useCallback((changes: Partial<Raw>) => {
    setState((previous) => {
      const raw = { ...previous.raw, ...changes } as Raw;
      window.history.replaceState(null, '', `${window.location.pathname}${writeFailureState(raw)}${window.location.hash}`);
      return evaluate(failureFields, raw);
    });
  }, []);
  // After an add or remove button changes the markup, focus goes where the reader expects it, not to the page.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  return { state, update, focus: setFocusId };
}

const availability = (a: number, max = 12) => formatFigure(a, { percent: true, digits: percentDigits(a, max) });
const smallPercent = (fraction: number) => formatFigure(fraction, { percent: true, digits: percentDigitsOf(fraction) });
const duration = (seconds: number) => {
  const parts: DurationParts = durationParts(seconds);
  return formatFigure(parts.value, { digits: parts.digits, unit: parts.unit });
};
/** A burn rate with at most two decimals and no trailing zeros: 14.4, 6, 13.44. */
const rate = (value: number) => formatFigure(value, { digits: 2 }).replace(/\.?0+$/, '');

function blockName(kind: BlockKind, report: FailureReport): string {
  if (kind === 'series') return 'series';
  if (kind === 'parallel') return 'parallel';
  return report.group.state === 'on' ? `${report.group.k}-of-${report.group.n}` : 'k-of-n';
}

// ————————————————————————————————— availability builder —————————————————————————————————

interface ListEditorProps {
  id: string;
  legend: string;
  hint: string;
  itemLabel: string;
  raw: string;
  error?: string;
  max: number;
  addLabel: string;
  emptyText: string;
  onChange: (raw: string) => void;
  focus: (id: string) => void;
}

/** A list of availabilities, one input per component, kept as the comma-separated text of the URL. */
function AvailabilityList({ id, legend, hint, itemLabel, raw, error, max, addLabel, emptyText, onChange, focus }: ListEditorProps) {
  const entries = raw === '' ? [] : raw.split(',');
  const set = (index: number, text: string) => onChange(entries.map((e, i) => (i === index ? text.replace(/,/g, ' ') : e)).join(','));
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset class={error ? 'has-error' : undefined}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} class="tool-hint">
        {hint}
      </p>
      {entries.length === 0 && <p class="tool-note">{emptyText}</p>}
      {entries.map((entry, index) => (
        <div class="tool-place-row" key={index}>
          <label for={`${id}-${index}`} class="fa-row-label">
            <span class="sr-only">{itemLabel} </span>
            {index + 1}
          </label>
          <input
            id={`${id}-${index}`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellcheck={false}
            value={entry}
            aria-invalid={error?.includes(`entry ${index + 1}:`) ? 'true' : undefined}
            aria-describedby={described}
            onInput={(event) => set(index, (event.currentTarget as HTMLInputElement).value)}
          />
          <button type="button" class="tool-button" aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`} onClick={() => {
              onChange(entries.filter((_, i) => i !== index).join(','));
              focus(index < entries.length - 1 ? `${id}-${index}` : index > 0 ? `${id}-${index - 1}` : `${id}-add`);
            }}
          >
            Remove
          </button>
        </div>
      ))}
      {entries.length < max && (
        <button
          type="button"
          id={`${id}-add`}
          class="tool-button"
          onClick={() => {
            onChange([...entries, '0.999'].join(','));
            focus(`${id}-${entries.length}`);
          }}
        >
          {addLabel}
        </button>
      )}
      {error && (
        <p id={`${id}-error`} class="tool-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function diagramDescription(state: FailureState, report: FailureReport): string {
  const parts: string[] = [];
  const { series, parallel } = state.values;
  if (series.length > 0) parts.push(`${series.length} ${series.length === 1 ? 'component' : 'components'} in series (${series.map((a) => availability(a, 6)).join(', ')})`);
  if (parallel.length > 0) parts.push(`a parallel group of ${parallel.length} (${parallel.map((a) => availability(a, 6)).join(', ')}), any one of which suffices`);
  if (report.group.state === 'on') parts.push(`a group of ${report.group.n} components at ${availability(report.group.component, 6)}, of which ${report.group.k} are needed`);
  return parts.length === 0 ? 'Block diagram: no components.' : `Block diagram: ${parts.join(', then ')}.`;
}

function BlockDiagram({ diagram, label }: { diagram: Diagram; label: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the diagram scrolls sideways on narrow screens, and keyboard users must reach it to scroll.
    <figure class="fa-diagram" tabIndex={0}>
      <svg width={diagram.width} height={diagram.height} viewBox={`0 0 ${diagram.width} ${diagram.height}`} role="img" aria-label={label} data-result="diagram">
        {diagram.wires.map(([x1, y1, x2, y2], i) => (
          <line key={`w${i}`} x1={x1} y1={y1} x2={x2} y2={y2} class="fa-wire" />
        ))}
        {diagram.terminals.map((t, i) => (
          <circle key={`t${i}`} cx={t.x} cy={t.y} r="4" class="fa-terminal" />
        ))}
        {diagram.boxes.map((box, i) => (
          <g key={`b${i}`} data-kind={box.kind}>
            <rect x={box.x} y={box.y} width={box.w} height={box.h} rx="5" class={`fa-box fa-box-${box.kind}`} />
            <text x={box.x + box.w / 2} y={box.y + box.h / 2} class="fa-box-label">
              {box.availability === null ? `+${box.more} more` : availability(box.availability, 6)}
            </text>
          </g>
        ))}
        {diagram.captions.map((c, i) => (
          <text key={`c${i}`} x={c.x} y={c.y} class="fa-caption">
            {c.text}
          </text>
        ))}
      </svg>
    </figure>
  );
}

function AvailabilitySection({ state, report, update, focus }: SectionProps) {
  // The group's inputs show while any of them holds text, and stay while the reader empties them to retype.
  const [groupShown, setGroupShown] = useState(false);
  const { k, n, component } = state.raw;
  const groupTyped = k !== '' || n !== '' || component !== '';
  const edit = (changes: Partial<Raw>) => {
    setGroupShown(true);
    update(changes);
  };
  const composed = report.composition;
  const label = useMemo(() => diagramDescription(state, report), [state, report]);

  return (
    <div class="tool">
      <form class="tool-inputs" onSubmit={(event) => event.preventDefault()} aria-label="Availability inputs">
        <AvailabilityList
          id="series"
          legend="Components in series (all must work)"
          hint="Availabilities as fractions: 0.999 for 99.9 %."
          itemLabel="Series component"
          raw={state.raw.series}
          error={state.errors.series}
          max={MAX_SERIES}
          addLabel="Add a series component"
          emptyText="No components in series."
          onChange={(text) => update({ series: text })}
          focus={focus}
        />
        <AvailabilityList
          id="parallel"
          legend="Parallel group (any one suffices)"
          hint="Redundant copies, identical or not."
          itemLabel="Parallel component"
          raw={state.raw.parallel}
          error={state.errors.parallel}
          max={MAX_PARALLEL}
          addLabel="Add a parallel component"
          emptyText="No parallel group."
          onChange={(text) => update({ parallel: text })}
          focus={focus}
        />
        <fieldset>
          <legend>k-of-n group (at least k of n identical components)</legend>
          {groupShown || groupTyped ? (
            <>
              <div class="fa-pair">
                <Field id="k" label="k, needed" value={k} error={state.errors.k} inputMode="numeric" onInput={(t) => edit({ k: t })} />
                <Field id="n" label="n, in the group" value={n} error={state.errors.n} inputMode="numeric" onInput={(t) => edit({ n: t })} />
              </div>
              <Field
                id="component"
                label="Component availability"
                unit="fraction"
                value={component}
                error={state.errors.component}
                onInput={(t) => edit({ component: t })}
              />
              {report.group.state === 'error' && (
                <p class="tool-error" role="alert" data-result="group-error">
                  {report.group.message}
                </p>
              )}
              <button
                type="button"
                id="kofn-remove"
                class="tool-button"
                onClick={() => {
                  setGroupShown(false);
                  update({ k: '', n: '', component: '' });
                  focus('kofn-add');
                }}
              >
                Remove the k-of-n group
              </button>
            </>
          ) : (
            <>
              <p class="tool-note">No k-of-n group.</p>
              <button
                type="button"
                id="kofn-add"
                class="tool-button"
                onClick={() => {
                  edit({ k: '2', n: '3', component: '0.995' });
                  focus('k');
                }}
              >
                Add a k-of-n group
              </button>
            </>
          )}
        </fieldset>
      </form>

      <section class="tool-results" aria-live="polite" aria-label="Availability results">
        {composed.ok ? (
          <>
            <dl class="tool-figures">
              <div>
                <dt>Composed availability</dt>
                <dd data-result="availability">{availability(composed.availability)}</dd>
              </div>
              <div>
                <dt>Nines</dt>
                <dd data-result="nines">{composed.nines === null ? (composed.beyondPrecision ? 'more than 15' : '∞') : formatFigure(composed.nines, { digits: 2 })}</dd>
              </div>
            </dl>
            <p class="tool-note" data-result="product">
              {composed.blocks.map((b) => `${blockName(b.kind, report)} ${availability(b.availability)}`).join(' × ')}
              {composed.blocks.length > 1 ? ` = ${availability(composed.availability)}` : ''}
              {composed.beyondPrecision ? '. The unavailability is below what a double-precision number can hold next to 1, so it shows as 100 %.' : ''}
            </p>
            <table class="tool-table" data-result="downtime">
              <caption>Expected downtime at {availability(composed.availability)}</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Downtime</th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['year', 'Year (365.25 days)', composed.downtime.downtimePerYearS],
                    ['month', 'Month (a twelfth of a year)', composed.downtime.downtimePerMonthS],
                    ['30-day', '30-day month', composed.downtime.downtimePer30DayMonthS],
                    ['week', 'Week', composed.downtime.downtimePerWeekS],
                    ['day', 'Day', composed.downtime.downtimePerDayS],
                  ] as const
                ).map(([key, name, seconds]) => (
                  <tr key={key} data-period={key}>
                    <th scope="row">{name}</th>
                    <td>{duration(seconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p class="tool-warning" role="status" data-result="composition-error">
            {composed.message}
          </p>
        )}
      </section>
      {report.diagram && <BlockDiagram diagram={report.diagram} label={label} />}
    </div>
  );
}

// ————————————————————————————————— error budget —————————————————————————————————

const LINE_STYLES = [{ accent: true }, {}, { dashed: true }, { accent: true, dashed: true }];

function BudgetSection({ state, report, update }: SectionProps) {
  const budget = report.budget;
  const chart = useMemo(() => {
    if ('message' in budget) return undefined;
    return {
      x: budget.chart.days,
      series: budget.chart.lines.map((line, i) => ({ label: `${line.label}, burn rate ${rate(line.burnRate)}`, values: line.remaining, ...LINE_STYLES[i % LINE_STYLES.length] })),
    };
  }, [budget]);
  const slo = state.values.slo;

  return (
    <div class="tool fa-stack">
      <form class="tool-inputs fa-inline" onSubmit={(event) => event.preventDefault()} aria-label="Error budget inputs">
        <Field id="slo" label={failureFields.slo.label} unit="fraction, 0.999 = 99.9 %" value={state.raw.slo} error={state.errors.slo} onInput={(t) => update({ slo: t })} />
        <Field id="window" label={failureFields.window.label} unit="days" value={state.raw.window} error={state.errors.window} inputMode="numeric" onInput={(t) => update({ window: t })} />
        <Field id="rps" label={failureFields.rps.label} unit="requests per second" value={state.raw.rps} error={state.errors.rps} onInput={(t) => update({ rps: t })} />
      </form>

      <section class="tool-results" aria-live="polite" aria-label="Error budget results">
        {'message' in budget ? (
          <p class="tool-warning" role="status" data-result="budget-error">
            {budget.message}
          </p>
        ) : (
          <>
            <dl class="tool-figures">
              <div>
                <dt>Error budget</dt>
                <dd data-result="budget-fraction">{smallPercent(budget.budget.budgetFraction)}</dd>
              </div>
              <div>
                <dt>Bad time allowed in {state.values.window} days</dt>
                <dd data-result="bad-time">{duration(budget.budget.allowedBadTimeS)}</dd>
              </div>
              <div>
                <dt>Bad requests allowed in {state.values.window} days</dt>
                <dd data-result="bad-requests">{formatFigure(budget.allowedBadRequests, { digits: budget.allowedBadRequests >= 100 ? 0 : 2 })}</dd>
              </div>
            </dl>
            <p class="tool-note">
              An SLO of {availability(slo)} over {state.values.window} days at {formatFigure(state.values.rps)} requests per second: {formatFigure(budget.totalRequests, { digits: budget.totalRequests >= 100 ? 0 : 2 })} requests in the window.
            </p>
            {budget.design && (
              <p class={budget.design.meets ? 'tool-answer' : 'tool-warning'} data-result="design">
                The composition above{report.composition.ok ? `, at ${availability(report.composition.availability)},` : ''} expects {duration(budget.design.expectedBadTimeS)} of downtime in {state.values.window} days:{' '}
                {budget.design.meets ? 'it meets the SLO and spends ' : 'it misses the SLO, spending '}
                <strong>{formatFigure(budget.design.burnRate, { percent: true, digits: 1 })}</strong> of the budget on its own (burn rate {rate(budget.design.burnRate)}).
              </p>
            )}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on narrow screens; keyboard users must reach it. */}
            <section class="tool-table-scroll" tabIndex={0} aria-labelledby="alerts-caption">
              <table class="tool-table" data-result="alerts">
                <caption id="alerts-caption">Multi-window, multi-burn-rate alerts (SRE Workbook, ch. 5)</caption>
                <thead>
                  <tr>
                    <th scope="col">Alert</th>
                    <th scope="col">Budget spent</th>
                    <th scope="col">Long window</th>
                    <th scope="col">Short window</th>
                    <th scope="col">Burn rate</th>
                    <th scope="col">Error ratio above</th>
                    <th scope="col">Budget gone in</th>
                  </tr>
                </thead>
                <tbody>
                  {budget.alerts.map((alert, i) => (
                    <tr key={i} data-alert={i}>
                      <th scope="row">{alert.severity === 'page' ? 'Page' : 'Ticket'}</th>
                      <td>{formatFigure(alert.budgetConsumed, { percent: true, digits: 0 })}</td>
                      <td>{duration(alert.longWindowS)}</td>
                      <td>{duration(alert.shortWindowS)}</td>
                      <td>{rate(alert.burnRate)}</td>
                      <td>{alert.canFire ? smallPercent(alert.errorRatioThreshold) : 'over 100 %: never fires'}</td>
                      <td>{duration(alert.exhaustionS)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <p class="tool-note">Each alert fires when the error ratio over both its long and its short window is above the threshold.</p>
            {chart && (
              <LineChart
                label={`Error budget remaining over the ${state.values.window}-day window at constant burn rates ${budget.chart.lines.map((l) => rate(l.burnRate)).join(', ')}; the alert table gives when each reaches zero.`}
                xLabel="Day of the window"
                yLabel="Budget left (%)"
                x={chart.x}
                series={chart.series}
              />
            )}
          </>
        )}
      </section>
    </div>
  );
}

// ————————————————————————————————— failure modes —————————————————————————————————

const SCORE_LABELS = { likelihood: 'Likelihood', impact: 'Impact', detectability: 'Detectability' } as const;

function ModeEditor({ row, index, onCell, onRemove }: { row: ModeRow; index: number; onCell: (cell: number, text: string) => void; onRemove: () => void }) {
  const id = `mode-${index}`;
  const problems = row.problems;
  const errorId = (part: string) => `${id}-${part}-error`;
  const describe = (part: keyof typeof problems) => [problems[part] ? errorId(part) : '', problems.row ? errorId('row') : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class="fa-mode" data-mode={index}>
      <legend>{`Failure mode ${index + 1}`}</legend>
      <div class="tool-field fa-name">
        <label for={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          maxLength={80}
          value={row.cells[0]}
          aria-invalid={problems.name ? 'true' : undefined}
          aria-describedby={describe('name')}
          onInput={(event) => onCell(0, (event.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="fa-scores">
        {SCORE_NAMES.map((score, i) => (
          <div class="tool-field" key={score}>
            <label for={`${id}-${score}`}>{SCORE_LABELS[score]}</label>
            <input
              id={`${id}-${score}`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={row.cells[i + 1]}
              aria-invalid={problems[score] ? 'true' : undefined}
              aria-describedby={describe(score)}
              onInput={(event) => onCell(i + 1, (event.currentTarget as HTMLInputElement).value)}
            />
          </div>
        ))}
      </div>
      <button type="button" class="tool-button fa-remove" aria-label={`Remove failure mode ${index + 1}`} onClick={onRemove}>
        Remove
      </button>
      {(['row', 'name', ...SCORE_NAMES] as const).map(
        (part) =>
          problems[part] && (
            <p key={part} id={errorId(part)} class="tool-error" role="alert">
              {`Failure mode ${index + 1}: ${problems[part]}`}
            </p>
          ),
      )}
    </fieldset>
  );
}

function FmeaSection({ state, report, update, focus }: SectionProps) {
  const { rows, ranked, message } = report.fmea;
  const cells = splitModes(state.raw.modes);
  const setCell = (index: number, cell: number, text: string) =>
    update({ modes: joinModes(cells.map((row, i) => (i === index ? Object.assign([...row], { [cell]: text }) : row))) });
  const invalid = rows.length - ranked.length;

  return (
    <div class="tool fa-stack">
      <form class="tool-inputs" onSubmit={(event) => event.preventDefault()} aria-label="Failure mode inputs">
        <p class="tool-hint" id="modes-hint">
          Score each from 1 to 10. Likelihood: 10 happens often. Impact: 10 is a severe, user-visible outage. Detectability: 1 is caught before users notice, 10 goes unseen.
        </p>
        {message ? (
          <>
            <p class="tool-error" role="alert" data-result="modes-error">
              {message}
            </p>
            <button type="button" class="tool-button" onClick={() => update({ modes: defaultRaw(failureFields).modes })}>
              Restore the example failure modes
            </button>
          </>
        ) : (
          <>
            {rows.length === 0 && <p class="tool-note">No failure modes yet.</p>}
            {rows.map((row, index) => (
              <ModeEditor
                key={index}
                row={row}
                index={index}
                onCell={(cell, text) => setCell(index, cell, text)}
                onRemove={() => {
                  update({ modes: joinModes(cells.filter((_, i) => i !== index)) });
                  focus(index < rows.length - 1 ? `mode-${index}-name` : index > 0 ? `mode-${index - 1}-name` : 'modes-add');
                }}
              />
            ))}
            {rows.length < MAX_MODES && (
              <button
                type="button"
                id="modes-add"
                class="tool-button"
                onClick={() => {
                  update({ modes: joinModes([...cells, ['New failure mode', '5', '5', '5']]) });
                  focus(`mode-${rows.length}-name`);
                }}
              >
                Add a failure mode
              </button>
            )}
          </>
        )}
      </form>

      <section class="tool-results" aria-live="polite" aria-label="Failure mode ranking">
        {ranked.length > 0 ? (
          <>
            <p class="tool-answer" data-result="top-mode">
              Highest risk: <strong>{ranked[0]!.name}</strong>, RPN {ranked[0]!.rpn} of a possible 1,000.
            </p>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on narrow screens; keyboard users must reach it. */}
            <section class="tool-table-scroll" tabIndex={0} aria-labelledby="ranking-caption">
              <table class="tool-table fa-ranking" data-result="ranking">
                <caption id="ranking-caption">Failure modes by risk priority number, RPN = likelihood × impact × detectability</caption>
                <thead>
                  <tr>
                    <th scope="col">Rank</th>
                    <th scope="col">Failure mode</th>
                    <th scope="col">
                      <abbr title="Likelihood">L</abbr>
                    </th>
                    <th scope="col">
                      <abbr title="Impact">I</abbr>
                    </th>
                    <th scope="col">
                      <abbr title="Detectability">D</abbr>
                    </th>
                    <th scope="col">RPN</th>
                  </tr>
                </thead>
                <tbody>
                  {ranked.map((mode, rank) => (
                    <tr key={mode.index} data-rank={rank + 1}>
                      <td>{rank + 1}</td>
                      <th scope="row">{mode.name}</th>
                      <td>{mode.likelihood}</td>
                      <td>{mode.impact}</td>
                      <td>{mode.detectability}</td>
                      <td class="fa-rpn">
                        <span>{mode.rpn}</span>
                        <span class="fa-bar" aria-hidden="true">
                          <span style={{ inlineSize: `${mode.rpn / 10}%` }} />
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        ) : (
          <p class="tool-note" data-result="top-mode">
            {message ? 'Fix the failure modes to rank them.' : 'Add a failure mode to rank it.'}
          </p>
        )}
        {invalid > 0 && (
          <p class="tool-note" data-result="left-out">
            {invalid === 1 ? 'One row is' : `${invalid} rows are`} left out of the ranking until {invalid === 1 ? 'it is' : 'they are'} fixed.
          </p>
        )}
      </section>
    </div>
  );
}

// ————————————————————————————————— the tool —————————————————————————————————

interface SectionProps {
  state: FailureState;
  report: FailureReport;
  update: (changes: Partial<Raw>) => void;
  /** Moves focus to the element with this id after the next render. */
  focus: (id: string) => void;
}

export default function FailureAnalyzer() {
  const { state, update, focus } = useFailureState();
  const report = useMemo(() => failureReport(state), [state]);
  const props = { state, report, update, focus };
  return (
    <div class="fa not-content" data-tool="failure">
      <h2 id="fa-availability">Composed availability</h2>
      <AvailabilitySection {...props} />
      <h2 id="fa-budget">Error budget and burn-rate alerts</h2>
      <BudgetSection {...props} />
      <h2 id="fa-modes">Failure modes, ranked</h2>
      <FmeaSection {...props} />
    </div>
  );
}

