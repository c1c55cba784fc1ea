/** A labelled input whose error, when there is one, sits beside it and is announced with it. */
import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  error?: string;
  hint?: ComponentChildren;
  unit?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  list?: string;
  disabled?: boolean;
  onInput: (text: string) => void;
}

export function Field({ id, label, value, error, hint, unit, inputMode = 'decimal', list, disabled, onInput }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`tool-field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {label}
        {unit && <span class="tool-unit"> ({unit})</span>}
      </label>
      <div class="tool-input-row">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellcheck={false}
          list={list}
          disabled={disabled}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described}
          onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {hint && (
        <p id={`${id}-hint`} class="tool-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="tool-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
