/**
 * The distributed-lock lab: an editor for the reader's lock (CodeMirror 6), a fault schedule, and the verdict of
 * @compendium/lab with a minimal counter-example drawn as a timeline. The reader's code runs in a Web Worker
 * (site/src/workers/lock-lab.worker.ts) that is terminated when it overruns its time limit.
 */
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, lineNumbers } from '@codemirror/view';
import fencedSource from '@compendium/lab/solutions/fenced-lease.ts?raw';
import naiveSource from '@compendium/lab/solutions/naive-lease.ts?raw';
import { namedSchedule, randomSchedule, SCHEDULES } from '@compendium/lab/schedules';
import { numberField } from '@compendium/tools/fields';
import { mergeQuery } from '@compendium/tools/query';
import { seedField } from '@compendium/tools/simulation-state';
import { tags } from '@lezer/highlight';
import { minimalSetup } from 'codemirror';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LockLabReply, LockLabRequest } from '../workers/lock-lab.worker.ts';
import { LabTimeline, violationWindow } from './shared/LabTimeline.tsx';
import { Field } from './shared/Field.tsx';
import { SelectField } from './shared/SelectField.tsx';

const STORAGE_KEY = 'compendium:lock-lab:source';
const TIME_LIMIT_MS = 8000;
const DURATION = 20;
const URL_KEYS = new Set(['schedule', 'seed', 'clients']);
const STARTERS = { naive: naiveSource, fenced: fencedSource } as const;
const SCHEDULE_CHOICES = [...SCHEDULES.map((s) => ({ value: s.name, label: s.name, summary: s.summary })), { value: 'random', label: 'random (from the seed)', summary: 'one to four faults of any kind, drawn from the seed' }];

const CLIENT_CHOICES = [2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));

type Outcome = { type: 'running' } | { type: 'timeout' } | { type: 'input'; message: string } | LockLabReply;

const clientsField = numberField({ key: 'clients', label: 'Clients', defaultValue: 3, min: 2, max: 5, integer: true });

/** A code editor themed by Starlight's own colour variables, so it follows the light and dark themes. */
const editorTheme = EditorView.theme({
  '&': { backgroundColor: 'var(--sl-color-bg)', color: 'var(--sl-color-white)', fontSize: 'var(--sl-text-sm)' },
  '.cm-content': { fontFamily: 'var(--sl-font-mono)', caretColor: 'var(--sl-color-white)' },
  '.cm-gutters': { backgroundColor: 'var(--sl-color-bg-nav)', color: 'var(--sl-color-gray-2)', borderRight: '1px solid var(--sl-color-gray-5)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--sl-color-accent-low) 45%, transparent)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--sl-color-accent-low) !important' },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent)' },
});

/**
 * Syntax colours as CSS variables (--code-*, in compendium.css) picked per theme from Starlight's palette, so every
 * token keeps its contrast in both themes (CodeMirror's default style is made for a light background only).
 */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.moduleKeyword, tags.operatorKeyword, tags.definitionKeyword, tags.modifier, tags.self], color: 'var(--code-keyword)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--code-number)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--sl-color-gray-2)', fontStyle: 'italic' },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--code-type)' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.definition(tags.function(tags.variableName))], color: 'var(--code-function)' },
  { tag: [tags.variableName, tags.propertyName, tags.definition(tags.variableName), tags.punctuation, tags.operator], color: 'var(--sl-color-white)' },
]);

