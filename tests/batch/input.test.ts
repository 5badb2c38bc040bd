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
      { key: 'urn:100001', row: 2, urn: '100001', name: 'Oak, Primary', schoolType: null, url: 'https://oak.example.org/', la: null, schemeGuessed: true },
      { key: 'url:https://willow.example.org/', row: 3, urn: null, name: 'Willow Special', schoolType: 'maintained_special', url: 'https://willow.example.org/', la: null },
      { key: 'urn:100003', row: 4, urn: '100003', name: 'No Site', schoolType: null, url: null, la: null },
      { key: 'url:https://bad.example.org/', row: 5, urn: null, name: 'Bad Type', schoolType: null, url: 'https://bad.example.org/', la: null },
    ]);
    expect(rows[2]!.preset).toEqual({ status: 'error', error: { code: 'input', message: 'Row 4 has no website address, so the school could not be audited.' } });
    const bad = rows[3]!.preset;
    expect(bad?.status === 'error' && bad.error.message).toMatch(/^Row 5: school_type "grammar" is not one of maintained_mainstream, /);
  });
  it('a CSV without a website column is refused in one sentence', () => {
    expect(loadError(utf8('name,homepage\nOak,https://oak.example.org/\n'), 'schools.csv')).toMatch(/^schools\.csv has no website column \(its columns are: name, homepage\)\. Add one named "url" \(or "SchoolWebsite", "School website", "Website"\)/);
  });
  it('reads the website, name and email columns under the names people give them, case and spacing ignored', () => {
    for (const [urlCol, nameCol] of [['SchoolWebsite', 'EstablishmentName'], ['Website', 'School name'], ['School website', 'Name'], ['web address', 'school_name'], ['URL', 'NAME'], ['Link', 'School Name']]) {
      const { format, rows } = loadSchools(utf8(`${nameCol},${urlCol},E-mail\nOak Primary,www.oak.example.sch.uk,office@oak.example.sch.uk\n`), 'schools.csv');
      expect(format, urlCol).toBe('csv');
      expect(rows[0]!.school, `${urlCol} / ${nameCol}`).toMatchObject({ name: 'Oak Primary', url: 'https://www.oak.example.sch.uk/', email: 'office@oak.example.sch.uk', schemeGuessed: true });
    }
  });
  it('lines starting with # are notes, above the header or between rows; a # inside a cell is text', () => {
    const csv = '# Anyshire primaries, checked 2026\nurl,name\nhttps://oak.example.org/#send,Oak #2\n# closed in July:\nhttps://ash.example.org/,Ash\n';
    const { format, rows } = loadSchools(utf8(csv), 'schools.csv');
    expect(format).toBe('csv');
    expect(rows.map((r) => [r.school.row, r.school.name, r.school.url])).toEqual([
      [3, 'Oak #2', 'https://oak.example.org/'], // (the fragment is not part of the address fetched)
      [5, 'Ash', 'https://ash.example.org/'],
    ]);
  });
  it('a CSV with only a header lists no schools', () => {
    expect(loadError(utf8('url,name\n'), 'schools.csv')).toMatch(/lists no schools/);
  });
});

describe('a list with no header line, saved as CSV', () => {
  it('is read as one URL a line, dropping empty cells after the URL, as a .txt list is', () => {
    const csv = 'https://a.example.org/,,\r\nwww.b.example.org;\r\n,\r\nc.example.sch.uk/send,\r\nhttp://127.0.0.1:8080/d/\r\n';
    const { format, rows } = loadSchools(utf8(csv), 'schools.csv');
    expect(format).toBe('urls');
    expect(rows.map((r) => [r.school.row, r.school.url, r.preset])).toEqual([
      [1, 'https://a.example.org/', null],
      [2, 'https://www.b.example.org/', null],
      [4, 'https://c.example.sch.uk/send', null],
      [5, 'http://127.0.0.1:8080/d/', null],
    ]);
    for (const first of ['www.b.example.org', 'oakfield.sch.uk/send,', '127.0.0.1:8080/x,,']) {
      expect(loadSchools(utf8(`${first}\nhttps://a.example.org/\n`), 'schools.csv').format, first).toBe('urls');
    }
  });
  it('a real header that is not a web address is still a CSV, refused when it has no url column', () => {
    expect(loadError(utf8('School.Name,Homepage\nOak,https://oak.example.org/\n'), 'schools.csv')).toMatch(/has no website column \(its columns are: School\.Name, Homepage\)/);
    expect(loadSchools(utf8('website\nhttps://oak.example.org/\n'), 'schools.csv').rows[0]!.school.url).toBe('https://oak.example.org/');
    expect(loadError(utf8('School.Name\nOak Primary\n'), 'schools.csv')).toMatch(/has no website column \(its columns are: School\.Name\)/);
  });
  it('websites with other cells beside them and no header line are refused: which cell is which cannot be guessed', () => {
    for (const first of ['https://oak.example.org/,Oak Primary,100001', 'oak.example.org;Oak Primary']) {
      expect(loadError(utf8(`${first}\n`), 'schools.csv'), first).toMatch(/^schools\.csv has no header line \(its first line starts with the website \S*oak\.example\.org\/?\): add a first line naming the columns, such as "url,name"\.$/);
    }
    expect(loadSchools(utf8('url,name\nhttps://oak.example.org/,Oak\n'), 'schools.csv').format).toBe('csv');
  });
});

