/** A problem the officer must read, announced at once; nothing when there is none. */
export function ErrorAlert({ message, testId }: { readonly message: string | undefined; readonly testId?: string }) {
  if (message === undefined) return null;
  return (
    <p role="alert" className="message message-bad" data-testid={testId}>
      <span aria-hidden="true">✕ </span>
      {message}
    </p>
  );
}
