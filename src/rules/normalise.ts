/**
 * Text normalisation shared by sentences and phrases, so spelling variants that reports use
 * interchangeably compare equal: co-ordinator/coordinator, "&"/"and", SEN/D and SEN(D)/SEND,
 * curly/straight quotes, en/em dashes.
 */
export function normaliseForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\bco-ordinat/g, 'coordinat')
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\bsen\s*\/\s*d\b|\bsen\s*\(\s*d\s*\)/g, 'send')
    .replace(/\s+/g, ' ')
    .trim();
}
