import { use } from 'react';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import sv, { type Translation } from './locales/sv';
import type accessSv from './locales/access.sv';
import type reportingSv from './locales/reporting.sv';
import type reviewSv from './locales/review.sv';
import type { PagePart, PageTexts } from './locales/pages/parts';
import type { PublicPart, PublicTexts } from './locales/public/parts';
import type publicationSv from './locales/publication.sv';
import type lastResortSv from './locales/lastResort.sv';
import type compensationSv from './locales/compensation.sv';
import type followUpSv from './locales/followUp.sv';
import type conditionsSv from './locales/conditions.sv';

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
    resources: { translation: typeof sv & PageTexts; access: typeof accessSv; reporting: typeof reportingSv; review: typeof reviewSv; public: PublicTexts; publication: typeof publicationSv; lastResort: typeof lastResortSv; conditions: typeof conditionsSv; compensation: typeof compensationSv; followUp: typeof followUpSv };
  }
}

/**
 * Texts used only after logging in live in their own namespaces, loaded with the pages that need
 * them, so the public pages never download them. The public results pages' texts (the "public"
 * namespace) come in parts, one per page and one they share ("public/shared" …).
 */
export type Namespace = 'access' | 'reporting' | 'review' | 'public' | 'publication' | 'lastResort' | 'conditions' | 'compensation' | 'followUp';
/**
 * What can be loaded: a namespace, one part of the "public" namespace, or the texts of the default
 * namespace that only one public page shows ("pages/start" …; their Swedish comes with the page's
 * code, see provideTexts).
 */
export type Texts = Exclude<Namespace, 'public'> | `public/${PublicPart}` | `pages/${PagePart}`;
const textLoaders: Record<Texts, Partial<Record<Language, () => Promise<object>>>> = {
  'pages/start': { en: () => import('./locales/pages/start.en').then((m) => m.default) },
  'pages/program': { en: () => import('./locales/pages/program.en').then((m) => m.default) },
  'pages/indicators': { en: () => import('./locales/pages/indicators.en').then((m) => m.default) },
  'pages/accessibility': { en: () => import('./locales/pages/accessibility.en').then((m) => m.default) },
  'pages/login': { en: () => import('./locales/pages/login.en').then((m) => m.default) },
  'pages/notFound': { en: () => import('./locales/pages/notFound.en').then((m) => m.default) },
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
  // The public results pages: what they share, the start page's municipality chooser, a
  // municipality, a unit, the comparison, open data, the insight-request form and its status.
  'public/shared': {
    sv: () => import('./locales/public/shared.sv').then((m) => m.default),
    en: () => import('./locales/public/shared.en').then((m) => m.default),
  },
  'public/chooser': {
    sv: () => import('./locales/public/chooser.sv').then((m) => m.default),
    en: () => import('./locales/public/chooser.en').then((m) => m.default),
  },
  'public/municipality': {
    sv: () => import('./locales/public/municipality.sv').then((m) => m.default),
    en: () => import('./locales/public/municipality.en').then((m) => m.default),
  },
  'public/unit': {
    sv: () => import('./locales/public/unit.sv').then((m) => m.default),
    en: () => import('./locales/public/unit.en').then((m) => m.default),
  },
  'public/compare': {
    sv: () => import('./locales/public/compare.sv').then((m) => m.default),
    en: () => import('./locales/public/compare.en').then((m) => m.default),
  },
  'public/openData': {
    sv: () => import('./locales/public/openData.sv').then((m) => m.default),
    en: () => import('./locales/public/openData.en').then((m) => m.default),
  },
  'public/insight': {
    sv: () => import('./locales/public/insight.sv').then((m) => m.default),
    en: () => import('./locales/public/insight.en').then((m) => m.default),
  },
  'public/status': {
    sv: () => import('./locales/public/status.sv').then((m) => m.default),
    en: () => import('./locales/public/status.en').then((m) => m.default),
  },
  // Behind the login: publication, public responses and the handling of insight requests.
  publication: {
    sv: () => import('./locales/publication.sv').then((m) => m.default),
    en: () => import('./locales/publication.en').then((m) => m.default),
  },
  // The last-resort register: coverage per year and the import of listed persons.
  lastResort: {
    sv: () => import('./locales/lastResort.sv').then((m) => m.default),
    en: () => import('./locales/lastResort.en').then((m) => m.default),
  },
  // The equal-conditions rules: public page (versions, comparison) and adopting a new version.
  conditions: {
    sv: () => import('./locales/conditions.sv').then((m) => m.default),
    en: () => import('./locales/conditions.en').then((m) => m.default),
  },
  // Unit economics and the compensation for last-resort responsibility.
  compensation: {
    sv: () => import('./locales/compensation.sv').then((m) => m.default),
    en: () => import('./locales/compensation.en').then((m) => m.default),
  },
  // The neutrality report and the annual follow-up report to the board.
  followUp: {
    sv: () => import('./locales/followUp.sv').then((m) => m.default),
    en: () => import('./locales/followUp.en').then((m) => m.default),
  },
};

