import type { EntityInput, RoleInput } from '../../src/ingest/casefile/case-file.js';
import { documentsOf, type GeneratedCase } from './generated-case.js';
import type { Pool, PoolOrganization, PoolPerson } from './pool.js';
import { DocumentWriter } from './text.js';

/**
 * The file that defines the shared pool: a fictional directory of the region's courts, offices,
 * law firms, experts and newspapers. The generated cases refer to these ids without defining
 * them again (as the format asks: reuse the id of what is already in the graph), so this file
 * is loaded first; the loader's dependency order does that by itself.
 */
export function directoryCase(pool: Pool, extension: string): GeneratedCase {
  const { prefix, region } = pool;
  const doc = new DocumentWriter(`${prefix}-directory-text`, true, 5);
  const caseId = `${prefix}-directory`;
  const caption = `In re the ${region} court directory`;
  const caseSources = doc.say(`${caption} lists the courts, offices and practitioners of ${region}, a fictional region.`, caption);
  const entities: EntityInput[] = [];
  const roles: RoleInput[] = [];

  const organization = (org: PoolOrganization, sentence: string) =>
    entities.push({
      id: org.id, kind: org.kind, name: org.name,
      ...(org.orgType ? { orgType: org.orgType } : {}), ...(org.jurisdiction ? { jurisdiction: org.jurisdiction } : {}),
      sources: doc.say(sentence, org.name),
    });
  const person = (p: PoolPerson, sentence: string, named: string) => {
    const [cited, roleCited] = doc.say(sentence, named, sentence);
    entities.push({ id: p.id, kind: 'Person', name: p.name, aliases: p.aliases, occupation: p.occupation, sources: [cited!] });
    roles.push({ who: p.id, role: p.role, in: p.memberOf, sources: [roleCited!] });
  };

  for (const circle of pool.circles) {
    organization(circle.court, `The ${circle.court.name} hears criminal and civil cases.`);
    organization(circle.prosecution, `The ${circle.prosecution.name} brings prosecutions before it.`);
    organization(circle.police, `The ${circle.police.name} investigates offences in the district.`);
    for (const judge of circle.judges) person(judge, `${judge.aliases[1]} sits at the ${circle.court.name}.`, judge.aliases[1]!);
    for (const prosecutor of circle.prosecutors) person(prosecutor, `${prosecutor.name} is a prosecutor at the ${circle.prosecution.name}.`, prosecutor.name);
  }
  for (const firm of pool.firms) organization(firm, `${firm.name} is a law firm that takes criminal defence work.`);
  for (const lawyer of pool.lawyers) {
    const firm = pool.firms.find((f) => f.id === lawyer.memberOf)!;
    person(lawyer, `${lawyer.name} is a partner at ${firm.name}.`, lawyer.name);
  }
  for (const expert of pool.experts) {
    const police = pool.circles.find((c) => c.police.id === expert.memberOf)!.police;
    person(expert, `${expert.aliases[0]} is a ${expert.occupation} who consults for the ${police.name}.`, expert.aliases[0]!);
  }
  for (const paper of pool.newspapers) organization(paper, `${paper.name} reports on the courts of ${region}.`);

  const { documents, texts } = documentsOf([{ writer: doc, fields: { title: `${region} court directory (fictional)`, kind: 'directory' } }]);
  return {
    name: `${prefix}-000-directory.case.${extension}`,
    data: {
      formatVersion: 1,
      documents,
      case: { id: caseId, caption, caseType: 'administrative', status: 'open', sources: caseSources },
      entities,
      roles,
    },
    texts,
  };
}
