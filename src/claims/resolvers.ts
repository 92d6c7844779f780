import { entityFields, incoming, referenceFields, timeField } from '../entities/fields.js';

export const claimResolvers = {
  Stance: { ASSERTS: 'asserts', DENIES: 'denies', ARGUES: 'argues', FINDS: 'finds' },
  ClaimStatus: { ALLEGED: 'alleged', ADJUDICATED: 'adjudicated' },
  Claim: { ...entityFields, ...referenceFields('Claim'), time: timeField('time'), disputedBy: incoming('DISPUTES', 'Claim') },
};
