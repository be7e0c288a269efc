import { useId } from 'react';

/** A PIN entry: digits only, with the numeric keypad on touch screens, never autofilled. */
export function PinField({
  label,
  value,
  onChange,
  autoFocus = false,
  autoComplete = 'current-password',
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoFocus?: boolean;
  readonly autoComplete?: 'current-password' | 'new-password';
}) {
  const id = useId();
  return (
    <div className="field-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete={autoComplete}
        maxLength={12}
        autoFocus={autoFocus}
        value={value}
        onChange={(event) => {
          onChange(event.target.value.replace(/\D/g, ''));
        }}
      />
    </div>
  );
}
