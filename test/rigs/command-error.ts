/** What a failed execFileSync said on stderr, or its message when stderr was empty: for errors that tell a developer what to fix. */
export function commandError(error: unknown): string {
  if (error instanceof Error && 'stderr' in error) {
    const stderr = (error as { stderr: unknown }).stderr;
    const text = Buffer.isBuffer(stderr) ? stderr.toString('utf8') : String(stderr);
    if (text.trim() !== '') return text.trim();
  }
  return error instanceof Error ? error.message : String(error);
}
