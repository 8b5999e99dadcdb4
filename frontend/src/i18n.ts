import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './locales/nl.json';
import en from './locales/en.json';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'leerlus.language';

function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(storageKey);
    return v === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/** setDocumentLanguage keeps <html lang> in step with the UI language. */
function setDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(storageKey, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

i18n.on('languageChanged', setDocumentLanguage);

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  returnNull: false,
});
setDocumentLanguage(i18n.language);

export default i18n;
