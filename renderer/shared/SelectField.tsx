import type { SelectHTMLAttributes } from 'react';
import { FieldRow } from './FieldRow.js';

export interface SelectChoice {
  readonly value: string;
  readonly label: string;
}

/** A labelled drop-down, with its hint and error tied to it for screen readers, as TextField does for text. */
export function SelectField({
  label,
  value,
  choices,
  onChange,
  error,
  hint,
  ...rest
}: {
  readonly label: string;
  readonly value: string;
  readonly choices: readonly SelectChoice[];
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id' | 'children'>) {
  return (
    <FieldRow
      label={label}
      hint={hint}
      error={error}
      control={(tie) => (
        <select
          {...rest}
          {...tie}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
