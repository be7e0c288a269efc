import type { InputHTMLAttributes } from 'react';
import { FieldRow } from './FieldRow.js';

/** A labelled text input with its hint and its error said in words beside it, and tied to it for screen readers. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  ...rest
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>) {
  return (
    <FieldRow
      label={label}
      hint={hint}
      error={error}
      control={(tie) => (
        <input
          {...rest}
          {...tie}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    />
  );
}
