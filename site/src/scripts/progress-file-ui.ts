/** Export of the saved progress to a file and import from one, for the path pages (loaded on demand by progress-ui). */
import { exportFile, importFile, type Progress } from '../lib/progress.ts';

interface ProgressStore {
  current: () => Progress;
  save: (progress: Progress) => void;
}

function announce(from: Element, message: string): void {
  const region = from.closest('[data-progress-file]')?.querySelector<HTMLElement>('[data-progress-message]');
  if (region) region.textContent = message;
}

const marks = (n: number) => `${n} ${n === 1 ? 'mark' : 'marks'}`;

export function bindProgressFile(store: ProgressStore): void {
  document.addEventListener('click', (event) => {
    const exporter = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-progress-export]');
    if (!exporter) return;
    const progress = store.current();
    const file = exportFile(progress);
    const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    announce(exporter, `Saved ${marks(Object.keys(progress.pages).length)} to ${file.name}.`);
  });

  document.addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement | null;
    if (!input?.matches('[data-progress-import]')) return;
    const file = input.files?.[0];
    if (!file) return;
    const result = importFile(store.current(), await file.text());
    if (result.ok) {
      store.save(result.progress);
      announce(input, `Imported ${marks(result.total)} from ${file.name}; ${result.added} new.`);
    } else announce(input, result.message);
    input.value = '';
  });
}
