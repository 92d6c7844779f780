import { emptyFindings, type Article, type Extractor, type Findings, type Span } from '../findings.js';
import { findCharges } from './charges.js';
import { mentionsInContext } from './context.js';
import { articleDate, datedEvents, findDates } from './dates.js';
import { findNames, tagWords } from './names.js';
import { caseStatus, findOutcomes } from './outcomes.js';
import { findRelations } from './relations.js';
import { agencyRoles, findRoles } from './roles.js';
import { splitSentences } from './sentences.js';

export { caseStatus };

/**
 * The offline extractor: compromise tags names, chrono-node reads dates, and rules over words
 * find roles, charges, outcomes and relations. No network, no model.
 */
export const offlineExtractor: Extractor = {
  name: 'offline',
  async extract(article: Article): Promise<Findings> {
    return extractOffline(article);
  },
};

export function extractOffline(article: Article): Findings {
  const { text } = article;
  const findings = emptyFindings();
  const sentences = splitSentences(text);
  const names = findNames(text, tagWords(text));
  const mentions = mentionsInContext(text, names, sentences);
  findings.entities = names.entities;
  findings.notes.push(...names.notes);
  findings.roles = [...findRoles(mentions), ...agencyRoles(names.entities)];
  const charged = findCharges(text, sentences, mentions, findings.roles);
  findings.charges = charged.charges;
  findings.notes.push(...charged.notes);
  findings.outcomes = findOutcomes(sentences, mentions, findings.roles);
  const published = article.published ?? articleDate(text);
  const dated = datedEvents(findDates(text, published), sentences);
  findings.events = dated.events;
  findings.notes.push(...dated.notes);
  for (const outcome of findings.outcomes) {
    outcome.time = dated.events.find((e) => e.span.start === outcome.span.start && e.eventType === OUTCOME_EVENT[outcome.kind])?.time;
  }
  findings.relations = findRelations(text, mentions);
  findings.caseType = caseTypeOf(text);
  const caption = /\b(?:[A-Z][\p{L}.'’-]+ ){0,3}[A-Z][\p{L}.'’-]+ v\. (?:[A-Z][\p{L}.'’-]+ ?){1,4}/u.exec(text);
  if (caption) findings.caption = { quote: caption[0].trim(), start: caption.index, end: caption.index + caption[0].trim().length };
  return findings;
}

/** The event type a dated sentence gets for each kind of outcome. */
export const OUTCOME_EVENT: Record<string, string> = { convicted: 'verdict', acquitted: 'acquittal', sentenced: 'sentencing', dismissed: 'dismissal', pleaded: 'plea', settled: 'settlement', mistrial: 'mistrial' };

const CRIMINAL = /\b(?:charged with|convicted|prosecutors?|district attorney|prison|jail|indicted|guilty|acquitted|manslaughter|murder|felony|criminal)\b/i;
const CIVIL = /\b(?:lawsuit|sued|plaintiffs?|damages|settle(?:d|ment)|civil (?:suit|case|trial|lawsuit))\b/i;

/** Criminal when the text speaks of charges, prosecutors, prison; civil when only of lawsuits and damages. */
function caseTypeOf(text: string): Findings['caseType'] {
  const criminal = CRIMINAL.exec(text);
  const civil = CIVIL.exec(text);
  const pick = criminal ?? civil;
  if (!pick) return undefined;
  const span: Span = { quote: pick[0], start: pick.index, end: pick.index + pick[0].length };
  return { value: criminal ? 'criminal' : 'civil', span };
}
