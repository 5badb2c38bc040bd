import { shown } from '../format/common.js';
import type { ResultsDiff, RuleChange, SchoolDiff } from './compare.js';

const WORD: Record<string, string> = { met: 'met', partial: 'partly there', missing: 'missing', not_applicable: 'not applicable' };

/**
 * The diff as plain text for a person: the counts, then each school that changed. Names, keys and
 * reasons from the results pass `shown`: a school called "Multi\nline\n::error::X" stays one line
 * and starts no workflow command.
 */
export function formatDiffText(diff: ResultsDiff): string {
  const out: string[] = [];
  const sideText = (s: ResultsDiff['old']) => `${shown(s.file)} (${plural(s.schools, 'school')}${s.asOf.length ? `, as of ${s.asOf.join(', ')}` : ''})`;
  out.push(`Comparing ${sideText(diff.old)}`);
  out.push(`     with ${sideText(diff.new)}`);
  out.push('');
  const s = diff.summary;
  out.push(
    `${plural(s.changed, 'school')} changed, ${s.unchanged} unchanged, ${s.added} added, ${s.gone} gone. ` +
      `${plural(s.nowMet, 'requirement')} now met, ${plural(s.newGaps, 'new gap')}.`,
  );
  for (const school of diff.schools) {
    if (school.change === 'unchanged') continue;
    out.push('');
    out.push(...formatSchool(school));
  }
  return `${out.join('\n')}\n`;
}

function formatSchool(s: SchoolDiff): string[] {
  const title = `${shown(s.name ?? s.key)}${s.name ? ` (${shown(s.key)})` : ''}`;
  if (s.change === 'added') return [`${title}: added (${statusWord(s.to)})${s.detail ? `: ${shown(s.detail)}` : ''}`];
  if (s.change === 'gone') return [`${title}: gone (was ${statusWord(s.from)})`];
  const lines = [title];
  if (s.from !== s.to) lines.push(`  Status: ${statusWord(s.from)} -> ${statusWord(s.to)}${s.detail ? ` (${shown(s.detail)})` : ''}`);
  const group = (label: string, changes: RuleChange[]) => {
    if (!changes.length) return;
    lines.push(`  ${label} (${changes.length}):`);
    for (const c of changes) lines.push(`    ${shown(c.id)}: ${shown(c.title)} (${WORD[c.from ?? ''] ?? 'not in the rule set'} -> ${WORD[c.to ?? ''] ?? 'not in the rule set'})`);
  };
  group('Now met', s.nowMet);
  group('New gaps', s.newGaps);
  group('Other changes', s.other);
  return lines;
}

function statusWord(status: string | null): string {
  return status === null ? 'absent' : status.replace(/_/g, ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatDiffJson(diff: ResultsDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