describe('CSV separated by semicolons or tabs', () => {
  it('reads a semicolon CSV (European Excel), a comma inside a cell being part of it', () => {
    const { format, rows } = loadSchools(utf8('URL;Name;URN\r\noak.example.org;Oak, St Mary\'s Primary;100001\r\n"https://willow.example.org/";"Willow; Special";\r\n'), 'schools.txt');
    expect(format).toBe('csv');
    expect(rows.map((r) => [r.school.key, r.school.name, r.school.url])).toEqual([
      ['urn:100001', "Oak, St Mary's Primary", 'https://oak.example.org/'],
      ['url:https://willow.example.org/', 'Willow; Special', 'https://willow.example.org/'],
    ]);
  });
  it('reads a semicolon GIAS extract, and names the semicolon when a row has too many cells', () => {
    const header = 'URN;LA (name);EstablishmentName;TypeOfEstablishment (code);EstablishmentStatus (code);SchoolWebsite';
    const { format, rows } = loadSchools(utf8(`${header}\n990101;Westmere;Oak, Primary;1;1;www.oak.example.sch.uk\n990102;Westmere;Ash;Elm;1;1;www.ash.example.sch.uk\n`), 'gias.csv');
    expect(format).toBe('gias');
    expect(rows.map((r) => [r.school.key, r.school.name, r.school.url, r.school.schoolType])).toEqual([
      ['urn:990101', 'Oak, Primary', 'https://www.oak.example.sch.uk/', 'maintained_mainstream'],
      ['row:3', 'Ash', null, null],
    ]);
    const shifted = rows[1]!.preset;
    expect(shifted?.status === 'error' && shifted.error.message).toBe('Row 3 has 7 cells but the header has 6, so the school could not be audited: a name or address that holds a semicolon must be in double quotes.');
  });
  it('a semicolon CSV without a url column is refused naming its columns one by one', () => {
    expect(loadError(utf8('name;homepage\nOak;https://oak.example.org/\n'), 'schools.csv')).toMatch(/has no website column \(its columns are: name, homepage\)/);
  });
  it("reads Excel's \"Unicode Text\": UTF-16 with a BOM, tab-separated, LE or BE", () => {
    const text = 'url\tname\tURN\r\nhttps://oak.example.org/\tOak, Café Primary\t100001\r\nwillow.example.org\tWillow School\t\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(0)).swap16();
    expect([...be.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    for (const [bytes, file] of [[le, 'schools.txt'], [be, 'schools.csv']] as const) {
      const { format, rows } = loadSchools(bytes, file);
      expect(format).toBe('csv');
      expect(rows.map((r) => [r.school.key, r.school.name, r.school.url])).toEqual([
        ['urn:100001', 'Oak, Café Primary', 'https://oak.example.org/'],
        ['url:https://willow.example.org/', 'Willow School', 'https://willow.example.org/'],
      ]);
    }
  });
  it('a first line with a semicolon but no known column is still a URL list', () => {
    const { format, rows } = loadSchools(utf8('www.a.example.org/?x=1;y=2\n'), 'list.txt');
    expect(format).toBe('urls');
    expect(rows.map((r) => r.school.url)).toEqual(['https://www.a.example.org/?x=1;y=2']);
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

  it('reads an extract with only the (name) columns, and one without an LA column', () => {
    const header = 'URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),SchoolWebsite';
    const body = '990201,Oak Primary,Academy converter,Open,oak.example.sch.uk/\n990202,Ash Unit,Secure units,Open,ash.example.sch.uk\n990203,Elm Infants,Community school,Closed,elm.example.sch.uk\n990204,Yew Centre,Childrens centre,Open,yew.example.sch.uk\n';
    const { format, rows } = loadSchools(utf8(`${header}\n${body}`), 'gias.csv');
    expect(format).toBe('gias');
    expect(rows.map((r) => [r.school.urn, r.school.schoolType, r.school.la, r.school.url, r.preset?.status ?? null])).toEqual([
      ['990201', 'academy_mainstream', null, 'https://oak.example.sch.uk/', null],
      ['990202', null, null, 'https://ash.example.sch.uk/', 'skipped'],
      ['990203', 'maintained_mainstream', null, 'https://elm.example.sch.uk/', 'skipped'],
      ['990204', null, null, 'https://yew.example.sch.uk/', 'skipped'],
    ]);
    expect(rows[2]!.preset).toEqual({ status: 'skipped', reason: 'closed (GIAS EstablishmentStatus Closed)' });
    expect(rows[3]!.preset).toEqual({ status: 'skipped', reason: 'establishment type "Childrens centre" is not one the SEN information report duty is known to cover' });
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
