/** Quick Decisions: binds the answers and inputs to @compendium/tools' decision walk and draws it. No model logic here. */
import {
  ADR_STATUSES,
  adrFileName,
  adrMarkdown,
  COMPUTED_INPUTS,
  type ComputedView,
  type DecisionsReport,
  decisionsFields,
  decisionsReport,
  type FieldName,
  INPUT_INFO,
  TREE_IDS,
  TREES,
} from '@compendium/tools/decisions-tool';
import type { DecisionTree } from '@compendium/tools/links';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Field } from './shared/Field.tsx';
import { useToolState } from './shared/useToolState.ts';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function PathPicture({ report }: { report: DecisionsReport }) {
  const { layout, tree, steps, current, outcome } = report;
  const questions = Object.keys(tree.questions).length;
  const decisions = Object.keys(tree.outcomes).length;
  const walked = steps.map((s, i) => `${i + 1}. ${s.question.text} ${s.option.label}`).join(' ');
  const where = outcome ? `Decision: ${outcome.title}.` : current ? `Now at question ${current.number}: ${current.question.text}` : '';
  const label = `The “${tree.name}” tree: ${questions} questions and ${decisions} decisions, with your path marked. ${walked} ${where}`;
  const edges = [...layout.edges].sort((a, b) => Number(a.onPath) - Number(b.onPath));
  const nodes = [...layout.nodes].sort((a, b) => Number(a.onPath) - Number(b.onPath));
  return (
    <svg class="qd-tree" viewBox={`0 0 ${layout.width} ${layout.height}`} width={Math.round(layout.width * 1.4)} role="img" aria-label={label} data-result="path">
      {edges.map((e) => (
        <line key={e.to} class={e.onPath ? 'qd-edge qd-on' : 'qd-edge'} x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} />
      ))}
      {nodes.map((n) => {
        const cls = `qd-node${n.onPath ? ' qd-on' : ''}${n.current ? ' qd-current' : ''}`;
        return (
          <g key={n.key} class={cls} data-node={n.id} data-on-path={n.onPath ? 'true' : undefined}>
            {n.kind === 'question' ? <circle cx={n.x} cy={n.y} r={9} /> : <rect x={n.x - 8} y={n.y - 8} width={16} height={16} rx={3} />}
            {n.step !== undefined && n.kind === 'question' && (
              <text x={n.x} y={n.y} dy="0.35em" text-anchor="middle">
                {n.step}
              </text>
            )}
            {n.current && n.kind === 'outcome' && (
              <text x={n.x} y={n.y} dy="0.35em" text-anchor="middle">
                ✓
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function Figures({ view }: { view: ComputedView }) {
  if (!view.ok) {
    return (
      <p class="tool-warning" role="status" data-result="figures-message">
        {view.message}
      </p>
    );
  }
  return (
    <>
      <dl class="tool-figures" data-result="figures">
        {view.figures.map((f) => (
          <div key={f.id} data-figure={f.id}>
            <dt>{f.label}</dt>
            <dd>{f.text}</dd>
          </div>
        ))}
      </dl>
      <p class="tool-answer" data-result="reason">
        {view.reason}
      </p>
    </>
  );
}

export default function QuickDecisions() {
  const { state, update } = useToolState(decisionsFields);
  const report = useMemo(() => decisionsReport(state.values, state.errors), [state.values, state.errors]);
  const answers = report.steps.map((s) => s.option.id);
  const treeId = report.tree.id;
  const positionKey = `${treeId}:${answers.join(',')}`;
  const [pending, setPending] = useState<{ key: string; id: string } | null>(null);
  const [nudge, setNudge] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  const moveFocus = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const decisionHeading = useRef<HTMLHeadingElement>(null);
  const record = useRef<HTMLPreElement>(null);

  const current = report.current;
  const outcome = report.outcome;
  const suggested = current?.computed?.ok ? current.computed.suggested : undefined;
  const chosen = pending?.key === positionKey ? pending.id : suggested;

  const go = (next: string[], preselect?: string) => {
    update('answers', next.join(','));
    setPending(preselect ? { key: `${treeId}:${next.join(',')}`, id: preselect } : null);
    setNudge(null);
    setNotice('');
    moveFocus.current = true;
  };
  const advance = () => {
    if (!current) return;
    if (!chosen) {
      setNudge('Choose an answer to continue.');
      return;
    }
    go([...answers, chosen]);
  };
  const chooseTree = (tree: DecisionTree) => {
    update('tree', tree);
    update('answers', '');
    setPending(null);
    setNudge(null);
    setNotice('');
  };

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    if (outcome) {
      decisionHeading.current?.focus();
      return;
    }
    const radios = form.current;
    const target = radios?.querySelector<HTMLInputElement>('input[name="answer"]:checked') ?? radios?.querySelector<HTMLInputElement>('input[name="answer"]');
    target?.focus();
  }, [positionKey]);

  const adr = useMemo(() => {
    if (!outcome) return undefined;
    const origin = typeof window === 'undefined' ? '' : window.location.origin;
    const here = typeof window === 'undefined' ? undefined : window.location.href;
    return adrMarkdown(report, { title: state.values.title, context: state.values.context, status: state.values.status, date: today, siteUrl: origin, sourceUrl: here });
  }, [report, outcome, state.values.title, state.values.context, state.values.status, today]);

  const copy = async () => {
    if (!adr) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(adr);
      setNotice('Copied the record to the clipboard.');
    } catch {
      const selection = window.getSelection();
      if (record.current && selection) selection.selectAllChildren(record.current);
      setNotice('This browser did not let the page copy. The record is now selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };
  const download = () => {
    if (!adr) return;
    const name = adrFileName(state.values.title || outcome?.title || '');
    const url = URL.createObjectURL(new Blob([adr], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNotice(`Saving ${name}.`);
  };

  // Inputs on screen now; errors of the others (from a shared address) are listed at the top, so none is silent.
  const shown = new Set<FieldName>(['tree', 'answers']);
  if (current?.question.computed) for (const name of COMPUTED_INPUTS[current.question.computed]) shown.add(name);
  if (outcome) for (const name of ['title', 'context', 'status'] as const) shown.add(name);
  const hiddenErrors = (Object.keys(state.errors) as FieldName[]).filter((name) => !shown.has(name)).map((name) => state.errors[name]!);
  const pathError = state.errors.answers ?? report.pathError;

  return (
    <div class="tool not-content qd" data-tool="decisions">
      <div class="qd-head">
        <div class="qd-head-text">
          <div class={`tool-field${state.errors.tree ? ' has-error' : ''}`}>
            <label for="qd-tree">Decision</label>
            <select
              id="qd-tree"
              class="qd-select"
              value={state.values.tree}
              aria-describedby={state.errors.tree ? 'qd-tree-hint qd-tree-error' : 'qd-tree-hint'}
              onChange={(event) => chooseTree((event.currentTarget as HTMLSelectElement).value as DecisionTree)}
            >
              {TREE_IDS.map((id) => (
                <option key={id} value={id}>
                  {TREES[id].name}
                </option>
              ))}
            </select>
            <p id="qd-tree-hint" class="tool-hint">
              {report.tree.summary}
            </p>
            {state.errors.tree && (
              <p id="qd-tree-error" class="tool-error" role="alert">
                {state.errors.tree}
              </p>
            )}
          </div>
          <p class="qd-progress" data-result="progress">
            {current
              ? `Question ${current.number} of up to ${current.atMost}`
              : `Decision reached after ${report.steps.length} ${report.steps.length === 1 ? 'answer' : 'answers'}`}
          </p>
        </div>
        <PathPicture report={report} />
      </div>

      {hiddenErrors.length > 0 && (
        <div class="tool-error" role="alert" data-result="address-errors">
          <p>Refused from the address (defaults used instead):</p>
          <ul>
            {hiddenErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {pathError && (
        <p class="tool-error" role="alert" data-result="path-error">
          {pathError}
        </p>
      )}

      <form
        ref={form}
        class={current ? 'tool-inputs qd-form' : 'qd-form'}
        aria-label={current ? `Question ${current.number}` : 'Navigation'}
        onSubmit={(event) => {
          event.preventDefault();
          advance();
        }}
      >
        {current && (
          <>
            <fieldset class="qd-answers" aria-describedby="qd-why">
              <legend>{current.question.text}</legend>
              <p id="qd-why" class="tool-hint">
                {current.question.why}
              </p>
              <div class="qd-options">
                {current.question.options.map((option) => (
                  <label key={option.id} class="qd-option">
                    <input
                      type="radio"
                      name="answer"
                      value={option.id}
                      checked={chosen === option.id}
                      onChange={() => {
                        setPending({ key: positionKey, id: option.id });
                        setNudge(null);
                      }}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') {
                          event.preventDefault();
                          advance();
                        }
                      }}
                    />
                    <span>
                      {option.label}
                      {option.id === suggested && <span class="qd-badge">The figures point here</span>}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            {current.question.computed && (
              <>
                <fieldset class="qd-numbers">
                  <legend>Your numbers</legend>
                  <div class="qd-number-grid">
                    {COMPUTED_INPUTS[current.question.computed].map((name) => {
                      const info = INPUT_INFO[name] ?? {};
                      return (
                        <Field
                          key={name}
                          id={`qd-${name}`}
                          label={decisionsFields[name].label}
                          unit={info.unit}
                          hint={info.hint}
                          inputMode={info.inputMode}
                          value={state.raw[name]}
                          error={state.errors[name]}
                          onInput={(text) => update(name, text)}
                        />
                      );
                    })}
                  </div>
                </fieldset>
                {current.computed && (
                  <div class="qd-computed" aria-live="polite">
                    <h3>The figures</h3>
                    <Figures view={current.computed} />
                  </div>
                )}
              </>
            )}
            {nudge && (
              <p class="tool-error" role="alert">
                {nudge}
              </p>
            )}
          </>
        )}
        <div class="qd-nav">
          {current && (
            <button type="submit" class="tool-button qd-primary">
              Next
            </button>
          )}
          <button type="button" class="tool-button" disabled={answers.length === 0} onClick={() => go(answers.slice(0, -1), answers.at(-1))}>
            Back
          </button>
          <button type="button" class="tool-button" disabled={answers.length === 0} onClick={() => go([])}>
            Start over
          </button>
        </div>
      </form>

      {report.steps.length > 0 && (
        <section class="qd-answered" aria-labelledby="qd-answered-heading">
          <h3 id="qd-answered-heading">{outcome ? 'How you got here' : 'Your answers so far'}</h3>
          <ol class="qd-steps" data-result="steps">
            {report.steps.map((step, index) => (
              <li key={step.question.id}>
                <span class="qd-step-question">{step.question.text}</span> <strong>{step.option.label}</strong>
                {step.computed?.ok && <span class="qd-step-reason">{step.computed.reason}</span>}
                {step.againstNumbers && <span class="qd-step-against">Chosen against the figures.</span>}
                <button
                  type="button"
                  class="tool-button qd-change"
                  aria-label={`Change answer ${index + 1}: ${step.question.text}`}
                  onClick={() => go(answers.slice(0, index), step.option.id)}
                >
                  Change
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}

      {outcome && (
        <article class="qd-outcome" data-result="outcome" data-outcome={outcome.id}>
          <h3 ref={decisionHeading} tabIndex={-1} data-result="decision">
            {outcome.title}
          </h3>
          <p>{outcome.decision}</p>
          <div class="qd-consequences">
            <div>
              <h4>Good</h4>
              <ul>
                {outcome.good.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
            <div>
              <h4>Bad</h4>
              <ul>
                {outcome.bad.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          </div>
          <h4>Alternatives considered</h4>
          <ul>
            {outcome.alternatives.map((a) => (
              <li key={a.name}>
                <strong>{a.name}</strong>: {a.why}.
              </li>
            ))}
          </ul>
          <h4>Read more in the Compendium</h4>
          <ul>
            {outcome.links.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>

          <h3>Architecture decision record</h3>
          <p>In Michael Nygard’s format: title, status, context, decision, consequences. Markdown, ready for a docs/adr folder.</p>
          <fieldset class="tool-inputs qd-record-inputs">
            <legend>Your record</legend>
            <Field
              id="qd-title"
              label="Title"
              inputMode="text"
              value={state.raw.title}
              error={state.errors.title}
              hint={`Leave empty for “${outcome.title}”. Up to 100 characters.`}
              onInput={(text) => update('title', text)}
            />
            <div class={`tool-field${state.errors.context ? ' has-error' : ''}`}>
              <label for="qd-context">Context</label>
              <textarea
                id="qd-context"
                rows={4}
                value={state.raw.context}
                aria-invalid={state.errors.context ? 'true' : undefined}
                aria-describedby={state.errors.context ? 'qd-context-hint qd-context-error' : 'qd-context-hint'}
                onInput={(event) => update('context', (event.currentTarget as HTMLTextAreaElement).value)}
              />
              <p id="qd-context-hint" class="tool-hint">
                The forces at play: the system, its constraints, what prompted the decision. Plain text, up to 1,000 characters.
              </p>
              {state.errors.context && (
                <p id="qd-context-error" class="tool-error" role="alert">
                  {state.errors.context}
                </p>
              )}
            </div>
            <div class="tool-field">
              <label for="qd-status">Status</label>
              <select
                id="qd-status"
                class="qd-select"
                value={state.values.status}
                aria-describedby={state.errors.status ? 'qd-status-error' : undefined}
                onChange={(event) => update('status', (event.currentTarget as HTMLSelectElement).value)}
              >
                {ADR_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {capitalise(status)}
                  </option>
                ))}
              </select>
              {state.errors.status && (
                <p id="qd-status-error" class="tool-error" role="alert">
                  {state.errors.status}
                </p>
              )}
            </div>
          </fieldset>
          <div class="qd-record-actions">
            <button type="button" class="tool-button qd-primary" onClick={copy}>
              Copy
            </button>
            <button type="button" class="tool-button" onClick={download}>
              Download .md
            </button>
          </div>
          <p class="tool-note" role="status" data-result="notice">
            {notice}
          </p>
          <pre ref={record} class="qd-record" data-result="adr">
            {adr}
          </pre>
        </article>
      )}
    </div>
  );
}
