// What a person reads in each language, written out here on purpose: the
// tests check real translated text, not that the client looked up some id.
import type { Locale } from '../fixtures';

export const TEXT: Record<Locale, {
  signIn: string; account: string; password: string; language: string; signOut: string;
  securityInfo: string; defaultMethod: string; noMethods: string; wrongPassword: string;
  accountRequired: string; tooMany: RegExp; accountMenu: RegExp; navigation: string;
}> = {
  en: {
    signIn: 'Sign in', account: 'Account', password: 'Password', language: 'Language', signOut: 'Sign out',
    securityInfo: 'Security info', defaultMethod: 'Default sign-in method',
    noMethods: "You haven't registered any security info yet.",
    wrongPassword: 'Your account or password is incorrect.',
    accountRequired: 'Enter your account name.',
    tooMany: /^Too many attempts\. Wait \d+ minutes?, then try again\.$/,
    accountMenu: /, account menu$/, navigation: 'Main',
  },
  'nl-NL': {
    signIn: 'Aanmelden', account: 'Account', password: 'Wachtwoord', language: 'Taal', signOut: 'Afmelden',
    securityInfo: 'Beveiligingsgegevens', defaultMethod: 'Standaardaanmeldingsmethode',
    noMethods: 'U hebt nog geen beveiligingsgegevens geregistreerd.',
    wrongPassword: 'Uw account of wachtwoord is onjuist.',
    accountRequired: 'Voer uw accountnaam in.',
    tooMany: /^Te veel pogingen\. Wacht \d+ minu(ut|ten) en probeer het opnieuw\.$/,
    accountMenu: /, accountmenu$/, navigation: 'Hoofdmenu',
  },
  'sv-SE': {
    signIn: 'Logga in', account: 'Konto', password: 'Lösenord', language: 'Språk', signOut: 'Logga ut',
    securityInfo: 'Säkerhetsinformation', defaultMethod: 'Standardinloggningsmetod',
    noMethods: 'Du har inte registrerat någon säkerhetsinformation ännu.',
    wrongPassword: 'Ditt konto eller lösenord är felaktigt.',
    accountRequired: 'Ange ditt kontonamn.',
    tooMany: /^För många försök\. Vänta \d+ minut(er)? och försök sedan igen\.$/,
    accountMenu: /, kontomeny$/, navigation: 'Huvudmeny',
  },
};
