import { describe, expect, it } from 'vitest';
import { maskOrganisationNames } from '../../src/facts/organisation-names.js';

describe('names of schools, trusts and churches', () => {
  it.each([
    ["St Anne's Catholic Voluntary Academy is part of the trust.", 'xorganisation is part of the trust.'],
    ['Pupils move on to Hollybrook Community Primary School.', 'Pupils move on to xorganisation.'],
    ['We belong to the Holy Family Catholic Multi-Academy Trust.', 'We belong to the xorganisation.'],
    ['Governors of the Church of England Diocese meet termly.', 'Governors of the xorganisation meet termly.'],
  ])('%s', (text, masked) => {
    expect(maskOrganisationNames(text)).toBe(masked);
  });

  it.each([
    'We work with the Speech and Language Therapy Service.',
    'The School works with the educational psychologist.',
    'Children in the school council meet every week.',
  ])('leaves the words of "%s"', (text) => {
    expect(maskOrganisationNames(text)).toBe(text);
  });
});
