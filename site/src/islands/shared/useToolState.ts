/**
 * A tool's whole state lives in the URL: read it when the island wakes, write it back (replaceState, so the back
 * button is not flooded) whenever an input changes. All parsing and validation is in @compendium/tools.
 */
import { defaultRaw, evaluate, type FieldSet, mergeQuery, readState, type RawOf, type ToolState, writeState } from '@compendium/tools';
import { useCallback, useEffect, useState } from 'preact/hooks';

export function useToolState<F extends FieldSet>(fields: F) {
  const [state, setState] = useState<ToolState<F>>(() => evaluate(fields, defaultRaw(fields)));

  useEffect(() => {
    setState(readState(fields, window.location.search));
  }, [fields]);

  const update = useCallback(
    (name: keyof F, text: string) => {
      setState((previous) => {
        const raw = { ...previous.raw, [name]: text } as RawOf<F>;
        const next = evaluate(fields, raw);
        const query = mergeQuery(window.location.search, (key) => key in fields, writeState(fields, raw));
        window.history.replaceState(null, '', `${window.location.pathname}${query}${window.location.hash}`);
        return next;
      });
    },
    [fields],
  );

  return { state, update };
}
