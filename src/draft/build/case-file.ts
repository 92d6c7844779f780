import { FORMAT_VERSION, type CaseFile, type CaseInput, type Citation } from '../../ingest/casefile/case-file.js';
import { SourceText } from '../../ingest/casefile/quotes.js';
import type { Article, Findings } from '../findings.js';
import { caseStatus } from '../offline/outcomes.js';
import { citation } from '../verify.js';
import { IdPool, slug } from './ids.js';
import { buildCharges, buildEntities, buildEvents, buildOutcomes, buildRelations, buildRoles, type BuildContext } from './sections.js';

/** A case file made of verified findings, or the reason there is none. */
export type Built = { caseFile: CaseFile } | { none: string };

/**
 * Turns verified findings into a case file of the published format (version 2): the article as
 * its one document (inline), the case, entities, charges, rulings, events, roles and relations,
 * each citing its passage with code-point offsets.
 */
export function buildCaseFile(article: Article, findings: Findings, graphKinds: Map<string, string> = new Map()): Built {
  const source = new SourceText(article.text);
  const title = (article.title ?? article.text.split('\n').find((l) => l.trim())?.trim() ?? 'Untitled article').slice(0, 200);
  const ids = new IdPool(graphKinds);
  const documentId = ids.take(`article-${slug(title, 50)}`);
  const defendants = [...new Set(findings.roles.filter((r) => r.role === 'defendant').map((r) => r.who))];
  const names = new Map(findings.entities.map((e) => [e.key, e.name]));
  const caption = findings.caption?.quote ?? (defendants.length > 0 ? `The case against ${defendants.map((d) => names.get(d)).join(' and ')}` : undefined);
  const caseSources = caseCitations(source, findings);
  if (!caption || caseSources.length === 0) {
    return { none: 'the article names no defendant, charge or outcome the drafter could read, so there is no case to draft (nothing is invented); write the case file by hand, or try the language-model extractor' };
  }
  const caseId = ids.take(`case-${slug(findings.caption ? caption : defendants.map((d) => names.get(d) ?? d).join(' '), 80)}`);
  const ctx: BuildContext = { source, ids, entityId: new Map(), names: new Map(), caseId };
  const entities = buildEntities(ctx, findings);
  const roles = buildRoles(ctx, findings);
  const charges = buildCharges(ctx, findings);
  const outcomes = buildOutcomes(ctx, findings, article.text);
  const events = [...outcomes.events, ...buildEvents(ctx, findings, outcomes.events)];
  const relations = buildRelations(ctx, findings);
  const court = findings.entities.find((e) => e.kind === 'Court');
  const courtId = court ? ctx.entityId.get(court.key) : undefined;
  const caseInput: CaseInput = {
    id: caseId,
    caption,
    description: findings.caption ? 'Drafted from the article; review every item.' : 'Drafted from the article, which gives no caption: the caption is the draft\'s own words. Review every item.',
    ...(findings.caseType ? { caseType: findings.caseType.value } : {}),
    status: caseStatus(findings.outcomes),
    ...(findings.outcomes.length > 0 ? { outcome: findings.outcomes.map((o) => o.span.quote).join(' ').slice(0, 4000) } : {}),
    ...(court && courtId ? { court: { id: courtId, inferred: true, reason: 'The article names this court; that the case is heard in it is implied.', sources: [citation(source, court.mentions[0]!)] } } : {}),
    sources: caseSources,
  };
  const caseFile: CaseFile = {
    formatVersion: FORMAT_VERSION,
    documents: [{
      id: documentId,
      title,
      kind: 'news article',
      ...(article.published ? { published: article.published } : {}),
      ...(article.url ? { url: article.url } : {}),
      text: article.text,
    }],
    case: caseInput,
    ...(entities.length ? { entities } : {}),
    ...(charges.length ? { charges } : {}),
    ...(outcomes.rulings.length ? { rulings: outcomes.rulings } : {}),
    ...(events.length ? { events } : {}),
    ...(roles.length ? { roles } : {}),
    ...(relations.length ? { relations } : {}),
  };
  return { caseFile };
}

/** The passages that show the case: its caption, charges and outcomes, else its defendants' roles. */
function caseCitations(source: SourceText, findings: Findings): Citation[] {
  const spans = [findings.caption, ...findings.charges.map((c) => c.span), ...findings.outcomes.map((o) => o.span)].filter((s) => s !== undefined);
  const chosen = spans.length > 0 ? spans : findings.roles.filter((r) => r.role === 'defendant' && !r.inferred).map((r) => r.span);
  const seen = new Set<number>();
  return chosen.filter((s) => !seen.has(s.start) && seen.add(s.start)).slice(0, 6).map((s) => citation(source, s));
}
