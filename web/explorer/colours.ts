/** One colour per kind of node, in the drawing, the legend and the lists alike. */
export const KIND_COLOURS: Record<string, string> = {
  CASE: '#b91c1c',
  COURT: '#7c2d12',
  PERSON: '#1d4ed8',
  GROUP: '#0e7490',
  ORGANIZATION: '#0f766e',
  WORK: '#7e22ce',
  PLACE: '#15803d',
  ITEM: '#a16207',
  CHARGE: '#be123c',
  EVIDENCE: '#c2410c',
  RULING: '#9f1239',
  EVENT: '#4d7c0f',
  ACT: '#57534e',
  CLAIM: '#6d28d9',
  SOURCE_DOCUMENT: '#334155',
};

export const colourOf = (kind: string): string => KIND_COLOURS[kind] ?? '#475569';
