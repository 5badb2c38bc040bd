import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/facts/index.js';
import { makeDoc } from './make-doc.js';

describe('computeFacts', () => {
  it('gathers date, kind, reading ease and word count in one call', () => {
    const doc = makeDoc(['# Ashgrove Infant School SEN Information Report 2025-26', 'We help each child to learn and we talk with parents often.']);
    const facts = computeFacts(doc);
    expect(facts.reportDate).toEqual({ value: '2025', quote: 'Ashgrove Infant School SEN Information Report 2025-26', source: 'text' });
    expect(facts.kind.kind).toBe('report');
    expect(facts.readingEase).toBeNull();
    expect(facts.words).toBe(19);
  });
});
