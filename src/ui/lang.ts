/** The UI's languages and themes (types only, shared by the store, i18n and pure helpers). */
export type Lang = 'en' | 'ko';
export type Theme = 'light' | 'dark';
