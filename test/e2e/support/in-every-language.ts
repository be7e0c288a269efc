import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousAccessibilityProblems } from './axe.js';
import { screenshot } from './lane-rig.js';

const LANGUAGE_LABEL = { en: 'Language', hy: 'Լեզու', ru: 'Язык' } as const;

export const SCREEN_SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/**
 * The state on screen in every language and at each size, saved as
 * `lane-NAME-LANGUAGE-WxH.png`, each checked by axe-core; then back to
 * English at the first size.
 */
export async function inEveryLanguage(page: Page, name: string, sizes: readonly { width: number; height: number }[] = [SCREEN_SIZES[0]]): Promise<void> {
  let shown: keyof typeof LANGUAGE_LABEL = 'en';
  for (const language of ['en', 'hy', 'ru'] as const) {
    await page.getByRole('combobox', { name: LANGUAGE_LABEL[shown] }).selectOption(language);
    shown = language;
    await page.getByRole('combobox', { name: LANGUAGE_LABEL[language] }).waitFor();
    for (const size of sizes) {
      await page.setViewportSize(size);
      await screenshot(page, `lane-${name}-${language}-${String(size.width)}x${String(size.height)}`);
    }
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  }
  await page.getByRole('combobox', { name: LANGUAGE_LABEL.ru }).selectOption('en');
  const [first] = sizes;
  if (first !== undefined) await page.setViewportSize(first);
}
