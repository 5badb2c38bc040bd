// Facts about one sentence, computed once per document (src/rules/prepare.ts) and read by the
// rules: whose voice it is in, and what kind of statement it makes. A requirement is met only by
// the school's own account of what it does (judging-guide.md, "Whose words, and about what"):
// definitions, words about the document, aims and hopes, the law's or a local authority's words,
// and a template's prompts do not count, whatever words they contain. docs/sentence-facts.md
// says how each is decided and what it changed.

// Voice: the school's own words, the law's or national guidance's, a local authority's (addressed
// to parents about "your child's school"), or a template's prompts addressed to a school as "you".
// Statement: what a sentence does: say what is done, hope or aim, define a term, or say what the
// document covers. The word lists are the rule language's (src/rules/vocabulary.ts).
import type { Statement, Voice } from '../rules/vocabulary.js';

export type { Statement, Voice };

export interface SentenceFacts {
  voice: Voice;
  statement: Statement;
}

/** The school speaking of itself: a first person, or the school as the subject. */
export const FIRST_PERSON = /\b(?:we|our|us|ours|ourselves)\b/i;

// --- The law's and national guidance's words -------------------------------------------------
// What schools in general must do ("schools must...", "the Code of Practice states...").
export const LAW_WORDS = new RegExp(
  [
    // (Not a school named only as a place: "Complaints about provision in our school should be
    // made to the class teacher" is the school's own procedure.)
    String.raw`(?<!\b(?:our|this|in|at|of|to|from|within|across) (?:the )?)\b(all |every |the )?(schools?|governing bod(y|ies)|proprietors?|academies|settings?|providers?|(information )?reports?|early years (and childcare )?(settings|providers))( in england| in wales| nationally)? (should|must|are required to|is required to|have to|need to|has a duty|have a duty|are expected to|are asked to)\b`,
    String.raw`\b(the )?(law|regulations?|code of practice|act|legislation|guidance|sen(d)? code)( \(?\d{4}\)?)? (says?|states?|requires?|sets? out|tells? us|emphasi[sz]es|suggests?|identif(y|ies)|describes?|defines?|recommends?|explains?|outlines?)\b`,
    String.raw`\b(must|should) (include|contain|set out|show|publish)( the following| details)?\b`,
    String.raw`\b(a|the) (legal|statutory) (duty|requirement|responsibility)\b`,
    String.raw`\bmust be (included|published|set out|updated)\b`,
    String.raw`\b(identified|described|set out|defined|outlined) (in|by) the (send? )?code\b`,
    String.raw`\blocal authorit(y|ies)( and [a-z ]{1,30})? will\b`,
    // The SENCO's duties as the Code of Practice (6.90) lists them, copied into many reports.
    String.raw`\bpotential next providers of education\b|\bkey point of contact with external agencies\b|\bday-to-day operation of the school[’']s sen(d)? policy\b|\badvising on the graduated approach\b|\bdeployment of the school[’']s delegated budget\b|\bkeeps? the records of all pupils with sen(d)? up to date\b`,
  ].join('|'),
  'i',
);
/**
 * The school providing, with the law only cited: "Oakridge Primary School makes provision for the
 * four areas of need identified in the SEND Code of Practice", "In line with the Code, the school
 * provides support for pupils with:". The actor is the school, its staff, "we", or a name (not
 * the Act, the Code or a council), and no duty is laid on it ("must", "should").
 */
const PROVIDES = String.raw`\s+(?:also\s+|currently\s+)?(?:provides?|supports?|makes\s+provision|caters?|offers?|meets\s+the\s+needs|works\s+with|follows|uses)\b`;
const SCHOOL_WORD_PROVIDES = new RegExp(String.raw`\b(?:we|our school|the school|this school|the academy|our academy|staff|teachers|(?:primary |junior |infant |secondary |high )?school|academy)${PROVIDES}`, 'i');
/** A name as the actor ("Oakridge supports"): capitalised, so case is kept; not the Act, the Code or a council. */
const NAME_PROVIDES = new RegExp(String.raw`\b(?!(?:The|This|That|It|Which|Act|Code|Regulations|Law|Government|Parliament|Council|Authority|Department|Guidance|Section|Schedule)\b)[A-Z][a-z'’]+${PROVIDES}`);
const DUTY_LAID = /\b(?:must|should|are required to|is required to|has a duty|have a duty|are expected to|is expected to)\b/i;

