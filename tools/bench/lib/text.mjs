// Markdown that reads like a doctor's leadership log to the full-text index: real English words
// with a skewed frequency (a few common, many rare), in sentences, paragraphs, headings and lists.

const functionWords = (
  'the the the and and and of of to to a a in in for with on at by from as that this we I I my our it ' +
  'was were is are be been had have has will would could should not but so also then when after before ' +
  'which who their they them there about into over more most some all each both other than because while'
).split(' ');

// Roughly most to least frequent: the generator follows this order with a Zipf-like skew.
const contentWords = (
  'patient patients team ward staff care clinical service consultant nurse meeting project data ' +
  'learning feedback rota colleagues improvement safety change plan discussion shift trainee supervisor time ' +
  'audit process department communication role support leadership teaching quality medical junior senior ' +
  'doctors review plan outcome escalation pathway clinic discharge referral admission assessment reflection ' +
  'experience understanding responsibility decision priority pressure workload stakeholders manager manage ' +
  'managed leading led organised organising presented presenting agreed agreeing listened listening explained ' +
  'explaining delegated delegating coordinated coordinating improved improving reviewed reviewing measured ' +
  'measuring collected collecting analysed analysing shared sharing escalated escalating supported supporting ' +
  'engaged engaging negotiated negotiating challenged challenging reflected reflecting learned learning ' +
  'rotas meetings projects audits pathways clinics referrals admissions reviews outcomes handover ' +
  'sepsis antibiotics prescribing medication pharmacist physiotherapist therapist registrar foundation ' +
  'specialty deanery education educational curriculum portfolio competency framework domain element ' +
  'governance incident datix complaint compliment candour apology risk harm error near miss root cause ' +
  'analysis fishbone driver diagram pdsa cycle lean baseline measures balancing run chart target timeline ' +
  'budget cost saving business case proposal options appraisal resources equipment theatre list efficiency ' +
  'waiting outpatient inpatient emergency acute medicine surgery paediatrics obstetrics psychiatry geriatrics ' +
  'general practice primary secondary community hospital trust board directorate division commissioner ' +
  'integrated system population health prevention screening frailty dementia delirium falls pressure ulcers ' +
  'thromboembolism prophylaxis checklist protocol guideline policy standard national local regional ' +
  'simulation scenario debrief mentor mentoring coaching appraisal revalidation wellbeing burnout resilience ' +
  'workforce vacancy locum cover night weekend bank holiday board round morning report huddle multidisciplinary ' +
  'social worker occupational manager director clinical lead chief executive governor volunteer carer family ' +
  'relatives consent capacity safeguarding confidentiality information governance electronic record system ' +
  'software dashboard spreadsheet survey questionnaire interview focus group poster conference presentation ' +
  'publication abstract journal club grand round induction orientation bleep pager telephone email newsletter ' +
  'noticeboard teaching session tutorial workshop course module certificate elearning webinar lecture seminar ' +
  'conflict resolution negotiation influence persuasion motivation morale culture values behaviour civility ' +
  'respect inclusion diversity equality equity fairness transparency accountability integrity honesty ' +
  'openness trust credibility confidence humility empathy compassion kindness patience curiosity creativity ' +
  'innovation idea ideas vision strategy direction objective objectives milestone milestones deadline ' +
  'sustainability spread scale adoption implementation evaluation monitoring reporting escalation barrier ' +
  'barriers enabler enablers constraint constraints capacity demand flow bottleneck delay delays length ' +
  'stay readmission mortality morbidity infection hygiene handwashing isolation bed beds bay side room ' +
  'transfer transport ambulance paramedic triage streaming majors minors resus cubicle observation chart ' +
  'early warning score deterioration sepsis6 lactate cultures fluids oxygen saturation blood pressure ' +
  'pulse respiratory rate temperature frailty score comprehensive geriatric assessment polypharmacy ' +
  'deprescribing anticoagulation insulin diabetes asthma copd heart failure stroke fracture hip knee ' +
  'elective emergency laparotomy appendicectomy cholecystectomy endoscopy imaging radiology ultrasound ' +
  'laboratory phlebotomy cannulation catheter pathway bundle sticker template proforma leaflet signage'
)
  .split(' ')
  .filter((word, index, all) => all.indexOf(word) === index);

/** What the benchmark searches for: a word in many items, as a real search would be. */
export const commonSearchWord = 'handover';

// 65,536 slots filled by Zipf weights over the content words, so a draw is one array read.
const zipfTable = buildTable(contentWords.map((word, rank) => [word, 1 / (rank + 8)]));

// Prose mixes in function words (which the index drops as stop words) at about the rate English does.
const proseTable = buildTable([
  ...functionWords.map((word) => [word, 0.42 / functionWords.length]),
  ...contentWords.map((word, rank) => [word, (0.58 * (1 / (rank + 8))) / zipfWeightTotal()]),
]);

function zipfWeightTotal() {
  return contentWords.reduce((sum, _, rank) => sum + 1 / (rank + 8), 0);
}

function buildTable(entries) {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const table = new Array(65536);
  let slot = 0;
  let cumulative = 0;
  for (const [word, weight] of entries) {
    cumulative += weight / total;
    const end = Math.min(65536, Math.round(cumulative * 65536));
    for (; slot < end; slot++) table[slot] = word;
  }
  for (; slot < 65536; slot++) table[slot] = entries[entries.length - 1][0];
  return table;
}

