/** A labelled select in the tools' field style: the options as value/label pairs, the choice as a string. */
export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  disabled?: boolean;
  onChange: (value: string) => void;
}

export function SelectField({ id, label, value, options, disabled, onChange }: SelectFieldProps) {
  return (
    <div class="tool-field">
      <label for={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
        {options.map((option) => (
          <option value={option.value} key={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
