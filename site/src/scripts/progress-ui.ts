/**
 * Binds the page to the reader's saved progress (site/src/lib/progress.ts holds every rule). It runs on every page:
 * the "mark as done" button, the check boxes and bars of the path pages, the marks in the sidebar, export and import.
 * Storage can be missing (blocked, private mode) or hold anything; the page must work regardless.
 */
import { CORRUPT_KEY, describePathProgress, emptyProgress, isDone, type Progress, pathProgress, readProgress, STORAGE_KEY, serialize, setDone } from '../lib/progress.ts';

interface State {
  progress: Progress;
  /** Why stored progress could not be read, until the reader's next mark sets it aside. */
  unreadable?: { raw: string; problem: string };
  storageBlocked: boolean;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function load(): State {
  const store = storage();
  if (!store) return { progress: emptyProgress(), storageBlocked: true };
  let raw: string | null;
  try {
    raw = store.getItem(STORAGE_KEY);
  } catch {
    return { progress: emptyProgress(), storageBlocked: true };
  }
  const result = readProgress(raw);
  if (result.ok) return { progress: result.progress, storageBlocked: false };
  return { progress: result.progress, storageBlocked: false, unreadable: { raw: raw ?? '', problem: result.problem } };
}

let state = load();

function save(progress: Progress): void {
  state = { ...state, progress };
  const store = storage();
  try {
    if (state.unreadable) {
      store?.setItem(CORRUPT_KEY, state.unreadable.raw);
      state = { ...state, unreadable: undefined };
    }
    store?.setItem(STORAGE_KEY, serialize(progress));
  } catch {
    state = { ...state, storageBlocked: true };
  }
  render();
}

const pathSteps = (): Record<string, string[]> => {
  const data = document.getElementById('compendium-path-steps');
  try {
    return data?.textContent ? (JSON.parse(data.textContent) as Record<string, string[]>) : {};
  } catch {
    return {};
  }
};

function notice(): string {
  if (state.storageBlocked) return 'This browser does not let the site save progress (storage is blocked), so marks last only until you leave the page.';
  if (state.unreadable) return `Saved progress could not be read (${state.unreadable.problem}), so it is set aside and you start from zero; your next mark keeps a copy of the old data.`;
  return '';
}

function render(): void {
  const { progress } = state;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-progress-toggle]')) {
    const done = isDone(progress, button.dataset.key ?? '');
    button.setAttribute('aria-pressed', String(done));
    button.hidden = false;
    const label = button.querySelector('[data-label]');
    if (label) label.textContent = done ? 'Done' : 'Mark as done';
  }
  for (const box of document.querySelectorAll<HTMLInputElement>('input[data-progress-step]')) {
    box.checked = isDone(progress, box.dataset.progressStep ?? '');
    box.disabled = false;
    box.closest('li')?.classList.toggle('is-done', box.checked);
  }
  const steps = pathSteps();
  for (const el of document.querySelectorAll<HTMLElement>('[data-path-progress]')) {
    const measured = pathProgress(progress, steps[el.dataset.pathProgress ?? ''] ?? []);
    const text = el.querySelector('[data-progress-text]');
    const bar = el.querySelector('progress');
    if (text) text.textContent = describePathProgress(measured);
    if (bar) {
      bar.max = Math.max(1, measured.total);
      bar.value = measured.done;
    }
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href^="/"]')) {
    const route = link.getAttribute('href') ?? '';
    link.querySelector('.progress-mark')?.remove();
    const keys = steps[route];
    const mark = document.createElement('span');
    mark.className = 'progress-mark';
    if (keys) {
      const measured = pathProgress(progress, keys);
      if (measured.done === 0) continue;
      mark.textContent = `${measured.done}/${measured.total}`;
      mark.setAttribute('aria-label', `${measured.done} of ${measured.total} steps done`);
      mark.setAttribute('role', 'img');
    } else if (isDone(progress, route)) {
      mark.textContent = '✓';
      mark.setAttribute('aria-label', 'done');
      mark.setAttribute('role', 'img');
    } else continue;
    link.append(mark);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress-notice]')) {
    const text = notice();
    el.textContent = text;
    el.hidden = text === '';
  }
}

document.addEventListener('click', (event) => {
  const toggle = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-progress-toggle]');
  if (toggle?.dataset.key) save(setDone(state.progress, toggle.dataset.key, toggle.getAttribute('aria-pressed') !== 'true'));
});

document.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement | null;
  if (target?.dataset.progressStep) save(setDone(state.progress, target.dataset.progressStep, target.checked));
});

// Export and import exist only on the path pages; other pages never download that code.
if (document.querySelector('[data-progress-file]')) {
  void import('./progress-file-ui.ts').then(({ bindProgressFile }) => bindProgressFile({ current: () => state.progress, save }));
}

// Another tab marked a page: show it here too.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY || event.key === null) {
    state = load();
    render();
  }
});

render();
