import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEntry } from '../../../server/modules/events/calendar';

const FORGERY = 'Brokerage\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:forged@evil\nSUMMARY:Free money\nEND:VEVENT';

function entry(overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    meetingId: '0123456789abcdef01234567',
    sequence: 3,
    cancelled: false,
    startsAt: new Date('2027-03-01T09:00:00Z'),
    endsAt: new Date('2027-03-01T09:20:00Z'),
    updatedAt: new Date('2027-02-01T12:00:00Z'),
    summary: 'Meeting: Ana (Universidade do Minho)',
    location: 'Morning meetings, table 1, Tallinn',
    description: 'With Ana\nWhy: shelf life',
    url: 'https://matchbridge.example/events/1/agenda',
    ...overrides,
  };
}

/** Parsed by ical.js, an independent implementation. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    plainName: calendar.getFirstPropertyValue('name'),
    events: calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)),
  };
}

describe('the iCalendar writer: every text property escaped and folded (RFC 5545)', () => {
  it('keeps a hostile calendar name, summary, location and description inside their own properties', () => {
    const text = buildCalendar(FORGERY, 'matchbridge.example', [entry({ summary: FORGERY, location: `Hall; A, "B" \\ ${FORGERY}`, description: FORGERY })]);
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(1);
    expect(text.match(/^BEGIN:VCALENDAR\r$/gm)).toHaveLength(1);
    expect(text).not.toMatch(/^UID:forged/m);
    const parsed = parse(text);
    const normalised = FORGERY.replace(/\r\n/g, '\n');
    // ical.js does not know NAME (RFC 7986) and X- properties, so it leaves their TEXT escaped.
    expect(parsed.name).toBe(normalised.replaceAll('\n', '\\n'));
    expect(parsed.plainName).toBe(parsed.name);
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0]).toMatchObject({ uid: 'meeting-0123456789abcdef01234567@matchbridge.example', summary: normalised, description: normalised });
    expect(parsed.events[0]!.location).toBe(`Hall; A, "B" \\ ${normalised}`);
  });

  it('drops control characters that TEXT may not hold and keeps tabs', () => {
    const parsed = parse(buildCalendar('Bad\u0000 na\u001bme\u007f', 'h.example', [entry({ summary: 'Tab\there\u0007' })]));
    expect(parsed.name).toBe('Bad name');
    expect(parsed.events[0]!.summary).toBe('Tab\there');
  });

  it('folds every line to at most 75 octets without splitting a character', () => {
    const long = `${'Ünïcödé brokerage 🌍 '.repeat(20)}end`;
    const text = buildCalendar(long, 'h.example', [entry({ summary: long, description: long })]);
    const lines = text.split('\r\n');
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(10);
    expect(text).not.toContain('\uFFFD');
    const parsed = parse(text);
    expect(parsed.name).toBe(long);
    expect(parsed.events[0]!.summary).toBe(long);
  });
});
