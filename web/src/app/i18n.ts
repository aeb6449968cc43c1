import { use } from 'react';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import sv, { type Translation } from './locales/sv';
import type accessSv from './locales/access.sv';
import type reportingSv from './locales/reporting.sv';
import type reviewSv from './locales/review.sv';
import type publicSv from './locales/public.sv';
import type publicationSv from './locales/publication.sv';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sv';
export const LANGUAGE_STORAGE_KEY = 'insyn.language';

/**
 * Swedish ships with the app; English is its own small chunk, fetched when chosen (this keeps
 * the public pages' first load small).
 */
const loaders: Record<Language, () => Promise<Translation>> = {
  sv: async () => sv,
  en: () => import('./locales/en').then((m) => m.default),
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv; access: typeof accessSv; reporting: typeof reportingSv; review: typeof reviewSv; public: typeof publicSv; publication: typeof publicationSv };
  }
}

/**
 * Texts used only after logging in live in their own namespaces, loaded with the pages that need
 * them, so the public pages never download them.
 */
export type Namespace = 'access' | 'reporting' | 'review' | 'public' | 'publication';
const namespaceLoaders: Record<Namespace, Record<Language, () => Promise<object>>> = {
  access: {
    sv: () => import('./locales/access.sv').then((m) => m.default),
    en: () => import('./locales/access.en').then((m) => m.default),
  },
  // Follow-up: reports, rounds and templates.
  reporting: {
    sv: () => import('./locales/reporting.sv').then((m) => m.default),
    en: () => import('./locales/reporting.en').then((m) => m.default),
  },
  // Review, comment threads, decisions and notifications.
  review: {
    sv: () => import('./locales/review.sv').then((m) => m.default),
    en: () => import('./locales/review.en').then((m) => m.default),
  },
  // The public results pages: municipality, unit, comparison, open data and insight requests.
  public: {
    sv: () => import('./locales/public.sv').then((m) => m.default),
    en: () => import('./locales/public.en').then((m) => m.default),
  },
  // Behind the login: publication, public responses and the handling of insight requests.
  publication: {
    sv: () => import('./locales/publication.sv').then((m) => m.default),
    en: () => import('./locales/publication.en').then((m) => m.default),
  },
};
/** Namespaces an instance has used: a language switch loads them too, before it switches. */
const usedNamespaces = new WeakMap<I18n, Set<Namespace>>();
const pendingLoads = new WeakMap<I18n, Map<string, Promise<void>>>();

/** Loads a namespace's texts in a language into the instance; null when they are there already. */
export function loadNamespace(instance: I18n, ns: Namespace, language: Language): Promise<void> | null {
  let used = usedNamespaces.get(instance);
  if (!used) usedNamespaces.set(instance, (used = new Set()));
  used.add(ns);
  if (instance.hasResourceBundle(language, ns)) return null;
  let pending = pendingLoads.get(instance);
  if (!pending) pendingLoads.set(instance, (pending = new Map()));
  const key = `${language}/${ns}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = namespaceLoaders[ns][language]().then(
      (bundle) => {
        instance.addResourceBundle(language, ns, bundle, true, true);
      },
      (error: unknown) => {
        pending.delete(key); // let a later render try again
        throw error;
      },
    );
    pending.set(key, promise);
  }
  return promise;
}

/** Suspends the component until the namespace's texts in the current language are loaded. */
export function useNamespace(ns: Namespace): void {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const pending = loadNamespace(i18n, ns, language);
  if (pending) use(pending);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the user chose earlier, else Swedish (the region's language) — never guessed. */
export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): Language {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** BCP 47 locale for number and date formatting. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'sv-SE';
}

function safeStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** Keeps <html lang> and the stored choice in step with the UI language. */
function onLanguageChanged(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  try {
    safeStorage()?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page view only.
  }
}

/** Makes sure a language's texts are loaded into the instance. */
export async function loadLanguage(instance: I18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await loaders[language]());
  }
  await Promise.all([...(usedNamespaces.get(instance) ?? [])].map((ns) => loadNamespace(instance, ns, language)));
}

/** Loads the language if needed, then switches to it (re-rendering the UI, setting <html lang>). */
export async function switchLanguage(instance: I18n, language: Language): Promise<void> {
  await loadLanguage(instance, language);
  await instance.changeLanguage(language);
}

/**
 * Creates and initialises an i18next instance (one for the app, fresh ones in tests) in the
 * given language, by default the stored choice or Swedish.
 */
export async function initI18n(language: Language = storedLanguage()): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources: { sv: { translation: sv } },
    partialBundledLanguages: true,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  if (language !== DEFAULT_LANGUAGE) {
    try {
      await loadLanguage(instance, language);
      await instance.changeLanguage(language);
    } catch {
      // The English chunk could not be fetched: show Swedish rather than nothing.
    }
  }
  if (typeof document !== 'undefined') document.documentElement.lang = instance.language;
  instance.on('languageChanged', onLanguageChanged);
  return instance;
}
