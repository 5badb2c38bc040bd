import type { AuditReport } from '../audit/report.js';

/** The machine-readable contract (schemaVersion 1), stable key order, one trailing newline. */
export function formatJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
