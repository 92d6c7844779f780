import { describe, expect, it } from 'vitest';
import { highlight, queryWords } from '../../src/search/highlight.js';

describe('highlight', () => {
  it('marks whole words and prefixes, field by field, with context', () => {
    const hits = highlight({ name: 'Troy Teske', description: 'Former police officer who gave live rounds to the sheriff; a friend of the armorer’s stepfather.' }, 'tesk armorer');
    expect(hits).toEqual([
      { field: 'name', snippet: 'Troy «Teske»' },
      { field: 'description', snippet: '… rounds to the sheriff; a friend of the «armorer»’s stepfather.' },
    ]);
  });

  it('matches aliases and ignores matches inside words', () => {
    expect(highlight({ name: 'Mary Marlowe Sommer', aliases: ['Marlowe Sommer', 'Judge Marlowe Sommer'] }, 'judge')).toEqual([
      { field: 'aliases', snippet: '«Judge» Marlowe Sommer' },
    ]);
    expect(highlight({ name: 'Misjudged' }, 'judge')).toEqual([]);
  });

  it('marks the words looked for, not the operators or what is excluded, and returns nothing for no words', () => {
    expect(queryWords('"foo" OR (bar*)')).toEqual(['foo', 'bar']);
    expect(queryWords('Baldwin -Hutchins NOT Souza or')).toEqual(['baldwin', 'or']);
    expect(highlight({ name: 'a (b)' }, '()')).toEqual([]);
  });
});
