import { describe, expect, it } from 'vitest';
import { idWords, nearestIds } from '../../src/graphql/not-found-suggestions.js';
import { roleKey } from '../../src/graph/role-names.js';

describe('role names as people write them', () => {
  it('bring case, spaces, hyphens and American spelling to the stored key', () => {
    for (const asked of ['defence_counsel', 'Defense counsel', 'defense-counsel', 'DEFENCE_COUNSEL', '  defense   counsel ']) {
      expect(roleKey(asked), asked).toBe('defence_counsel');
    }
    expect(roleKey('District Attorney')).toBe('district_attorney');
    expect(roleKey('judge')).toBe('judge');
    expect(roleKey('plaintiff')).not.toBe(roleKey('defendant'));
  });
});

describe('nearest ids for a NOT_FOUND', () => {
  const ids = ['alec-baldwin', 'hilaria-baldwin', 'baldwin-involuntary-manslaughter-case', 'halyna-hutchins', 'joel-souza', 'civil-lawsuits'];

  it('split an id into the words worth matching', () => {
    expect(idWords('Alec-Baldwn_2021')).toEqual(['alec', 'baldwn', '2021']);
    expect(idWords('a-b')).toEqual([]);
  });

  it('suggest ids a typing mistake away, nearest first', () => {
    expect(nearestIds('alec-baldwn', ids)).toEqual(['alec-baldwin']);
    expect(nearestIds('halyna-hutchens', ids)).toEqual(['halyna-hutchins']);
  });

  it('suggest ids holding every word of the one asked, before near misses', () => {
    expect(nearestIds('baldwin-case', ids)).toEqual(['baldwin-involuntary-manslaughter-case']);
    expect(nearestIds('baldwin', ids)).toEqual(['alec-baldwin', 'hilaria-baldwin', 'baldwin-involuntary-manslaughter-case']);
  });

  it('suggest nothing far off, and never the id itself', () => {
    expect(nearestIds('no-such-case', ids)).toEqual([]);
    expect(nearestIds('civil-lawsuits', ids)).toEqual([]);
    expect(nearestIds('baldwin', ids, 1)).toEqual(['alec-baldwin']);
  });
});
