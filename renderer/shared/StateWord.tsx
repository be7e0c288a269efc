import type { ReactNode } from 'react';

export type Tone = 'ok' | 'notice' | 'bad' | 'neutral';

/** Colour is never the only signal: each tone has its own shape, beside the word. */
const ICONS: Readonly<Record<Tone, string>> = { ok: '✓', notice: '!', bad: '✕', neutral: '–' };

/** A state shown as icon and word together, in its tone's colour. */
export function StateWord({ tone, children, testId }: { readonly tone: Tone; readonly children: ReactNode; readonly testId?: string }) {
  return (
    <span className={`state state-${tone}`} data-testid={testId} data-tone={tone}>
      <span className="state-icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <span className="state-word">{children}</span>
    </span>
  );
}
