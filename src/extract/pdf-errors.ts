import { AuditError } from '../errors.js';

// pdf-parse / pdfjs failures -> one plain sentence the user can act on. Matched by `name`:
// pdfjs's own UnknownErrorException is not an instance of the class pdf-parse exports.

export function pdfError(e: unknown, name: string): AuditError {
  const errName = (e as { name?: unknown } | null)?.name;
  if (errName === 'PasswordException') {
    return new AuditError(
      'unreadable',
      `${name} is password-protected, so its text cannot be read. Ask the school for a copy without a password (publishing it that way also lets parents read it).`,
      { cause: e },
    );
  }
  if (errName === 'InvalidPDFException' || errName === 'MissingPDFException') {
    return new AuditError(
      'unreadable',
      `${name} is not a readable PDF (it may be truncated or damaged). Download it again or ask the school for a fresh copy.`,
      { cause: e },
    );
  }
  return new AuditError(
    'unreadable',
    `${name} is a damaged PDF that could not be read. Download it again or ask the school for a fresh copy.`,
    { cause: e },
  );
}