export function contentWord(random) {
  return zipfTable[random.uint32() & 0xffff];
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function composeSentence(random, minWords, maxWords) {
  const count = random.int(minWords, maxWords);
  const bold = random.uint32() % 12 === 0 ? random.int(1, count - 1) : -1;
  let text = capitalise(proseTable[random.uint32() & 0xffff]);
  for (let i = 1; i < count; i++) {
    const word = proseTable[random.uint32() & 0xffff];
    text += i === bold ? ` **${word}**` : ` ${word}`;
  }
  return `${text}.`;
}

const headingsByType = {
  reflection: ['What happened', 'How I felt', 'What I learned', 'What I will do differently'],
  'leadership-activity': ['The activity', 'My role', 'What went well', 'What I would change'],
  'service-improvement-project': ['Background', 'Aim', 'Method', 'Results', 'Next steps'],
  'course-or-event': ['About the course', 'Key learning', 'How I will apply it'],
  teaching: ['The session', 'Feedback from learners', 'What I will improve'],
  'shadowing-or-paired-learning': ['Who I shadowed', 'What I observed', 'What I learned'],
  'feedback-received': ['Context', 'The feedback', 'My response'],
  'presentation-or-publication': ['Summary', 'Audience and reception', 'Learning'],
  other: ['Summary', 'Learning'],
};

/**
 * Prose drawn from pools of sentences made once: composing every sentence afresh would cost more
 * than the rest of the generator together. Each pooled sentence recurs in a few hundred items,
 * which leaves the words' frequencies (what search performance depends on) as they were.
 */
export function createProse(random, poolSize = 60_000) {
  const sentences = Array.from({ length: poolSize }, () => composeSentence(random, 8, 22));
  const bullets = Array.from({ length: poolSize / 4 }, () => `- ${composeSentence(random, 4, 9)}`);
  const sentence = () => sentences[random.uint32() % sentences.length];
  const paragraph = () => {
    let text = sentence();
    for (let i = random.int(2, 5); i > 1; i--) text += ` ${sentence()}`;
    return text;
  };
  const bulletList = () => {
    let text = bullets[random.uint32() % bullets.length];
    for (let i = random.int(3, 5); i > 1; i--) text += `\n${bullets[random.uint32() % bullets.length]}`;
    return text;
  };
  /** A Markdown body of about `targetLength` characters for an item of `type`. */
  const markdownBody = (type, targetLength) => {
    const headings = headingsByType[type] ?? headingsByType.other;
    let body = '';
    let headingIndex = 0;
    while (body.length < targetLength) {
      if (headingIndex < headings.length && (body === '' || random.chance(0.45))) {
        body += `${body === '' ? '' : '\n\n'}## ${headings[headingIndex++]}`;
      }
      body += `${body === '' ? '' : '\n\n'}${random.chance(0.18) ? bulletList() : paragraph()}`;
    }
    return body.slice(0, 100_000);
  };
  return { sentence, paragraph, markdownBody };
}

/** A body length between a few hundred and a few thousand characters, most near the short end. */
export function bodyLength(random) {
  return Math.round(250 + 2750 * random.float() ** 3.5);
}

const titlePatterns = {
  reflection: ['Reflection on {w} {w}', 'Reflecting on a difficult {w} conversation', 'What a {w} {w} taught me'],
  'leadership-activity': ['Led the {w} {w}', 'Organised the {w} rota', 'Chaired the {w} meeting'],
  'service-improvement-project': ['Improving {w} {w}', 'Quality improvement: {w} {w}', 'Redesigning the {w} pathway'],
  'course-or-event': ['{W} course', 'Regional {w} study day', '{W} and {w} workshop'],
  teaching: ['Teaching session on {w}', 'Simulation teaching: {w} {w}', 'Tutorial for students on {w}'],
  'shadowing-or-paired-learning': ['Shadowing the {w} manager', 'Paired learning with the {w} lead'],
  'feedback-received': ['Multi-source feedback on {w}', 'Feedback from the {w} team'],
  'presentation-or-publication': ['Poster: {w} {w}', 'Presented {w} audit at grand round'],
  other: ['Notes on {w} {w}', '{W} {w}'],
};

export function itemTitle(random, type) {
  const pattern = random.pick(titlePatterns[type] ?? titlePatterns.other);
  return pattern
    .replace(/\{w\}/g, () => contentWord(random))
    .replace(/\{W\}/g, () => capitalise(contentWord(random)))
    .slice(0, 200);
}

export const firstNames = (
  'Aisha Tom Sam Rachel Priya James Olivia Mohammed Emily Daniel Sophie Oliver Amelia Harry Isla Jack Ava George ' +
  'Mia Noah Grace Leo Freya Arthur Lily Oscar Chloe Charlie Ella Jacob Evie Alfie Ruby Thomas Zara Ethan Hannah ' +
  'Adam Maya Yusuf Anika Kwame Chen Wei Fatima Omar Niamh Cerys Rhys Siobhan Callum Eilidh Ross Kirsty Hamish'
).split(' ');

export const lastNames = (
  'Khan Evans Patel Moore Smith Jones Williams Taylor Brown Davies Wilson Johnson Roberts Wright Thompson White ' +
  'Walker Edwards Hughes Green Hall Lewis Harris Clarke Jackson Wood Turner Martin Cooper Hill Ward Morris ' +
  'Ahmed Ali Hussain Begum Singh Kaur Shah Chowdhury Okafor Mensah Nguyen Li Wang Murphy Kelly Byrne Campbell ' +
  'Stewart MacDonald Reid Fraser Morgan Price Lloyd Owen'
).split(' ');
