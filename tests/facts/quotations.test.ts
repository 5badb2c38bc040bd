import { describe, expect, it } from 'vitest';
import { quotedSentences } from '../../src/facts/quotations.js';

describe('quotedSentences', () => {
  it('marks each sentence of a quotation opened after someone is said to speak, up to the closing mark', () => {
    expect(quotedSentences(['The county council says: \u201cEvery school must identify needs.', 'Parents can ask for an assessment.\u201d', 'We screen every pupil.'])).toEqual([true, true, false]);
    expect(quotedSentences(['One parent told us "The SENCO always listens.', 'She rings back the same day."', 'We meet parents each term.'])).toEqual([true, true, false]);
  });

  it('leaves alone quoted names and phrases the school uses itself', () => {
    expect(quotedSentences(['Our "Nurture Time" group meets every afternoon.', 'Pupils call it "the den".'])).toEqual([false, false]);
  });

  it('marks a quotation that runs to the end of the paragraph without a closing mark', () => {
    expect(quotedSentences(['The Code of Practice states that "Schools must use their best endeavours.', 'Teachers are responsible for every pupil.'])).toEqual([true, true]);
  });
});
