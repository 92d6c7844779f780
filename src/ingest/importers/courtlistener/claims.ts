import type { Citation } from '../../casefile/case-file.js';
import type { CaseBuild } from '../build.js';
import { cleanName, partyKind } from '../people.js';
import { isObject, readDate, shorten, slug, text, type RecordPath } from '../record.js';

/** Claim fields read; any other non-empty field of a claim is reported as not loaded. */
const CLAIM_READ = new Set(['claim_number', 'creditor_details', 'creditor_name_address', 'creditor_id', 'claim_id', 'pacer_case_id', 'amount_claimed', 'amount_allowed', 'secured_claimed', 'priority_claimed',
  'description', 'remarks', 'status', 'date_original_filed', 'date_original_entered', 'date_filed', 'date_entered', 'filed_by', 'entered_by', 'date_modified']);
/** Amounts a claim states besides the amount claimed, in the words of the statement. */
const AMOUNTS = [['secured_claimed', 'secured'], ['priority_claimed', 'priority'], ['amount_allowed', 'allowed']] as const;

/**
 * A bankruptcy claims register (juriscraper's ClaimsRegister: the case's head and `claims[]`) or
 * an item of a claims activity report (the case's head and one `claim`): each proof of claim is a `Claim` of its creditor: `(creditor)-[:ASSERTED]->(claim)`, the
 * statement "<creditor> claims <amount> (claim <n>): <description>", stance `asserts`, status
 * `alleged` unless the register's status says the court allowed, disallowed or expunged it;
 * its time the date it was filed. The creditor is the first line of `creditor_details` (the rest
 * is its address and counsel), or of `creditor_name_address` the part before its address (see
 * creditorName), a party of the case with the role `creditor` and the same id a
 * docket report gives a party of that name. A claim is `<case>-claim-<N-M>` by the register's
 * number and amendment ("(2-1)"), so both reports of one claim are one node. A claim's `history[]` (the claim's own filings,
 * numbered in the claims register, not the docket) is reported as not loaded.
 */
export function importClaims(build: CaseBuild, record: Record<string, unknown>): void {
  const claims: [unknown, RecordPath][] = Array.isArray(record.claims) ? record.claims.map((c, i) => [c, ['claims', i]]) : isObject(record.claim) ? [[record.claim, ['claim']]] : [];
  for (const [claim, place] of claims) {
    if (!isObject(claim)) continue;
    const at = (field: string): RecordPath => [...place, field];
    const detailsField = text(claim.creditor_details) ? 'creditor_details' : 'creditor_name_address';
    const details = text(claim[detailsField]);
    const found = details ? creditorName(details) : undefined;
    if (!details || !found) {
      build.dropped(place, 'the claim names no creditor (creditor_details or creditor_name_address is empty): not loaded');
      continue;
    }
    const creditor = creditorOf(build, details, found, at(detailsField));
    if (!creditor) continue;
    const number = claimNumber(claim);
    const amount = text(claim.amount_claimed)?.trim();
    const description = text(claim.description)?.replace(/^\(\d+-\d+\)\s*/, '').trim();
    const more = AMOUNTS.filter(([f]) => text(claim[f])?.trim()).map(([f, words]) => `${words} ${text(claim[f])!.trim()}`);
    const stated = ['claim_number', 'amount_claimed', 'description', 'status', 'remarks', ...AMOUNTS.map(([f]) => f)].filter((f) => text(claim[f])?.trim() || typeof claim[f] === 'number');
    const sources: Citation[] = [creditor.source, ...stated.map((f) => build.cite.whole(at(f)))];
    const dateField = claim.date_original_filed !== undefined ? 'date_original_filed' : 'date_filed';
    const filed = readDate(claim[dateField], [], []);
    if (filed) sources.push(build.cite.whole(at(dateField)));
    const status = text(claim.status)?.trim() ?? '';
    build.claims.push({
      id: slug(build.caseId, 'claim', number),
      claimant: creditor.id,
      statement: shorten(`${creditor.name} claims ${amount ?? 'an amount not stated'} (claim ${number})${more.length > 0 ? ` (${more.join(', ')})` : ''}${description ? `: ${description}` : ''}`, 4000),
      stance: 'asserts',
      status: /\b(allowed|disallowed|expunged)\b/i.test(status) ? 'adjudicated' : 'alleged',
      ...(filed ? { time: { text: String(claim[dateField]), date: filed } } : {}),
      sources,
    });
    if (Array.isArray(claim.history) && claim.history.length > 0) build.dropped(at('history'), `the claim's ${claim.history.length} filing(s) in the claims register are not loaded`);
    for (const [field, value] of Object.entries(claim)) {
      if (field !== 'history' && !CLAIM_READ.has(field) && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) build.dropped(at(field), `${field} is not mapped`);
    }
  }
}

/** The claim's number with its amendment: "(2-1)" at the head of the description or remarks, a "12-1" claim_number, else claim_number alone. */
export function claimNumber(claim: Record<string, unknown>): string {
  const numbered = [claim.description, claim.remarks].map((v) => /^\s*\((\d+-\d+)\)/.exec(text(v) ?? '')?.[1]).find(Boolean);
  if (numbered) return numbered;
  const raw = text(claim.claim_number) ?? (typeof claim.claim_number === 'number' ? String(claim.claim_number) : undefined);
  return raw?.trim() ?? String(text(claim.claim_id) ?? 'unnumbered');
}

/**
 * The creditor's name in the creditor's details: the first line that is no address when the
 * details run over lines (name, then address and counsel); in a one-line "name, address" form, the part before the
 * first segment that starts an address (a number, a P.O. box, "c/o", "Attn") or, failing one,
 * before a trailing "City, ST 12345". Its offsets in the details, for the citation.
 */
export function creditorName(details: string): { text: string; start: number } | undefined {
  // A first line that is an address (a street number, a P.O. box, "c/o") is not the creditor's name.
  const line = details.split('\n').find((l) => l.trim() !== '' && !/^\s*(\d|P\.?\s?O\.?\s*Box\b|c\/o\b)/i.test(l));
  if (!line) return undefined;
  const start = details.indexOf(line);
  if (details.trim().includes('\n')) return { text: line, start };
  const address = /,\s*(?=\d|P\.?\s?O\.?\s*Box|c\/o\b|Attn\b)/i.exec(line) ?? /,\s*[^,]+,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\s*$/.exec(line);
  const name = (address ? line.slice(0, address.index) : line).trimEnd();
  return name.trim() ? { text: name, start } : undefined;
}

function creditorOf(build: CaseBuild, details: string, found: { text: string; start: number }, path: RecordPath): { id: string; name: string; source: Citation } | undefined {
  const { text: line, start } = found;
  const kind = partyKind(line, 'Creditor');
  if (kind === 'none') {
    build.dropped(path, `"${line.trim()}" is a caption or a sealed name, not a creditor: the claim is not loaded`);
    return undefined;
  }
  const name = cleanName(line);
  const source = build.cite.part(path, details, start + name.from, start + name.to);
  const node = build.entity({ id: slug(build.caseId, 'party', name.text), kind, name: name.text, sources: [source] });
  build.guessed(path, `"${name.text}" (the creditor's details up to its address) taken for the creditor, ${kind === 'Person' ? 'a person' : 'an organisation'} by the words of its name`);
  build.role({ id: slug(build.caseId, 'party', node.id, 'creditor'), who: node.id, role: 'creditor', in: build.caseId, sources: [source] });
  return { id: node.id, name: name.text, source };
}