/** Where the school (or a name) is said to provide, support or cater, or -1. */
export function schoolProvidesAt(text: string): number {
  const a = SCHOOL_WORD_PROVIDES.exec(text)?.index ?? -1;
  const b = NAME_PROVIDES.exec(text)?.index ?? -1;
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** The school's provision is the main clause and the law is only cited after it; no duty is laid on anyone. */
function schoolProvidesCitingLaw(text: string): boolean {
  const provides = schoolProvidesAt(text);
  const law = LAW_WORDS.exec(text);
  return provides >= 0 && law !== null && provides < law.index && !DUTY_LAID.test(text);
}

/**
 * The law cited in one clause and the school's own practice in the next: "Schools must have a
 * qualified SENCO; ours holds the National Award", "The Equality Act requires reasonable
 * adjustments, and we make them", "As the Code recommends, we use a graduated approach". The
 * school's clause, with no duty laid in it, makes the sentence the school's.
 */
const SCHOOL_CLAUSE = /(?:[;:]|,)\s+(?:and\s+|but\s+|so\s+)?(?:(?:at|in)\s+(?:our|this)\s+(?:school|academy),?\s+|here,?\s+)?(?:we|ours|our\s+(?:school|academy|senco|sendco|staff|governors?|teachers?))\b/i;
function schoolClauseAfterLaw(text: string): boolean {
  const law = LAW_WORDS.exec(text);
  if (!law) return false;
  const afterLaw = text.slice(law.index + law[0].length);
  const join = SCHOOL_CLAUSE.exec(afterLaw);
  if (!join) return false;
  const tail = afterLaw.slice(join.index + join[0].length);
  return !LAW_WORDS.test(tail) && !DUTY_LAID.test(tail);
}

/** A law or national scheme spoken of as history ("introduced in 2014 by the Children and Families Act"). */
const LAW_HISTORY = /\b(?:was|were) (?:introduced|established|created|brought in|set up)\b[^.]{0,60}\b(?:act|regulations?|code of practice|government|legislation)\b|\b(?:came into (?:force|effect))\b/i;

// --- A local authority's words ------------------------------------------------------------------
/** What a local authority will do, said as a duty. */
const LA_DUTY = /\blocal authorit(?:y|ies)\b/i;
/**
 * Addressed to parents about the school from outside it ("your child's school will..."). Not
 * "your child's teacher": a school's own report speaks to parents that way throughout, and a page
 * written from outside any school is known as such from the whole document (src/facts/kind.ts).
 */
const LA_VOICE = /\byour child[’']?s (?:school|setting|nursery|college)\b|\b(?:all )?(?:schools|settings|nurseries|colleges) (?:will|can|may) (?:also )?(?:provide|offer|support|make|help|use|have)\b/i;
/** The Local Offer described in general, as the council's pages describe it. */
const LOCAL_OFFER_IN_GENERAL = /^(?:the )?local offer(?: website| site| web ?pages?| pages?| directory)? (?:will|is|was|aims?|enables?|provides?|sets? out|gives?|brings?|tells?|has been|must)\b/i;

// --- A template's prompts, addressed to a school as "you" ----------------------------------------
// Also a prompt in the imperative ("Explain your measures to prevent bullying", "Describe how
// pupils are consulted"): a report answers such a prompt, it does not give it.
const TEMPLATE_VOICE = /^(?:explain|describe|outline|insert|summari[sz]e|detail|list|give (?:details|information|examples)|provide (?:details|information)) (?:your|you|how|what|who|when|where|whether|which|any)\b|^how (?:you|your)\b|\byour (?:school|setting|pupils|provision|support for|arrangements|approach|sencos?)\b|\b(?:you|schools?) (?:should )?(?:make adaptations|assess and identify|check the effectiveness|consult (?:with )?(?:parents|children|pupils)|secure (?:equipment|specialist))\b/i;
/** A fragment naming a topic, as a template or a regulation lists them ("arrangements for consulting parents"). */
const TOPIC_FRAGMENT = /^(?:the )?(?:arrangements|approach|information|details) (?:for|to|about|on|of) [^.!?]{0,120}\.?$/i;
/** A verb makes a fragment a sentence ("Details of our complaints procedure can be found on the website"). */
const FINITE_VERB = /\b(?:is|are|was|were|can|could|will|would|may|might|must|should|has|have|had|be|been|do|does|did)\b/i;

// --- Definitions --------------------------------------------------------------------------------
const DEFINITION = new RegExp(
  [
    // "A child has SEN if...", "A pupil has a learning difficulty or disability when..."
    String.raw`^(?:a|an|any) (?:child|pupil|young person|person|student|learner)(?: or young person)? (?:has|have|is said to have|is considered to have|is (?:deemed|described as) having) (?:a |an )?(?:sen|send|special educational needs?|learning difficult(?:y|ies)|disabilit(?:y|ies))\b.*\b(?:if|when|where)\b`,
    // "A learning difficulty is when...", "SEN means...", "Dyslexia is a ... that ..."
    String.raw`^(?:a |an |the term |the phrase )?(?:learning difficulty|special educational needs?|special educational provision|sen|send|disability|disabled|sld|mld|pmld|slcn|asc|asd|adhd|dyslexia|dyspraxia|dyscalculia|autism|autistic spectrum (?:condition|disorder)|a sen(?:d)?co) (?:is|are|means|refers to|is defined as|describes)\b`,
    // "is described in their provision map" says where a pupil's support is written, not what a word means.
    String.raw`\b(?:is|are) defined (?:as|in|by)\b|\b(?:is|are) described as\b|\b(?:is|are) described (?:in|by) (?:the )?(?:send? )?(?:code|law|act|regulations|legislation|guidance)\b|\bthe (?:legal )?definition (?:of|includes|covers)\b|\bdefinition of (?:sen|send|special|disability)\b`,
    String.raw`\b(?:is|are) (?:a|an) (?:umbrella )?term (?:used )?(?:to describe|for|that describes)\b`,
    // What an area of need is like in general, not what this school does: "This area of need
    // includes children with..." (and see describesChildrenInGeneral).
    String.raw`\b(?:this|the|each) (?:broad )?(?:area|category|type|kind) of (?:special educational )?needs? (?:includes?|covers?|refers to|describes?|is (?:about|for|where))\b`,
    // The wording of the statutory definitions themselves (Children and Families Act s.20, Equality Act s.6).
    String.raw`\bsignificantly greater difficulty in learning than the majority of\b|\bprevents or hinders (?:them |him |her |him ?\/ ?her |him or her |the child |the young person )?from making use of\b|\bfacilities of a kind generally provided for others\b|\bcalls for special educational provision to be made\b|\bphysical or mental impairment (?:which|that) has a\b|\blong[- ]term and substantial adverse effect\b|\beducational or training provision that is additional to\b`,
  ].join('|'),
  'i',
);

/**
 * What a kind of need covers, said in general ("Cognition and Learning: this includes children
 * with...", "Learning difficulties cover a wide range of needs, including...", "Sensory needs
 * include:"). Said with a first person ("our provision covers a wide range of needs, including
 * autism") it is the school's account, so this counts only without one.
 */
const GENERAL_DESCRIPTION = new RegExp(
  [
    String.raw`\b(?:this|it) (?:area )?(?:includes?|covers?|encompasses|refers to|describes) (?:children|pupils|students|young people|learners|any (?:child|children|pupils?|students?)|those)\b`,
    String.raw`\b(?:covers?|includes?|encompass(?:es)?) a (?:wide |broad |whole )?(?:range|variety|spectrum) of (?:needs|difficulties|conditions)\b`,
    String.raw`\b(?:needs|difficulties) (?:include|can include|may include|covers?)(?:\s*:)?\s*$`,
    String.raw`^there are (?:four|4|several|many|a number of|different) (?:broad |main |key |different )?(?:areas|categories|types|kinds)\b`,
  ].join('|'),
  'i',
);

/**
 * What children with a need are like in general, not what this school does: "Children with SLCN
 * have difficulty communicating", "Many children with a hearing impairment will require specialist
 * equipment". A class of children, what they (may) do, then a difficulty or a need for help, read
 * in steps so that no two repeats of one pattern can share the words between them.
 */
const CHILDREN_WITH = /^(many |some |most |all )?(?:children|pupils|students|learners|young people)(?: and young people)? (?:with|who have) /i;
const HEDGED_VERB = / (?:may|might|often|can|could|tend to|usually|typically|generally|frequently|will) (?:also )?(?:have|experience|find|struggle|show|display|present|require|need|be affected)\b/i;
const PRESENT_VERB = / (?:have|has|experience|find it|are likely to have|are more likely to)\b/i;
const NEED_VERB = / (?:require|need)\b/i;
const DIFFICULTY = /\b(?:difficult(?:y|ies)|problems?|trouble|challenges?|delays?|hard)\b/i;
const HELP = /\b(?:support|equipment|help|adaptations?)\b/i;
/** Characters of the clause before the verb, and after it before the difficulty or need. */
const BEFORE_VERB = 120;

function describesChildrenInGeneral(text: string): boolean {
  const head = CHILDREN_WITH.exec(text);
  if (!head) return false;
  const clause = text.slice(head[0].length, head[0].length + BEFORE_VERB + 200).split(/[.!?;]/, 1)[0]!;
  const followedBy = (verb: RegExp, gap: number, ...ends: RegExp[]) => {
    const m = verb.exec(clause);
    if (!m || m.index < 1 || m.index > BEFORE_VERB) return false;
    const after = clause.slice(m.index + m[0].length, m.index + m[0].length + gap + 20);
    return ends.some((e) => e.test(after));
  };
  return followedBy(HEDGED_VERB, 60, DIFFICULTY, HELP) || followedBy(PRESENT_VERB, 40, DIFFICULTY) || (head[1] !== undefined && head[1].toLowerCase() !== 'all ' && followedBy(NEED_VERB, 40, HELP));
}

// --- Words about the document ---------------------------------------------------------------------
const ABOUT_DOCUMENT = new RegExp(
  [
    // Not "our offer provides small groups": a school's offer is its provision; only "this offer" is the document.
    String.raw`^(?:(?:this|the following|our|the) (?:sen(?:d)? )?(?:information )?(?:report|document|policy|section|page|leaflet|guide|booklet|website|webpage)|this (?:sen(?:d)? )?offer)\b[^.!?]{0,40}?\b(?:explains?|sets? out|describes?|tells?|covers?|outlines?|gives?|provides?|contains?|details?|aims? to|is intended|is designed|summari[sz]es|will (?:explain|set out|tell|describe|give|provide|be reviewed|be updated)|(?:is|will be|are) (?:reviewed|updated|published|available)|(?:was|has been|have been) (?:written|produced|updated|reviewed|compiled|prepared)|should be read)\b`,
    String.raw`^in this (?:report|document|section|policy|leaflet|page)\b`,
    // "This information is reviewed every year" (but not "this information will provide starting points", said of a pupil's records).
    String.raw`^(?:this|the) information (?:(?:in|on) this (?:page|report|document) )?(?:is|will be|was|has been|are) (?:reviewed|updated|published|revised)\b`,
    String.raw`^(?:the )?information (?:in|on|within) this (?:page|report|document|section)\b`,
    String.raw`^(?:below|here) (?:you will find|is|are)\b`,
  ].join('|'),
  'i',
);

// --- Pointers to another document or site ------------------------------------------------------
// "Our processes for transition are explained in our SEND Information Report", "For more
// information see our Complaints Policy": where something is written, not what is done. Only the
// rules marked `pointerOk` (judging-guide.md, "pointer ok": complaints, the Local Offer, the advice
// service, admissions, the accessibility plan) read these.
const POINTER = new RegExp(
  [
    String.raw`\b(?:is|are|will be|can be|may be) (?:further |fully |also )?(?:explained|described|set out|detailed|outlined|covered|found|available|given|published|included)(?: further| in (?:more|further|full|greater) detail| in full)? (?:in|within|on|from|at) (?:our|the|a|this school[’']s|the school[’']s|each)\b[^.!?]{0,60}?\b(?:report|policy|policies|document|website|web ?page|page|plan|leaflet|guide|booklet|procedure|offer|section)\b`,
    // Another of the school's documents and what it covers: "Our Accessibility Plan sets out how
    // we will improve access", "The school's Complaints Policy is reviewed every year".
    String.raw`^(?:our|the|this school[’']s|the school[’']s) (?:accessibility plan|(?:school )?(?:development|improvement) plan|equality (?:plan|objectives)|[a-z-]+ (?:and [a-z-]+ )?(?:policy|procedure))\b[^.!?]{0,40}?\b(?:explains?|sets? out|describes?|covers?|outlines?|gives?|contains?|details?|(?:is|will be|are) (?:reviewed|updated|published|available))\b`,
    // "See our Complaints Policy", "Visit www.anyshire.gov.uk/localoffer" (not "please contact
    // Mrs Smith": a person to speak to is an arrangement, not a pointer).
    String.raw`^(?:please )?(?:see|refer to|read|visit|click|follow the link|view|go to)\b[^.!?]{0,80}?(?:\b(?:report|policy|policies|document|website|web ?page|page|plan|leaflet|guide|booklet|procedure|offer|section|link)\b|\bwww\.|https?:)`,
    String.raw`^(?:for|to find) (?:more|further|full|additional) (?:information|details)\b[^.!?]{0,60}?\b(?:see|visit|read|refer to|go to|click|can be found|is available|are available)\b`,
    // The documents this one goes with: "This plan is linked to the following policies: Risk
    // assessment policy, ...", "This policy should be read alongside our SEN Information Report".
    String.raw`\b(?:is|are) (?:linked|related) to (?:the following|these|our|other)\b[^.!?]{0,40}?\b(?:policies|documents|plans|policy)\b|\bshould be read (?:alongside|with|in conjunction with)\b`,
  ].join('|'),
  'i',
);

/**
 * A pupil's own plan or profile ("set out in the pupil's support plan, which is reviewed each
 * term"): where one child's support is recorded is the arrangement itself, not another document.
 */
const PUPIL_RECORD = /\b(?:pupil|child|student|young person|learner)(?:[’']s|s[’'])? (?:own )?(?:support|provision|individual|learning|education|ehc|one[- ]page|pupil|send?)?[ a-z]{0,25}?(?:plan|profile|passport|map)s?\b|\b(?:individual|one[- ]page|pupil|learning|support|provision|ehc|education,? health and care) (?:support |learning |education )?(?:plan|profile|passport|map)s?\b/i;

/**
 * Where the sentence's own words are a pointer. A pointer in a later clause joined on by "and",
 * "but" or a semicolon ("The site has lifts to every floor, and our accessibility plan is
 * published on the policies page") leaves the arrangement in the clause before it standing.
 */
function isPointer(text: string): boolean {
  const m = POINTER.exec(text);
  if (!m || PUPIL_RECORD.test(text)) return false;
  const joined = [...text.slice(0, m.index).matchAll(CLAUSE_JOIN)].pop();
  if (!joined) return true;
  const before = text.slice(0, joined.index);
  // The clause before must say something itself: a verb of its own, or "we" doing something.
  const saysSomething = FINITE_VERB.test(before) || /\bwe\b/i.test(before);
  return before.split(/\s+/).length < 4 || !saysSomething || POINTER.test(before);
}
// A clause boundary before a new subject: ", and our", "; the", " but the".
const CLAUSE_JOIN = /(?:[,;](?:\s+(?:and|but|while))?|\s(?:and|but))\s+(?=(?:our|the|this|its|their|a|an|all|each|every|more|further|full)\b)/gi;

// --- What the school says it does not have or do ----------------------------------------------
/**
 * "We do not currently have a sensory room", "There is no accessible toilet", "No staff have yet
 * had training in autism": the school saying what it lacks is not an arrangement, whatever it
 * names. A barrier said to be absent ("There are no steps at the entrance") is the arrangement
 * itself, and so is a clause after "but" or "instead" ("...; instead, teaching assistants support
 * small groups in class") or a lack only supposed ("Where we do not have the expertise, we...").
 */
const ABSENCE = new RegExp(
  [
    String.raw`\b(?:we|i|the school|the academy|our school|the setting|it)\s+(?:do|does|did)(?:\s+not|n[’']t)\s+(?:currently\s+|yet\s+|at present\s+|presently\s+)?(?:have|offer|provide|run|employ|hold)\b`,
    String.raw`\b(?:we|the school|the academy|our school|the setting|it)\s+(?:currently\s+)?(?:has|have)\s+no\b`,
    String.raw`\b(?:we|the school|the academy|our school|the setting)\s+(?:is|are)\s+(?:currently\s+)?(?:not able|unable)\s+to\s+(?:offer|provide|take|have|employ|run|give)\b`,
    String.raw`\b(?:we|the school|the academy|our school|the setting)\s+(?:cannot|can ?not|can[’']t)\s+(?:offer|provide|take|have|employ|run|give)\b`,
    String.raw`^(?:at present,?\s+|currently,?\s+)?there (?:is|are) (?:currently |at present )?no\b(?!\s+(?:steps?|stairs|charge|cost|fees?|waiting|limit|barriers?|restrictions?|need|difference|reason)\b)`,
    String.raw`^no (?:staff|members? of staff|teachers?|adults?|one)\b[^.!?]{0,40}\b(?:have|has)\s+(?:yet\s+)?(?:received|had|attended|completed|been trained)\b`,
    // "The stair lift in the old building was removed in 2010."
    String.raw`\b(?:was|were|has been|have been)\s+(?:removed|taken out|decommissioned|closed down)\b`,
  ].join('|'),
  'i',
);
const CONTRAST = /\b(?:but|however|instead|although|though|whereas|while|alternatively|replaced)\b/i;
const SUPPOSED = /\b(?:if|where|when|whenever|unless)\b/i;

function isAbsence(text: string): boolean {
  const m = ABSENCE.exec(text);
  return m !== null && !CONTRAST.test(text) && !SUPPOSED.test(text.slice(0, m.index));
}

// --- Aims, hopes and ideals -----------------------------------------------------------------------
const AIM = new RegExp(
  [
    // Also after where or when: "At St Anne's we aim to...", "Here at Oakfield, we hope...".
    String.raw`^(?:(?:at|in|here at|within) [^,.;:]{1,50}?,? )?(we|i|the school|our school) (also )?(aim|aims|hope|hopes|strive|strives|endeavour|endeavours|want|wish)\b`,
    String.raw`^(our|my|the school[’']s) aims? (is|are)\b|^it is our aim\b|\baims? (?:is|are|was|were) to\b`,
    // "X believes that all pupils...", "We believe every child..."
    String.raw`\bbelieves? (?:that )?(?:all|every|each)\b`,
    String.raw`\b(?:will|shall) (?:also )?(?:do (?:its|our|their) (?:very )?best|work to ensure|endeavour|strive|seek to|aim to|try to)\b`,
    String.raw`\bwe (?:want|would like) (?:all|every|each|our)\b`,
  ].join('|'),
  'i',
);
/**
 * The statutory duty restated (Children and Families Act 2014 s.35; CoP 6.2): pupils with SEN
 * "engage in the activities of the school" alongside others. Said without a concrete activity
 * (a trip, a club, PE), it is the law's aim, not the school's arrangement.
 */
const RESTATED_DUTY = /\b(?:engag(?:e|es|ing)|join(?:s|ing)?|tak(?:e|es|ing) part|participat(?:e|es|ing)) in the activities of the school\b/i;
/** A duty or entitlement acknowledged ("The school recognises that pupils ... should be supported"). */
const ACKNOWLEDGED_DUTY = /\b(?:recognises?|acknowledges?|accepts?|understands?) that\b[^.!?]{0,100}?\b(?:should|must|are entitled|is entitled|have the right|has the right)\b/i;
const NAMED_ACTIVITY = /\b(?:trips?|visits?|clubs?|residentials?|sports?|p\.?e\.?|physical education|swimming|performances?|assembl(?:y|ies)|playtimes?|lunchtimes?|break ?times?|outings?)\b/i;
/** An objective in a list of aims: "To support earlier intervention." */
const OBJECTIVE = /^to (?:ensure|support|provide|promote|enable|develop|encourage|identify|work|raise|make|give|help|create|foster|celebrate|value|offer|meet|monitor|achieve|improve|increase|maintain|secure|embed|continue|build|strengthen|deliver|use)\b/i;
/** Ideals a school hopes for; said without a concrete arrangement, they are an aim. */
const IDEAL = /\b(?:full(?:est)? potential|fulfil(?:l?ing)? (?:their|his or her) potential|achieve (?:their|his or her|the(?:ir)? very) best|reach their potential|fully included|the same opportunities|confident individuals|fulfilling lives|as independent as possible|(?:are|is) entitled to|every opportunity to)\b/i;
/** An ideal hoped for, not a claim about what is done now ("staff ensure all pupils are fully included" is a claim). */
const HOPED = /\b(?:will|shall|would|to (?:ensure|enable|help|allow|make sure)|in order to|so that|enables? them to)\b/i;
/** What makes a sentence an arrangement: how often, who meets whom, a named kind of support. */
export const CONCRETE = /\b(?:termly|weekly|daily|fortnightly|annually|yearly|each (?:term|week|year|half[- ]term)|every (?:term|week|half[- ]term)|half[- ]termly|meetings?|reviews?|visits?|sessions?|groups?|1:1|one[- ]to[- ]one|interventions?|referr(?:al|als|ed)|assessments?|timetables?|plans?)\b/i;

/**
 * An aim with what the school does joined on as a clause of its own ("Our aim is for each young
 * person to return to mainstream school, and we arrange visits and a phased return"): the joined
 * clause is practice (judging-guide.md: an aim that names a concrete arrangement counts for it).
 */
const JOINED_PRACTICE = /[,;] (?:and )?we (?!(?:also )?(?:aim|hope|want|wish|strive|endeavour|will|would|shall|try|seek|believe|value|are committed|recognise)\b)[a-z]+(?:s|ed)?\b/i;

/** Whose voice a sentence is in. */
export function sentenceVoice(text: string): Voice {
  const first = FIRST_PERSON.test(text);
  if (LAW_WORDS.test(text) && !schoolProvidesCitingLaw(text) && !schoolClauseAfterLaw(text)) return LA_DUTY.test(text) ? 'local-authority' : 'law';
  if (!first && LAW_HISTORY.test(text)) return 'law';
  if (!first && LOCAL_OFFER_IN_GENERAL.test(text)) return 'local-authority';
  if (!first && LA_VOICE.test(text)) return 'local-authority';
  if (!first && (TEMPLATE_VOICE.test(text) || (TOPIC_FRAGMENT.test(text) && !FINITE_VERB.test(text)))) return 'template';
  return 'school';
}

/** What kind of statement a body sentence makes. */
export function statementKind(text: string): Statement {
  if (DEFINITION.test(text) || describesChildrenInGeneral(text)) return 'definition';
  if (GENERAL_DESCRIPTION.test(text) && !FIRST_PERSON.test(text)) return 'definition';
  if (ABOUT_DOCUMENT.test(text)) return 'about-document';
  if (isAbsence(text)) return 'absence';
  if (isPointer(text)) return 'pointer';
  if (AIM.test(text) && !JOINED_PRACTICE.test(text)) return 'aim';
  if (RESTATED_DUTY.test(text) && !NAMED_ACTIVITY.test(text)) return 'aim';
  if (ACKNOWLEDGED_DUTY.test(text)) return 'aim';
  if (OBJECTIVE.test(text) && text.split(/\s+/).length <= 40 && !CONCRETE.test(text)) return 'aim';
  if (IDEAL.test(text) && HOPED.test(text) && !CONCRETE.test(text)) return 'aim';
  return 'practice';
}

// A list marker before the words ("b) Have a disability...", "(ii) To ensure...", "3. We aim...")
// is not part of what the sentence says; the patterns anchored at its start must not see it.
const LIST_MARKER = /^(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[).]|[-\u2013\u2022*\u25aa\u25e6\u27a2\u2713\u2714])\s+/i;

export function sentenceFacts(text: string): SentenceFacts {
  const words = text.replace(LIST_MARKER, '');
  return { voice: sentenceVoice(words), statement: statementKind(words) };
}

/**
 * Whether a sentence is the school's own account of what it does, or of where that is written
 * (a pointer: read only by rules marked `pointerOk`, src/rules/compile.ts).
 */
export function isSchoolPractice(f: SentenceFacts): boolean {
  return f.voice === 'school' && (f.statement === 'practice' || f.statement === 'pointer');
}
