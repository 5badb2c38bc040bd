import type { AuditReport } from '../audit/report.js';
import type { Severity } from '../rules/types.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';

export type ReportFormat = 'text' | 'json' | 'markdown' | 'html' | 'junit' | 'github';

/** One audit report in the format asked for (`senaudit audit --format`). */
export function renderReport(report: AuditReport, format: ReportFormat, options: { color: boolean; failOn: Severity }): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'html':
      return formatHtml(report);
    case 'junit':
      return formatJunit(report, { failOn: options.failOn });
    case 'github':
      return formatGithub(report);
    default:
      return formatText(report, { color: options.color });
  }
}
