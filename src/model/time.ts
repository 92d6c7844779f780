/** When something happened, as precisely as a source says it. */
export interface TimeInput {
  text?: string;
  date?: string;
  month?: number;
  weekday?: string;
  approximate?: boolean;
}

export type TimePrecision = 'DAY' | 'MONTH' | 'YEAR' | 'WEEKDAY' | 'UNKNOWN';

export interface TimeValue {
  text: string | null;
  year: number | null;
  month: number | null;
  day: number | null;
  weekday: string | null;
  approximate: boolean;
  precision: TimePrecision;
  /** ISO-like key that sorts chronologically ("2021-10-21", "2024"); null when the year is unknown. */
  sortKey: string | null;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Returns a message when `date` (YYYY, YYYY-MM or YYYY-MM-DD) is not a real calendar date. */
export function checkDate(date: string): string | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return `"${date}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`;
  const [, y, m, d] = match;
  if (m !== undefined && (Number(m) < 1 || Number(m) > 12)) return `"${date}" has no month ${m}`;
  if (d !== undefined) {
    const probe = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (probe.getUTCMonth() !== Number(m) - 1 || probe.getUTCDate() !== Number(d)) {
      return `"${date}" is not a day of the calendar`;
    }
  }
  return null;
}

/** Normalises a validated time input; precision says how much of the date is known. */
export function normalizeTime(input: TimeInput): TimeValue {
  const [y, m, d] = (input.date ?? '').split('-').map((part) => (part ? Number(part) : null));
  const year = y ?? null;
  const month = m ?? input.month ?? null;
  const day = d ?? null;
  let weekday = input.weekday ?? null;
  if (year !== null && month !== null && day !== null && weekday === null) {
    weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? null;
  }
  const precision: TimePrecision =
    day !== null ? 'DAY' : month !== null ? 'MONTH' : year !== null ? 'YEAR' : weekday !== null ? 'WEEKDAY' : 'UNKNOWN';
  return {
    text: input.text ?? null,
    year,
    month,
    day,
    weekday,
    approximate: input.approximate ?? false,
    precision,
    sortKey: year === null ? null : [year, month, day].filter((p) => p !== null).map((p, i) => String(p).padStart(i === 0 ? 4 : 2, '0')).join('-'),
  };
}

const PARTS = ['text', 'year', 'month', 'day', 'weekday', 'approximate', 'precision', 'sortKey'] as const;

/** Node properties for a time field: `time` -> time_year, time_month, ... */
export function flattenTime(field: string, value: TimeValue | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of PARTS) out[`${field}_${part}`] = value ? value[part] : null;
  return out;
}

/** The reverse of flattenTime; null when the node has no such time. */
export function readTime(field: string, props: Record<string, unknown>): TimeValue | null {
  if (props[`${field}_precision`] == null) return null;
  const value = {} as Record<string, unknown>;
  for (const part of PARTS) value[part] = props[`${field}_${part}`] ?? null;
  value.approximate = value.approximate === true;
  return value as unknown as TimeValue;
}
