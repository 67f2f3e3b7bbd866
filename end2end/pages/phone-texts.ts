// The phone flows' words in each language, written out on purpose.
import type { Locale } from '../fixtures';

export const PHONE: Record<Locale, {
  addMethod: string; addTitle: string; addLabel: string; add: string; phone: string; officePhone: string;
  wizardTitle: string; region: string; number: string; textMe: string; callMe: string; next: string; done: string;
  codeLabel: string; sentTo: (n: string) => string; calling: (n: string) => string; updated: string;
  wrongCode: string; text: string; call: string; defaultText: (n: string) => string; defaultCall: (n: string) => string;
  nlRegion: string; seRegion: string; usRegion: string; smsWord: RegExp; voice: RegExp;
}> = {
  en: {
    addMethod: 'Add method', addTitle: 'Add a method', addLabel: 'Which method would you like to add?', add: 'Add',
    phone: 'Phone', officePhone: 'Office phone', wizardTitle: 'Set up your phone', region: 'Country or Region',
    number: 'Phone number', textMe: 'Text me a code', callMe: 'Call me', next: 'Next', done: 'Done', codeLabel: 'Code',
    sentTo: n => `We just sent a 6-digit code to ${n}. Enter the code below.`,
    calling: n => `We're calling ${n} now.`,
    updated: 'Your security info is updated', wrongCode: "That code isn't right. Check it and try again.",
    text: 'Text', call: 'Call', defaultText: n => `Phone - text ${n}`, defaultCall: n => `Phone - call ${n}`,
    nlRegion: 'Netherlands (+31)', seRegion: 'Sweden (+46)', usRegion: 'United States (+1)',
    smsWord: /is your secinfo verification code/, voice: /Please press the pound key to finish your verification/,
  },
  'nl-NL': {
    addMethod: 'Methode toevoegen', addTitle: 'Een methode toevoegen', addLabel: 'Welke methode wilt u toevoegen?', add: 'Toevoegen',
    phone: 'Telefoon', officePhone: 'Kantoortelefoon', wizardTitle: 'Uw telefoon instellen', region: 'Land of regio',
    number: 'Telefoonnummer', textMe: 'Mij een code sturen', callMe: 'Mij bellen', next: 'Volgende', done: 'Gereed', codeLabel: 'Code',
    sentTo: n => `We hebben zojuist een code van 6 cijfers naar ${n} gestuurd. Voer de code hieronder in.`,
    calling: n => `We bellen nu ${n}.`,
    updated: 'Uw beveiligingsgegevens zijn bijgewerkt', wrongCode: 'Deze code klopt niet. Controleer de code en probeer het opnieuw.',
    text: 'Sms', call: 'Oproep', defaultText: n => `Telefoon - sms ${n}`, defaultCall: n => `Telefoon - oproep ${n}`,
    nlRegion: 'Nederland (+31)', seRegion: 'Zweden (+46)', usRegion: 'Verenigde Staten (+1)',
    smsWord: /is uw verificatiecode voor secinfo/, voice: /Druk op het hekje om uw verificatie te voltooien/,
  },
  'sv-SE': {
    addMethod: 'Lägg till metod', addTitle: 'Lägg till en metod', addLabel: 'Vilken metod vill du lägga till?', add: 'Lägg till',
    phone: 'Telefon', officePhone: 'Kontorstelefon', wizardTitle: 'Konfigurera din telefon', region: 'Land eller region',
    number: 'Telefonnummer', textMe: 'Skicka en kod till mig', callMe: 'Ring mig', next: 'Nästa', done: 'Klar', codeLabel: 'Kod',
    sentTo: n => `Vi har just skickat en kod med 6 siffror till ${n}. Ange koden nedan.`,
    calling: n => `Vi ringer ${n} nu.`,
    updated: 'Din säkerhetsinformation har uppdaterats', wrongCode: 'Koden stämmer inte. Kontrollera den och försök igen.',
    text: 'Sms', call: 'Samtal', defaultText: n => `Telefon - sms ${n}`, defaultCall: n => `Telefon - samtal ${n}`,
    nlRegion: 'Nederländerna (+31)', seRegion: 'Sverige (+46)', usRegion: 'USA (+1)',
    smsWord: /är din verifieringskod för secinfo/, voice: /Tryck på fyrkant för att slutföra verifieringen/,
  },
};
