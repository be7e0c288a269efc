import { useId, type InputHTMLAttributes } from 'react';

/** A labelled text input with its error said in words beside it, and tied to it for screen readers. */
export function TextField({
  label,
  value,
  onChange,
  error,
  ...rest
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field-row${error === undefined ? '' : ' field-invalid'}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...rest}
        value={value}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {error === undefined ? null : (
        <span className="field-error" id={errorId}>
          <span aria-hidden="true">✕ </span>
          {error}
        </span>
      )}
    </div>
  );
}
