import { entityFields, referenceFields, timeField } from '../entities/fields.js';
import { connectionField } from '../graphql/connection-field.js';
import { ABOUT, DISPUTED_BY, DISPUTES } from './lists.js';

export const claimResolvers = {
  Stance: { ASSERTS: 'asserts', DENIES: 'denies', ARGUES: 'argues', FINDS: 'finds' },
  ClaimStatus: { ALLEGED: 'alleged', ADJUDICATED: 'adjudicated' },
  Claim: {
    ...entityFields,
    ...referenceFields('Claim'),
    time: timeField('time'),
    about: connectionField(ABOUT),
    disputes: connectionField(DISPUTES),
    disputedBy: connectionField(DISPUTED_BY),
  },
};
