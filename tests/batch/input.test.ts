import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GIAS_TYPES } from '../../src/batch/gias-types.js';
import { loadSchools } from '../../src/batch/input/index.js';
import { normaliseSchoolUrl } from '../../src/batch/input/url.js';
import { isAuditError } from '../../src/errors.js';
import { SCHOOL_TYPES } from '../../src/rules/vocabulary.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

function loadError(bytes: Uint8Array, name: string): string {
  try {
    loadSchools(bytes, name);
  } catch (e) {
    expect(isAuditError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected an AuditError');
}

describe('normaliseSchoolUrl', () => {
  it('adds https:// when there is no scheme and keeps http(s)', () => {
    expect(normaliseSchoolUrl('www.oakfield.sch.uk')).toBe('https://www.oakfield.sch.uk/');
    expect(normaliseSchoolUrl('  WWW.Oakfield.sch.uk/send ')).toBe('https://www.oakfield.sch.uk/send');
    expect(normaliseSchoolUrl('http://oakfield.sch.uk/a#top')).toBe('http://oakfield.sch.uk/a');
    expect(normaliseSchoolUrl('127.0.0.1:8080/x')).toBe('https://127.0.0.1:8080/x');
    expect(normaliseSchoolUrl('localhost:8080')).toBe('https://localhost:8080/');
  });
  it('refuses what cannot be a web address', () => {
    for (const bad of ['', '   ', 'ftp://files.example.org/', 'mailto:office@example.org', 'not a url', 'http://']) expect(normaliseSchoolUrl(bad)).toBeNull();
  });
});

describe('URL list', () => {
  it('reads one URL a line, skipping comments and blank lines, with line numbers as rows', () => {
    const { format, rows } = loadSchools(utf8('# Westmere schools\n\nhttps://a.example.org/\r\n  b.example.org/send  \n# done\n'), 'list.txt');
    expect(format).toBe('urls');
    expect(rows.map((r) => [r.school.row, r.school.key, r.preset])).toEqual([
      [3, 'url:https://a.example.org/', null],
      [4, 'url:https://b.example.org/send', null],
    ]);
  });
  it('reports repeated schools once and keeps the first', () => {
    const { rows, duplicates } = loadSchools(utf8('https://a.example.org/\nhttp://c.example.org\nA.EXAMPLE.ORG\n'), 'list.txt');
    expect(rows).toHaveLength(2);
    expect(duplicates).toEqual(['row 3 repeats url:https://a.example.org/ from row 1; audited once']);
  });
  it('an empty list is an error the user can act on', () => {
    expect(loadError(utf8('# nothing yet\n\n'), 'list.txt')).toMatch(/lists no schools/);
    expect(loadError(new Uint8Array(), 'list.txt')).toMatch(/lists no schools/);
  });
});

describe('CSV with a url column', () => {
  it('reads url, name, urn and school_type in any order and case', () => {
    const csv = 'Name,URL,school_type,URN\n"Oak, Primary",oak.example.org,,100001\nWillow Special,https://willow.example.org/,maintained_special,\nNo Site,,,100003\nBad Type,https://bad.example.org/,grammar,\n';
    const { format, rows } = loadSchools(utf8(csv), 'schools.csv');
    expect(format).toBe('csv');
    expect(rows.map((r) => r.school)).toEqual([
      { key: 'urn:100001', row: 2, urn: '100001', name: 'Oak, Primary', schoolType: null, url: 'https://oak.example.org/', la: null },
      { key: 'url:https://willow.example.org/', row: 3, urn: null, name: 'Willow Special', schoolType: 'maintained_special', url: 'https://willow.example.org/', la: null },
      { key: 'urn:100003', row: 4, urn: '100003', name: 'No Site', schoolType: null, url: null, la: null },
      { key: 'url:https://bad.example.org/', row: 5, urn: null, name: 'Bad Type', schoolType: null, url: 'https://bad.example.org/', la: null },
    ]);
    expect(rows[2]!.preset).toEqual({ status: 'error', error: { code: 'input', message: 'Row 4 has no website address, so the school could not be audited.' } });
    const bad = rows[3]!.preset;
    expect(bad?.status === 'error' && bad.error.message).toMatch(/^Row 5: school_type "grammar" is not one of maintained_mainstream, /);
  });
  it('a CSV without a url column is refused in one sentence', () => {
    expect(loadError(utf8('name,website\nOak,https://oak.example.org/\n'), 'schools.csv')).toMatch(/^schools\.csv has no "url" column \(its columns are: name, website\)/);
  });
  it('a CSV with only a header lists no schools', () => {
    expect(loadError(utf8('url,name\n'), 'schools.csv')).toMatch(/lists no schools/);
  });
});

describe('GIAS extract', () => {
  // The fixture's websites say {{PORT}}: end-to-end tests put their server's port there.
  const fixture = Buffer.from(readFileSync(new URL('../../fixtures/batch/gias-extract.csv', import.meta.url)).toString('latin1').replaceAll('{{PORT}}', '8080'), 'latin1');

  it('the fixture really is windows-1252, as GIAS downloads are', () => {
    expect(fixture.includes(Buffer.from([0x92]))).toBe(true); // ’
    expect(fixture.includes(Buffer.from([0xe9]))).toBe(true); // é
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(fixture)).toThrow();
  });

  it('decodes windows-1252, maps type codes, skips closed and out-of-scope establishments, and flags a blank website', () => {
    const { format, rows } = loadSchools(fixture, 'gias-extract.csv');
    expect(format).toBe('gias');
    const brief = rows.map((r) => ({ key: r.school.key, name: r.school.name, type: r.school.schoolType, url: r.school.url, la: r.school.la, preset: r.preset?.status ?? null }));
    expect(brief).toEqual([
      { key: 'urn:990101', name: 'St Aidan’s C of E Primary School', type: 'maintained_mainstream', url: 'http://127.0.0.1:8080/st-aidans/', la: 'Westmere', preset: null },
      { key: 'urn:990102', name: 'Café Lane Nursery School', type: 'maintained_nursery', url: 'http://127.0.0.1:8080/cafe-lane/send-information-report.html', la: 'Westmere', preset: null },
      { key: 'urn:990103', name: 'Old Mill Junior School', type: 'maintained_mainstream', url: 'https://www.oldmill-junior.example.sch.uk/', la: 'Westmere', preset: 'skipped' },
      { key: 'urn:990104', name: 'Hillcrest Secure Unit', type: null, url: 'https://hillcrest-unit.example.org.uk/', la: 'Westmere', preset: 'skipped' },
      { key: 'urn:990105', name: 'Brookside Academy', type: 'academy_mainstream', url: null, la: 'Westmere', preset: 'error' },
      { key: 'urn:990106', name: 'Riverside Special School', type: 'maintained_special', url: 'http://127.0.0.1:8080/riverside/', la: 'Westmere', preset: null },
    ]);
    expect(rows[2]!.preset).toEqual({ status: 'skipped', reason: 'closed (GIAS EstablishmentStatus 2)' });
    expect(rows[3]!.preset).toEqual({ status: 'skipped', reason: 'out of scope: Secure units (type 24) is not a school in England that the SEN information report duty applies to' });
  });

  it('accepts the same extract saved as UTF-8, with or without a BOM', () => {
    const text = new TextDecoder('windows-1252').decode(fixture).replace('\u0092', '’'); // Node's decoder leaves 0x92 as a C1 control
    for (const bytes of [Buffer.from(text, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])]) {
      const { format, rows } = loadSchools(bytes, 'gias.csv');
      expect(format).toBe('gias');
      expect(rows.map((r) => r.school.name)).toContain('St Aidan’s C of E Primary School');
      expect(rows.map((r) => r.school.name)).toContain('Café Lane Nursery School');
    }
  });

  it('an unknown type code is skipped with the reason', () => {
    const text = new TextDecoder().decode(Buffer.from(fixture.toString('latin1').replace('"Secure units"', '"Childrens centre"').replace(',"24",', ',"47",'), 'latin1'));
    const { rows } = loadSchools(Buffer.from(text, 'latin1'), 'gias.csv');
    expect(rows[3]!.preset).toEqual({ status: 'skipped', reason: 'establishment type code "47" is not one the SEN information report duty is known to cover' });
  });

  it('our type table maps every in-scope code to a school type the rules know', () => {
    for (const [code, entry] of Object.entries(GIAS_TYPES)) {
      if (entry.schoolType !== null) expect(SCHOOL_TYPES, `type ${code}`).toContain(entry.schoolType);
      else expect(entry.outOfScope.length, `type ${code}`).toBeGreaterThan(0);
    }
    expect(Object.keys(GIAS_TYPES)).toHaveLength(39);
  });
});
