/** Words the generated cases are made of. Generic legal vocabulary; no real event or party. */

export const OFFENCES: readonly { offence: string; years: number }[] = [
  { offence: 'fraud', years: 10 }, { offence: 'theft', years: 7 }, { offence: 'embezzlement', years: 10 },
  { offence: 'assault', years: 5 }, { offence: 'burglary', years: 14 }, { offence: 'arson', years: 12 },
  { offence: 'bribery', years: 10 }, { offence: 'money laundering', years: 14 }, { offence: 'extortion', years: 14 },
  { offence: 'forgery', years: 10 }, { offence: 'perjury', years: 7 }, { offence: 'reckless endangerment', years: 3 },
  { offence: 'criminal damage', years: 10 }, { offence: 'insider dealing', years: 7 }, { offence: 'witness intimidation', years: 5 },
];

export const OCCUPATIONS = ['accountant', 'welder', 'nurse', 'teacher', 'driver', 'electrician', 'shop owner', 'bookkeeper', 'mechanic',
  'software developer', 'farmer', 'pharmacist', 'builder', 'courier', 'bank clerk', 'chef', 'security guard', 'architect'];

export const STATUSES = ['open', 'pending', 'dismissed', 'convicted', 'acquitted', 'settled'] as const;

export const ITEMS: readonly { name: string; itemType: string }[] = [
  { name: 'laptop', itemType: 'computer' }, { name: 'ledger', itemType: 'document' }, { name: 'van', itemType: 'vehicle' },
  { name: 'mobile phone', itemType: 'phone' }, { name: 'crowbar', itemType: 'tool' }, { name: 'safe', itemType: 'container' },
  { name: 'hard drive', itemType: 'storage device' }, { name: 'envelope of cash', itemType: 'money' }, { name: 'signet ring', itemType: 'jewellery' },
  { name: 'petrol can', itemType: 'container' }, { name: 'bicycle', itemType: 'vehicle' }, { name: 'set of keys', itemType: 'keys' },
];

export const PLACE_KINDS = ['warehouse', 'car park', 'office block', 'riverside path', 'market hall', 'petrol station', 'apartment', 'boatyard', 'depot', 'railway arch'];

export const COMPANY_KINDS: readonly { suffix: string; orgType: string }[] = [
  { suffix: 'Logistics Ltd', orgType: 'company' }, { suffix: 'Holdings', orgType: 'company' }, { suffix: 'Building Society', orgType: 'bank' },
  { suffix: 'Care Home', orgType: 'care provider' }, { suffix: 'Motors', orgType: 'company' }, { suffix: 'Tenants Association', orgType: 'association' },
];

export const GROUPS = ['the neighbours', 'the night shift', 'the tenants', 'the family', 'the investors', 'the crew', 'the jurors', 'the protesters'];

export const EVENT_KINDS: readonly { name: string; eventType: string }[] = [
  { name: 'break-in', eventType: 'break-in' }, { name: 'meeting', eventType: 'meeting' }, { name: 'fire', eventType: 'fire' },
  { name: 'arrest', eventType: 'arrest' }, { name: 'search', eventType: 'search' }, { name: 'hearing', eventType: 'hearing' },
  { name: 'payment', eventType: 'payment' }, { name: 'confrontation', eventType: 'confrontation' }, { name: 'interview', eventType: 'interview' },
];

export const ACTIONS = ['paid', 'threatened', 'telephoned', 'followed', 'hired', 'warned', 'met', 'wrote to', 'visited', 'accused', 'photographed', 'questioned'];

export const OBJECT_ACTIONS = ['handed over', 'hid', 'sold', 'destroyed', 'moved', 'photographed', 'returned', 'signed'];

export const RELATION_TYPES: readonly { type: string; words: string }[] = [
  { type: 'FRIEND_OF', words: 'is a friend of' }, { type: 'FAMILY_OF', words: 'is related to' }, { type: 'NEIGHBOUR_OF', words: 'lives next door to' },
  { type: 'KNOWS', words: 'has known' }, { type: 'SPOUSE_OF', words: 'is married to' }, { type: 'BUSINESS_PARTNER_OF', words: 'runs a business with' },
];

export const CLAIM_VERBS = { asserts: 'said', denies: 'denied', argues: 'argued', finds: 'found' } as const;

export const DISPOSITIONS = ['dismissed the charge', 'adjourned the hearing', 'refused bail', 'granted bail', 'admitted the evidence',
  'excluded the evidence', 'convicted the defendant', 'acquitted the defendant'];

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