export default function LockLab() {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>();
  const worker = useRef<Worker>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [schedule, setSchedule] = useState('gc-pause');
  const [seedText, setSeedText] = useState('1');
  const [clients, setClients] = useState(3);
  const [outcome, setOutcome] = useState<Outcome>();

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const fromUrl = params.get('schedule');
    if (fromUrl && SCHEDULE_CHOICES.some((c) => c.value === fromUrl)) setSchedule(fromUrl);
    // A link's values are used when valid and otherwise ignored: the form shows its own defaults.
    const seed = seedField.parse(params.get('seed') ?? '');
    if (seed.ok) setSeedText(String(seed.value));
    const count = clientsField.parse(params.get('clients') ?? '');
    if (count.ok) setClients(count.value);

    let saved: string | null = null;
    try {
      saved = localStorage.getItem(STORAGE_KEY);
    } catch {
      // Storage may be disabled; the editor simply starts from the naive solution.
    }
    view.current = new EditorView({
      doc: saved ?? STARTERS.naive,
      parent: host.current!,
      extensions: [
        // The minimal set plus what writing code needs; no autocompletion, search panel or lint gutter (a third of
        // the weight of CodeMirror's basic setup). Tab is left to move focus, so the editor never traps the keyboard.
        minimalSetup,
        lineNumbers(),
        highlightActiveLine(),
        highlightActiveLineGutter(),
        bracketMatching(),
        indentOnInput(),
        javascript({ typescript: true }),
        syntaxHighlighting(highlight),
        // Wrapped lines and no height limit: the editor grows with the code instead of becoming a scroll region of its own.
        EditorView.lineWrapping,
        editorTheme,
        EditorView.contentAttributes.of({ 'aria-label': 'Your lock service and client, in TypeScript' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          try {
            localStorage.setItem(STORAGE_KEY, update.state.doc.toString());
          } catch {
            // Not saved; nothing else depends on it.
          }
        }),
      ],
    });
    return () => {
      view.current?.destroy();
      worker.current?.terminate();
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const seedParsed = seedField.parse(seedText);
  const seed = seedParsed.ok ? seedParsed.value : 0;
  const seedError = seedParsed.ok ? undefined : seedParsed.message;

  /** Ends the run in progress, if any (its worker and its time limit), and shows `outcome` in its place. */
  const finish = (outcome: Outcome | undefined) => {
    worker.current?.terminate();
    if (timer.current) clearTimeout(timer.current);
    setOutcome(outcome);
  };

  const load = (name: keyof typeof STARTERS) => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: STARTERS[name] } });
    // A run of the previous code must not report beside the new code.
    finish(undefined);
  };

  const run = () => {
    const editor = view.current;
    if (!editor || seedError) return;
    let nemesis: LockLabRequest['nemesis'];
    try {
      nemesis = schedule === 'random' ? randomSchedule(seed, { clients, duration: DURATION }) : namedSchedule(schedule, clients);
    } catch (error) {
      setOutcome({ type: 'input', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    history.replaceState(null, '', `${window.location.pathname}${mergeQuery(window.location.search, (key) => URL_KEYS.has(key), `?schedule=${schedule}&seed=${seed}&clients=${clients}`)}${window.location.hash}`);
    // A fresh worker for every run: the previous one may be stuck in the reader's loop.
    finish({ type: 'running' });
    const w = new Worker(new URL('../workers/lock-lab.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    timer.current = setTimeout(() => finish({ type: 'timeout' }), TIME_LIMIT_MS);
    w.onmessage = (event: MessageEvent<LockLabReply>) => finish(event.data);
    w.onerror = (event) => finish({ type: 'input', message: `The lab itself failed: ${event.message || 'the worker stopped'}. Please report this with your code.` });
    w.postMessage({ source: editor.state.doc.toString(), nemesis, seed, clients, duration: DURATION, timeLimitMs: TIME_LIMIT_MS - 500 } satisfies LockLabRequest);
  };

  const chosen = SCHEDULE_CHOICES.find((c) => c.value === schedule);

  return (
    <div class="tool lab not-content" data-lab="lock">
      <fieldset class="lab-starters">
        <legend class="sr-only">Start from a shipped solution</legend>
        <button type="button" class="raft-button" onClick={() => load('naive')}>
          Load the naive lease
        </button>
        <button type="button" class="raft-button" onClick={() => load('fenced')}>
          Load the fenced lease
        </button>
        <span class="lab-hint">Your edits are kept in this browser.</span>
      </fieldset>
      <div class="lab-editor" ref={host} data-lab-editor />

      <form
        class="lab-run"
        aria-label="Run the lab"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <SelectField id="lab-schedule" label="Fault schedule" value={schedule} options={SCHEDULE_CHOICES} onChange={setSchedule} />
        <SelectField id="lab-clients" label="Clients" value={String(clients)} options={CLIENT_CHOICES} onChange={(value) => setClients(Number(value))} />
        <Field id="lab-seed" label="Seed" inputMode="numeric" value={seedText} error={seedError} onInput={setSeedText} />
        <button type="submit" class="raft-button lab-go" disabled={seedError !== undefined || outcome?.type === 'running'}>
          {outcome?.type === 'running' ? 'Running…' : 'Run the lab'}
        </button>
        {chosen && <p class="lab-hint lab-schedule-summary">{chosen.summary}</p>}
      </form>

      <div role="status" class="lab-verdict-region" data-lab-status>
        {outcome && <Verdict outcome={outcome} />}
      </div>
    </div>
  );
}

function Verdict({ outcome }: { outcome: Outcome }) {
  if (outcome.type === 'running') return <p class="lab-running">Running your lock for {DURATION} simulated seconds…</p>;
  if (outcome.type === 'timeout') {
    return (
      <p class="lab-verdict lab-error" data-verdict="timeout">
        Stopped after {TIME_LIMIT_MS / 1000} s of real time: your code may loop forever inside one callback (a loop that never returns cannot be interrupted from inside; schedule work with setTimer instead).
      </p>
    );
  }
  if (outcome.type === 'input') return <p class="tool-error">{outcome.message}</p>;
  if (outcome.type === 'load-error') {
    return (
      <p class="lab-verdict lab-error" data-verdict="load-error">
        Your code could not be loaded: {outcome.message}
      </p>
    );
  }
  const { result, shrunk } = outcome;
  const shown = shrunk?.result ?? result;
  if (result.verdict === 'error') {
    const e = result.error;
    return (
      <p class="lab-verdict lab-error" data-verdict="error">
        Your code failed{e?.node ? ` on ${e.node}` : ''}
        {e ? ` in ${e.callback} at ${e.time.toFixed(3)} s` : ''}
        {e?.line ? ` (line ${e.line})` : ''}: {e?.message ?? 'an unknown error'}
      </p>
    );
  }
  const stats = result.stats;
  const closeUp = result.verdict === 'unsafe' ? violationWindow(shown) : undefined;
  return (
    <div class="lab-result">
      {result.verdict === 'safe' ? (
        <p class="lab-verdict lab-safe" data-verdict="safe">
          Safe: no two holders' writes interleaved. {stats.grants} grants, {stats.acceptedWrites} writes accepted and {stats.rejectedWrites} rejected by the storage
          {stats.rejectedWrites > 0 ? ' (fencing at work)' : ''}, {stats.messagesDropped} of {stats.messagesSent} messages lost.
        </p>
      ) : (
        <>
          <p class="lab-verdict lab-unsafe" data-verdict="unsafe">
            Unsafe: {result.violations.length} violation{result.violations.length === 1 ? '' : 's'} of mutual exclusion under the schedule you chose.
          </p>
          {shrunk && (
            <p class="lab-shrunk" data-lab-shrunk>
              Smallest schedule that still breaks it ({shrunk.runs} reruns{shrunk.complete ? '' : ', budget reached'}): <strong>{shrunk.schedule.length === 0 ? 'no faults at all' : shrunk.schedule.join('; ')}</strong>. Original: {outcome.schedule.join('; ')}.
            </p>
          )}
          <p class="lab-shrunk">{shrunk ? `What the smallest failing run violates (${shown.violations.length}):` : 'What the run violates:'}</p>
          <ol class="lab-violations">
            {shown.violations.slice(0, 5).map((v, i) => (
              <li key={i}>
                <strong>{v.kind}</strong>: {v.message}
              </li>
            ))}
          </ol>
        </>
      )}
      <LabTimeline result={shown} title={shrunk ? 'Timeline of the smallest failing run' : 'Timeline of the run'} />
      {closeUp && <LabTimeline result={shown} title="Close-up of the first violation, with every message between the lock service and the clients" window={closeUp} messages />}
    </div>
  );
}
