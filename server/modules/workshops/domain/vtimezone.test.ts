import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import ICAL from 'ical.js'
import { formatOffset, offsetAt, offsetChanges, vtimezone } from './vtimezone.ts'

const ms = (iso: string) => new Date(iso).getTime()

/** Parses a VTIMEZONE with ical.js and converts a wall-clock time of that zone to UTC. */
function toUtc(component: string, tzid: string, local: string): string {
  const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${component}BEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=${tzid}:${local}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`
  const root = new ICAL.Component(ICAL.parse(text))
  const zone = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!)
  const start = root.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstart') as ICAL.Time
  const t = new ICAL.Time(
    { year: start.year, month: start.month, day: start.day, hour: start.hour, minute: start.minute, second: 0 },
    zone,
  )
  return t.toJSDate().toISOString()
}

describe('VTIMEZONE from the runtime’s zone data', () => {
  it('finds the offsets and their changes to the minute', () => {
    assert.equal(offsetAt('Europe/Brussels', ms('2026-01-15T12:00:00Z')), 60)
    assert.equal(offsetAt('Europe/Brussels', ms('2026-07-15T12:00:00Z')), 120)
    assert.equal(offsetAt('Asia/Kolkata', ms('2026-07-15T12:00:00Z')), 330)
    assert.deepEqual(offsetChanges('Europe/Brussels', ms('2026-01-01T00:00:00Z'), ms('2027-01-01T00:00:00Z')), [
      { at: ms('2026-03-29T01:00:00Z'), from: 60, to: 120 },
      { at: ms('2026-10-25T01:00:00Z'), from: 120, to: 60 },
    ])
    // Lord Howe Island moves by half an hour.
    const lh = offsetChanges('Australia/Lord_Howe', ms('2026-01-01T00:00:00Z'), ms('2027-01-01T00:00:00Z'))
    assert.deepEqual(
      lh.map((c) => [c.from, c.to]),
      [
        [660, 630],
        [630, 660],
      ],
    )
    assert.deepEqual([formatOffset(60), formatOffset(-210), formatOffset(0)], ['+0100', '-0330', '+0000'])
  })

  it('writes observances a parser turns into the right instants, across the changes', () => {
    const from = ms('2025-11-01T00:00:00Z')
    const to = ms('2027-12-01T00:00:00Z')
    const brussels = vtimezone('Europe/Brussels', from, to)!
    assert.match(brussels, /^BEGIN:VTIMEZONE\r\nTZID:Europe\/Brussels\r\n/)
    assert.match(brussels, /BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200\r\n/)
    assert.match(brussels, /BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0100\r\n/)
    assert.equal(toUtc(brussels, 'Europe/Brussels', '20261118T100000'), '2026-11-18T09:00:00.000Z')
    assert.equal(toUtc(brussels, 'Europe/Brussels', '20260615T100000'), '2026-06-15T08:00:00.000Z')
    assert.equal(toUtc(brussels, 'Europe/Brussels', '20270328T040000'), '2027-03-28T02:00:00.000Z')
    const newYork = vtimezone('America/New_York', from, to)!
    assert.equal(toUtc(newYork, 'America/New_York', '20260701T090000'), '2026-07-01T13:00:00.000Z')
    assert.equal(toUtc(newYork, 'America/New_York', '20261201T090000'), '2026-12-01T14:00:00.000Z')
    const sydney = vtimezone('Australia/Sydney', from, to)!
    assert.equal(toUtc(sydney, 'Australia/Sydney', '20260115T090000'), '2026-01-14T22:00:00.000Z')
    assert.equal(toUtc(sydney, 'Australia/Sydney', '20260715T090000'), '2026-07-14T23:00:00.000Z')
  })

  it('gives a zone without changes one observance, and none for UTC or an unknown zone', () => {
    const tokyo = vtimezone('Asia/Tokyo', ms('2026-01-01T00:00:00Z'), ms('2027-01-01T00:00:00Z'))!
    assert.equal(tokyo.match(/BEGIN:(STANDARD|DAYLIGHT)/g)?.length, 1)
    assert.match(tokyo, /TZOFFSETFROM:\+0900\r\nTZOFFSETTO:\+0900/)
    assert.equal(toUtc(tokyo, 'Asia/Tokyo', '20260601T090000'), '2026-06-01T00:00:00.000Z')
    assert.equal(vtimezone('UTC', 0, ms('2027-01-01T00:00:00Z')), null)
    assert.equal(vtimezone('Mars/Olympus_Mons', 0, ms('2027-01-01T00:00:00Z')), null)
  })
})
