// The page's language as a Svelte context, so any component can read it and follow a switch without a reload.
import { getContext, setContext } from 'svelte';
import type { Language } from './language.ts';

/** Localized holds one value per language; each area of the UI keeps its own catalogue in one of these. */
export type Localized<T> = Readonly<Record<Language, T>>;

const KEY = Symbol('mail-lab.language');

/** provideLanguage makes `current` the language of this component and everything inside it; call it once at the top. */
export function provideLanguage(current: () => Language): void {
  setContext(KEY, current);
}

/** useLanguage returns a getter of the current language (English outside any provider, as in isolated tests). */
export function useLanguage(): () => Language {
  return getContext<(() => Language) | undefined>(KEY) ?? (() => 'en');
}
