import type { SchoolType } from '../rules/vocabulary.js';

// Our own copy of the GIAS "TypeOfEstablishment (code)" -> school type mapping. Generated from the
// facts in ../shared/reference/gias_type_applicability.csv (columns type_code,
// TypeOfEstablishment (name), applicability_group); kept here so the project does not depend on
// a file outside it. Change both together.
//
// Deviations from that table, on purpose:
// - 10 "Other independent special school" is `independent_special` there; the rules have no such
//   group, so it is audited as `independent` (the SEN report is good practice for both).
// - `out_of_scope` types are not audited: the batch lists them as skipped with this reason.

export type GiasTypeEntry =
  | { name: string; schoolType: SchoolType }
  | { name: string; schoolType: null; outOfScope: string };

const OUT = (name: string, why = 'not a school in England that the SEN information report duty applies to') => ({
  name,
  schoolType: null,
  outOfScope: why,
});

export const GIAS_TYPES: Readonly<Record<number, GiasTypeEntry>> = {
  1: { name: 'Community school', schoolType: 'maintained_mainstream' },
  2: { name: 'Voluntary aided school', schoolType: 'maintained_mainstream' },
  3: { name: 'Voluntary controlled school', schoolType: 'maintained_mainstream' },
  5: { name: 'Foundation school', schoolType: 'maintained_mainstream' },
  15: { name: 'Local authority nursery school', schoolType: 'maintained_nursery' },
  7: { name: 'Community special school', schoolType: 'maintained_special' },
  12: { name: 'Foundation special school', schoolType: 'maintained_special' },
  28: { name: 'Academy sponsor led', schoolType: 'academy_mainstream' },
  34: { name: 'Academy converter', schoolType: 'academy_mainstream' },
  35: { name: 'Free schools', schoolType: 'academy_mainstream' },
  40: { name: 'University technical college', schoolType: 'academy_mainstream' },
  41: { name: 'Studio schools', schoolType: 'academy_mainstream' },
  6: { name: 'City technology college', schoolType: 'academy_mainstream' },
  33: { name: 'Academy special sponsor led', schoolType: 'academy_special' },
  44: { name: 'Academy special converter', schoolType: 'academy_special' },
  36: { name: 'Free schools special', schoolType: 'academy_special' },
  45: { name: 'Academy 16-19 converter', schoolType: 'academy_16_19' },
  46: { name: 'Academy 16 to 19 sponsor led', schoolType: 'academy_16_19' },
  39: { name: 'Free schools 16 to 19', schoolType: 'academy_16_19' },
  57: { name: 'Academy secure 16 to 19', schoolType: 'academy_16_19' },
  42: { name: 'Academy alternative provision converter', schoolType: 'ap_academy' },
  43: { name: 'Academy alternative provision sponsor led', schoolType: 'ap_academy' },
  38: { name: 'Free schools alternative provision', schoolType: 'ap_academy' },
  14: { name: 'Pupil referral unit', schoolType: 'pru' },
  11: { name: 'Other independent school', schoolType: 'independent' },
  10: { name: 'Other independent special school', schoolType: 'independent' },
  8: { name: 'Non-maintained special school', schoolType: 'non_maintained_special' },
  18: { name: 'Further education', schoolType: 'fe_college' },
  31: { name: 'Sixth form centres', schoolType: 'fe_college' },
  32: { name: 'Special post 16 institution', schoolType: 'fe_college' },
  24: OUT('Secure units'),
  25: OUT('Offshore schools'),
  26: OUT("Service children's education"),
  27: OUT('Miscellaneous'),
  29: OUT('Higher education institutions'),
  30: OUT('Welsh establishment', 'in Wales, where the ALN regime applies instead of the SEN information report duty'),
  37: OUT('British schools overseas'),
  49: OUT('Online provider'),
  56: OUT('Institution funded by other government department'),
};

/** GIAS "EstablishmentStatus (code)" of a closed establishment. */
export const GIAS_STATUS_CLOSED = 2;
