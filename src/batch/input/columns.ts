// The column names people give the fields we read, in lists typed by hand, exported from a
// council's own system or downloaded from GIAS. Matched with case, spaces, underscores and
// hyphens ignored ("School website" = "school_website" = "SchoolWebsite").

export type Field = 'url' | 'name' | 'urn' | 'schoolType' | 'la' | 'email' | 'typeCode' | 'typeName' | 'statusCode' | 'statusName';

/** Each field's names, most specific first: the first name the header has wins. */
const ALIASES: Record<Field, readonly string[]> = {
  url: ['SchoolWebsite', 'School website', 'Website', 'Website address', 'Web address', 'Web site', 'URL', 'Link'],
  name: ['EstablishmentName', 'School name', 'Name', 'School', 'Establishment'],
  urn: ['URN', 'School URN'],
  schoolType: ['school_type'],
  la: ['LA (name)', 'LA', 'Local authority'],
  email: ['Email', 'E-mail', 'Email address', 'School email', 'Contact email'],
  typeCode: ['TypeOfEstablishment (code)'],
  typeName: ['TypeOfEstablishment (name)'],
  statusCode: ['EstablishmentStatus (code)'],
  statusName: ['EstablishmentStatus (name)'],
};

/** A header cell as compared: lower case, without spaces, underscores or hyphens. */
export function columnKey(cell: string): string {
  return cell.toLowerCase().replace(/[\s_-]+/g, '');
}

const KEYS = Object.fromEntries(Object.entries(ALIASES).map(([f, names]) => [f, names.map(columnKey)])) as Record<Field, string[]>;
const ALL_KEYS = new Set(Object.values(KEYS).flat());

/** The index of the field's column in the header, or -1. */
export function findColumn(header: readonly string[], field: Field): number {
  const keys = header.map(columnKey);
  for (const k of KEYS[field]) {
    const i = keys.indexOf(k);
    if (i >= 0) return i;
  }
  return -1;
}

/** Whether a header cell names a field we read. */
export function isKnownColumn(cell: string): boolean {
  return ALL_KEYS.has(columnKey(cell));
}

/** The names the website column may have, for messages. */
export const URL_COLUMN_NAMES = ALIASES.url;
