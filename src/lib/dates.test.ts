import { describe, expect, it } from 'vitest';
import { formatDisplayDate, parseContentDate, toZonedIsoString, yearInZone } from './dates.ts';

describe('parseContentDate', () => {
  it.each([
    { input: '2026-03-10', zone: 'Europe/London', iso: '2026-03-10T00:00:00.000Z' },
    { input: '2026-07-10', zone: 'Europe/London', iso: '2026-07-09T23:00:00.000Z' },
    { input: '2026-03-10', zone: 'America/Los_Angeles', iso: '2026-03-10T07:00:00.000Z' },
    { input: '2026-03-10', zone: 'Asia/Tokyo', iso: '2026-03-09T15:00:00.000Z' },
    { input: '2024-02-29', zone: 'UTC', iso: '2024-02-29T00:00:00.000Z' },
    { input: '2026-03-10T09:30:00+01:00', zone: 'Asia/Tokyo', iso: '2026-03-10T08:30:00.000Z' },
    { input: '2026-03-10T09:30Z', zone: 'Europe/London', iso: '2026-03-10T09:30:00.000Z' },
  ])('reads $input as the start of that moment in $zone', ({ input, zone, iso }) => {
    const result = parseContentDate(input, zone);
    expect(result.ok && result.date.toISOString()).toBe(iso);
  });

  it.each([
    { input: '2024-13-45', reason: '"2024-13-45" is not a real date (month 13 does not exist)' },
    { input: '2023-02-29', reason: '"2023-02-29" is not a real date (day 29 does not exist in 2023-02)' },
    { input: 'yesterday', reason: '"yesterday" is not a date in a format this site accepts' },
    { input: '', reason: 'the date is empty' },
    { input: '10/03/2026', reason: '"10/03/2026" is not a date in a format this site accepts' },
    { input: '2026-03-10T09:30:00', reason: '"2026-03-10T09:30:00" is not a date in a format this site accepts' },
    { input: '2026-03-10T25:00:00Z', reason: '"2026-03-10T25:00:00Z" is not a real date (hour 25 does not exist)' },
    { input: 20260310, reason: 'the date is empty' },
  ])('rejects $input rather than guessing', ({ input, reason }) => {
    expect(parseContentDate(input, 'Europe/London')).toEqual({ ok: false, reason });
  });

  it('rejects a Date object, because it no longer says which day the author meant', () => {
    expect(parseContentDate(new Date(), 'UTC').ok).toBe(false);
  });
});

describe('dates shown to readers', () => {
  const instant = new Date('2026-03-09T23:30:00Z');

  it('prints ISO 8601 with the site offset', () => {
    expect(toZonedIsoString(instant, 'Asia/Tokyo')).toBe('2026-03-10T08:30:00+09:00');
    expect(toZonedIsoString(instant, 'America/Los_Angeles')).toBe('2026-03-09T16:30:00-07:00');
    expect(toZonedIsoString(new Date('2026-07-01T00:00:00Z'), 'Europe/London')).toBe('2026-07-01T01:00:00+01:00');
    expect(toZonedIsoString(new Date('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-01T05:30:00+05:30');
  });

  it('formats the calendar day in the site zone, not the machine zone', () => {
    expect(formatDisplayDate(instant, 'en-GB', 'Asia/Tokyo')).toBe('10 March 2026');
    expect(formatDisplayDate(instant, 'en-GB', 'Europe/London')).toBe('9 March 2026');
    expect(yearInZone(new Date('2025-12-31T20:00:00Z'), 'Asia/Tokyo')).toBe(2026);
  });

  it('round-trips a calendar date through the site zone whatever the zone', () => {
    for (const zone of ['Europe/London', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'America/Sao_Paulo']) {
      const parsed = parseContentDate('2026-03-29', zone);
      expect(parsed.ok && toZonedIsoString(parsed.date, zone).slice(0, 10)).toBe('2026-03-29');
    }
  });
});