/** The i18next namespace texts belong to ("public/unit" → "public", "pages/start" → the default). */
function namespaceOf(texts: Texts): Namespace | 'translation' {
  if (texts.startsWith('pages/')) return 'translation';
  return texts.startsWith('public/') ? 'public' : (texts as Namespace);
}

/** Texts that came with a page's code, by "language/texts". */
const providedTexts = new Map<string, object>();

/**
 * Makes texts that a page's chunk carries available: the page calls this when its module loads
 * (Swedish), and useNamespace then adds them at once, without a request or a wait.
 */
export function provideTexts(texts: Texts, language: Language, bundle: object): void {
  providedTexts.set(`${language}/${texts}`, bundle);
}

function markLoaded(instance: I18n, key: string): void {
  let loaded = loadedTexts.get(instance);
  if (!loaded) loadedTexts.set(instance, (loaded = new Set()));
  loaded.add(key);
}

/** Texts an instance has used: a language switch loads them too, before it switches. */
const usedTexts = new WeakMap<I18n, Set<Texts>>();
/** Texts loaded into an instance, as "language/texts". */
const loadedTexts = new WeakMap<I18n, Set<string>>();
const pendingLoads = new WeakMap<I18n, Map<string, Promise<void>>>();

/**
 * The instance itself: react-i18next's useTranslation hands each component its own wrapper of the
 * instance (sharing its texts), and what is loaded and used is kept per instance.
 */
function rootOf(instance: I18n): I18n {
  return (instance as I18n & { __original?: I18n }).__original ?? instance;
}

function isLoaded(instance: I18n, texts: Texts, language: Language): boolean {
  // A namespace loaded in one piece (not in parts) is there once i18next has it.
  if (!texts.includes('/') && instance.hasResourceBundle(language, texts)) return true;
  return loadedTexts.get(instance)?.has(`${language}/${texts}`) ?? false;
}

/** Loads texts (a namespace or a part of one) in a language into the instance; null when they are there already. */
export function loadNamespace(wrapper: I18n, texts: Texts, language: Language): Promise<void> | null {
  const instance = rootOf(wrapper);
  let used = usedTexts.get(instance);
  if (!used) usedTexts.set(instance, (used = new Set()));
  used.add(texts);
  if (isLoaded(instance, texts, language)) return null;
  const key = `${language}/${texts}`;
  const provided = providedTexts.get(key);
  if (provided) {
    instance.addResourceBundle(language, namespaceOf(texts), provided, true, true);
    markLoaded(instance, key);
    return null;
  }
  let pending = pendingLoads.get(instance);
  if (!pending) pendingLoads.set(instance, (pending = new Map()));
  let promise = pending.get(key);
  if (!promise) {
    const loader = textLoaders[texts][language];
    promise = (loader ? loader() : Promise.reject(new Error(`No ${language} texts for ${texts}`))).then(
      (bundle) => {
        // Deep, so that the parts of a namespace add up.
        instance.addResourceBundle(language, namespaceOf(texts), bundle, true, true);
        markLoaded(instance, key);
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

/**
 * What `use` gets when the texts are there: a promise React reads as fulfilled (its `status`)
 * without waiting.
 */
const LOADED: Promise<void> = Object.assign(Promise.resolve(), { status: 'fulfilled' as const, value: undefined });

/**
 * Suspends the component until the texts (namespaces or parts of one) in the current language are
 * loaded; several are fetched at the same time. `use` is called on every render, also when the
 * texts are there: React replays a component that suspended (a navigation is a transition) and
 * expects the same calls then, or it fails ("Update hook called on initial render").
 */
export function useNamespace(...texts: Texts[]): void {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const missing = texts.filter((t) => loadNamespace(i18n, t, language) !== null);
  use(missing.length > 0 ? loadAll(i18n, missing, language) : LOADED);
}

/** One promise for several loads, the same on every render while they are on their way (as `use` wants). */
function loadAll(wrapper: I18n, texts: Texts[], language: Language): Promise<void> {
  const instance = rootOf(wrapper);
  if (texts.length === 1) return loadNamespace(instance, texts[0]!, language) ?? Promise.resolve();
  const pending = pendingLoads.get(instance)!;
  const key = `${language}/${texts.join('+')}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = Promise.all(texts.map((t) => loadNamespace(instance, t, language))).then(
      () => {
        pending.delete(key);
      },
      (error: unknown) => {
        pending.delete(key);
        throw error;
      },
    );
    pending.set(key, promise);
  }
  return promise;
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
  await Promise.all([...(usedTexts.get(rootOf(instance)) ?? [])].map((texts) => loadNamespace(instance, texts, language)));
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
