import { DISPOSITION_KINDS, NODE_KINDS, kindToEnum } from '../model/kinds.js';

/**
 * The API's enums mapped to the values the graph stores, so arguments reach the translate step
 * as stored values (`PERSON` as Person, `DENIES` as denies) and stored values leave as enums.
 */
export const enumResolvers = {
  EntityKind: Object.fromEntries(NODE_KINDS.map((kind) => [kindToEnum(kind), kind])),
  DispositionKind: Object.fromEntries(DISPOSITION_KINDS.map((kind) => [kind.toUpperCase(), kind])),
  Stance: { ASSERTS: 'asserts', DENIES: 'denies', ARGUES: 'argues', FINDS: 'finds' },
  ClaimStatus: { ALLEGED: 'alleged', ADJUDICATED: 'adjudicated' },
};
