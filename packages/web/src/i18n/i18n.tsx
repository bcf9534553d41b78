import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** Interface languages: Chinese first, English available. */
export type Lang = 'zh' | 'en';

/** Text in both languages, as the API sends it (`messages: { zh, en }`). */
export type Bilingual = { zh: string; en: string };

/**
 * A screen's strings: the Chinese set defines the keys, the English set must have exactly the same
 * ones (the type checker enforces it). Each screen keeps its own bundle next to its code, so adding
 * a screen never touches a shared dictionary. `{name}` placeholders are filled by `format`.
 */
export function defineMessages<const Zh extends Record<string, string>>(bundle: {
  zh: Zh;
  en: { [K in keyof Zh]: string };
}): { zh: Zh; en: { [K in keyof Zh]: string } } {
  return bundle;
}

type LangContextValue = { lang: Lang; setLang: (lang: Lang) => void };

const STORAGE_KEY = 'plantrack.lang';
const LangContext = createContext<LangContextValue>({ lang: 'zh', setLang: () => undefined });

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // Private mode or storage disabled: fall back to Chinese.
  }
  return 'zh';
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still applies to this page.
    }
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  return useContext(LangContext);
}

/** The current language's strings of a bundle made by {@link defineMessages}. */
export function useMessages<T extends { zh: Record<string, string>; en: Record<string, string> }>(
  bundle: T,
): T['zh'] {
  const { lang } = useLang();
  return lang === 'zh' ? bundle.zh : bundle.en;
}

/** Fills `{name}` placeholders: `format('共 {n} 项', { n: 3 })`. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** Picks the current language from a bilingual value sent by the API. */
export function useBilingual(): (text: Bilingual | null | undefined) => string {
  const { lang } = useLang();
  return useCallback((text) => (text == null ? '' : text[lang]), [lang]);
}
