/**
 * A growable list of place inputs (cities or cloud regions) with suggestions, kept as one comma-separated value
 * so it maps onto a single URL parameter. Used by every tool that takes a set of places.
 */

interface Props {
  /** Singular noun for labels and ids: "place" gives inputs "Place 1", buttons "Remove place 1", "Add a place". */
  noun: string;
  legend: string;
  /** The comma-separated text the URL holds. */
  raw: string;
  error?: string;
  minItems: number;
  maxItems: number;
  placeOptions: { id: string; name: string }[];
  onChange: (raw: string) => void;
}

export function PlaceList({ noun, legend, raw, error, minItems, maxItems, placeOptions, onChange }: Props) {
  const entries = raw.split(',');
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const listId = `${noun}-suggestions`;
  const errorId = `${noun}s-error`;
  const setEntry = (index: number, text: string) => {
    const next = [...entries];
    // A comma would split the entry in two in the URL.
    next[index] = text.replace(/,/g, ' ');
    onChange(next.join(','));
  };

  return (
    <fieldset class="tool-places">
      <legend>{legend}</legend>
      <datalist id={listId}>
        {placeOptions.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </datalist>
      {entries.map((entry, index) => (
        <div class="tool-place-row" key={index}>
          <label for={`${noun}-${index}`} class="sr-only">{`${Noun} ${index + 1}`}</label>
          <input
            id={`${noun}-${index}`}
            type="text"
            list={listId}
            autoComplete="off"
            spellcheck={false}
            value={entry}
            aria-invalid={error?.includes(`entry ${index + 1}:`) ? 'true' : undefined}
            aria-describedby={error ? errorId : undefined}
            onInput={(event) => setEntry(index, (event.currentTarget as HTMLInputElement).value)}
          />
          {entries.length > minItems && (
            <button type="button" class="tool-button" aria-label={`Remove ${noun} ${index + 1}`} onClick={() => onChange(entries.filter((_, i) => i !== index).join(','))}>
              Remove
            </button>
          )}
        </div>
      ))}
      {entries.length < maxItems && (
        <button type="button" class="tool-button" onClick={() => onChange(`${raw},`)}>
          Add a {noun}
        </button>
      )}
      {error && (
        <p id={errorId} class="tool-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
