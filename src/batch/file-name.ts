/**
 * A file name made from a school's URN and name that is safe on Windows, macOS and Linux: ASCII
 * letters, digits and hyphens only (accents folded, everything else a hyphen), at most 80
 * characters, never empty, never a name Windows reserves. `taken` makes it unique in a folder
 * regardless of case (-2, -3 ...).
 */
export function safeFileName(urn: string | null, name: string | null, fallback: string, taken: Set<string>): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
  let base = [urn, name].map((s) => (s ? slug(s) : '')).filter(Boolean).join('-').slice(0, 80).replace(/-+$/, '') || slug(fallback) || 'school';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/.test(base)) base = `school-${base}`;
  let name2 = base;
  for (let n = 2; taken.has(name2); n++) name2 = `${base}-${n}`;
  taken.add(name2);
  return name2;
}
