// One trainee's portfolio: evidence items with element links, business-plan assessments in every
// state (the plan itself kept as an evidence item, as the API does), and element sign-offs, with
// the audit events each would have written. Rows come out in COPY column order.
import { canonicalJson, sha256Hex } from './audit-chain.mjs';
import { dayMs } from './organisation.mjs';
import { bodyLength, contentWord, itemTitle } from './text.mjs';

const words = (text) => text.split(' ');

/** The codes an item keeps of the elements it is linked to, as KeepEvidenceElementCodes keeps them. */
const elementCodes = (links) => [...new Set(links.map((link) => link.element.code))].sort();

export const columns = {
  evidence_item: words(
    'id trainee_id type title occurred_on body visibility status version created_at updated_at submitted_at locked_at element_codes',
  ),
  evidence_element_link: words('evidence_id element_id stage_id note'),
  assessment: words(
    'id trainee_id template_id title stage_id answers work_evidence_id evidence_ids status assessor_kind assessor_id assessor_name assessor_email judgement requested_at reminder_queued_at signed_at signed_by_name signed_content signed_content_sha256 sign_off_idempotency_key version created_at updated_at',
  ),
  assessment_round: words(
    'id assessment_id number sent_at answers assessor_name decision decided_at decided_by_name comments judgement',
  ),
  assessment_element: words('assessment_id element_id stage_id'),
  element_sign_off: words(
    'id trainee_id element_id stage_id kind recorded_by recorded_at evidence_ids note supersedes assessment_ids',
  ),
  trainee_activity: words('trainee_id last_activity_at pending_assessments'),
};

const evidenceTypes = [
  ['reflection', 30],
  ['leadership-activity', 15],
  ['service-improvement-project', 6],
  ['course-or-event', 12],
  ['teaching', 11],
  ['shadowing-or-paired-learning', 5],
  ['feedback-received', 10],
  ['presentation-or-publication', 6],
  ['other', 5],
];

const assessmentStatuses = [
  ['draft', 15],
  ['requested', 12],
  ['in-progress', 8],
  ['returned', 15],
  ['signed-off', 50],
];

const iso = (ms) => new Date(ms).toISOString();
const dateOf = (ms) => iso(ms).slice(0, 10);
const hourMs = 3_600_000;

/** The trainee's answers to the template: a short phrase for text fields, a paragraph for Markdown. */
function templateAnswers(random, prose, template, createdMs) {
  const answers = {};
  for (const section of template.sections) {
    const fields = {};
    for (const field of section.fields) {
      if (field.type === 'markdown') {
        fields[field.id] = random.chance(0.5) ? prose.sentence() : `${prose.sentence()} ${prose.sentence()}`;
      } else if (field.type === 'date') {
        fields[field.id] = dateOf(createdMs + random.int(14, 60) * dayMs);
      } else if (field.type === 'select') {
        fields[field.id] = random.pick(field.options).id;
      } else if (field.type === 'elements') {
        fields[field.id] = [];
      } else if (field.id === 'title') {
        fields[field.id] = `Improving ${contentWord(random)} ${contentWord(random)} on the ${contentWord(random)} ward`;
      } else {
        fields[field.id] = `${contentWord(random)} ${contentWord(random)} service`.replace(/^./, (c) =>
          c.toUpperCase(),
        );
      }
    }
    answers[section.id] = fields;
  }
  return answers;
}

/** libs/competency's workTitle: the first text answer, else the template's title. */
function workTitle(template, answers) {
  for (const section of template.sections) {
    for (const field of section.fields) {
      const value = answers[section.id]?.[field.id];
      if (field.type === 'text' && typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
    }
  }
  return template.title.slice(0, 200);
}

/** libs/competency's workMarkdown: the answers as one Markdown document. */
function workMarkdown(template, answers) {
  const parts = [];
  for (const section of template.sections) {
    const lines = [];
    for (const field of section.fields) {
      const value = answers[section.id]?.[field.id];
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
        continue;
      const shown =
        field.type === 'select'
          ? (field.options?.find((option) => option.id === value)?.title ?? String(value))
          : Array.isArray(value)
            ? value.join(', ')
            : String(value);
      lines.push(field.type === 'markdown' && section.fields.length === 1 ? shown : `**${field.label}:** ${shown}`);
    }
    if (lines.length > 0) parts.push(`## ${section.title}\n\n${lines.join('\n\n')}`);
  }
  return parts.join('\n\n');
}

function judgement(random, prose, template, { complete, overall }) {
  const ratings = {};
  const criteria = template.criteria ?? [];
  const rated = complete ? criteria : criteria.slice(0, random.int(0, criteria.length));
  for (const criterion of rated) {
    ratings[criterion.id] = random.weighted([
      ['below', overall === 'revise' ? 40 : 10],
      ['meets', 60],
      ['above', overall === 'excellent' ? 50 : 20],
    ]);
  }
  return { ratings, overallJudgement: overall, feedback: complete ? `${prose.sentence()} ${prose.sentence()}` : '' };
}

/**
 * Generates one trainee's portfolio. `context` carries the framework (elements at each stage),
 * the business-plan template, the time window and the registered assessors.
 */
export function buildPortfolio(random, trainee, context) {
  const { framework, template, prose, asOfMs, yearStartMs, itemsPerTrainee, assessmentsPerTrainee, assessors, audit } =
    context;
  const stage = framework.stageByKey.get(trainee.stageKey);
  const stageElements = framework.elementsAtStage.get(trainee.stageKey);
  const elementByKey = new Map(stageElements.map((element) => [element.key, element]));
  const userId = trainee.user.id;
  const supervisor = trainee.supervisor;
  const rows = {
    evidence_item: [],
    evidence_element_link: [],
    assessment: [],
    assessment_round: [],
    assessment_element: [],
    element_sign_off: [],
    trainee_activity: [],
  };
  const randomTimeInYear = () => yearStartMs + Math.floor(random.float() * (asOfMs - yearStartMs));

  // Evidence items, kept as objects until assessments have decided which are locked.
  const workCount = Math.min(assessmentsPerTrainee, itemsPerTrainee);
  const items = [];
  for (let i = 0; i < itemsPerTrainee - workCount; i++) {
    const type = random.weighted(evidenceTypes);
    const createdMs = randomTimeInYear();
    const status = random.chance(0.12) ? 'draft' : 'submitted';
    const updatedMs = Math.min(asOfMs, createdMs + random.int(0, 14 * 24) * hourMs);
    const visibility =
      type === 'reflection'
        ? random.weighted([
            ['private', 35],
            ['supervisor', 40],
            ['panel', 25],
          ])
        : random.weighted([
            ['private', 10],
            ['supervisor', 45],
            ['panel', 45],
          ]);
    const links = random.sample(stageElements, random.int(1, 4)).sort((a, b) => a.sequence - b.sequence);
    items.push({
      id: random.uuid(),
      type,
      title: itemTitle(random, type),
      occurredOn: dateOf(createdMs - random.int(0, 90) * dayMs),
      body: prose.markdownBody(type, bodyLength(random)),
      visibility,
      status,
      version: 1 + (status === 'submitted' ? 1 : 0) + random.int(0, 2),
      createdMs,
      updatedMs,
      submittedMs: status === 'submitted' ? updatedMs : null,
      lockedMs: null,
      links: links.map((element) => ({ element, note: '' })),
    });
  }
  const plainItems = items.slice();

  // Assessments of the business plan, each with its plan as an evidence item.
  const criteriaNotes = new Map();
  for (const criterion of template.definition.criteria ?? []) {
    for (const key of criterion.elements) criteriaNotes.set(key, [...(criteriaNotes.get(key) ?? []), criterion.title]);
  }
  const assessedElements = [...criteriaNotes.keys()]
    .map((key) => elementByKey.get(key))
    .filter(Boolean)
    .sort((a, b) => a.sequence - b.sequence);
  const signedAssessments = [];
  for (let a = 0; a < workCount; a++) {
    const status = random.weighted(assessmentStatuses);
    let createdMs = randomTimeInYear();
    const answers = templateAnswers(random, prose, template.definition, createdMs);
    const title = workTitle(template.definition, answers);
    const assessor =
      status === 'draft'
        ? null
        : random.chance(0.8)
          ? { kind: 'supervisor', user: supervisor }
          : { kind: 'assessor', user: random.pick(assessors) };
    const cited = random.sample(plainItems, random.int(0, 2));

    // The rounds: sending, perhaps a return and a second sending, then the current state.
    const times = { created: 0 };
    const rounds = [];
    let clock = 0;
    if (status !== 'draft') {
      const returnedFirst = status !== 'returned' && random.chance(0.25);
      const roundCount = returnedFirst ? 2 : 1;
      for (let number = 1; number <= roundCount; number++) {
        clock += random.int(1, 10) * dayMs + random.int(0, 8) * hourMs;
        const round = { number, sentAt: clock, decision: null, decidedAt: null };
        const last = number === roundCount;
        if (!last || status === 'returned' || status === 'signed-off') {
          clock += random.int(1, 14) * dayMs + random.int(0, 8) * hourMs;
          round.decision = !last || status === 'returned' ? 'returned' : 'signed-off';
          round.decidedAt = clock;
        }
        rounds.push(round);
      }
    }
    // Everything must have happened by the as-of date.
    if (createdMs + clock > asOfMs) createdMs = asOfMs - clock - random.int(0, 2) * hourMs;
    const at = (offset) => createdMs + offset;

    const work = {
      id: random.uuid(),
      type: template.definition.evidenceType ?? 'service-improvement-project',
      title,
      occurredOn: dateOf(createdMs),
      body: workMarkdown(template.definition, answers),
      visibility: 'supervisor',
      status: status === 'draft' ? 'draft' : status === 'signed-off' ? 'locked' : 'submitted',
      version: 1 + rounds.length,
      createdMs,
      updatedMs: at(clock),
      submittedMs: rounds.length > 0 ? at(rounds[0].sentAt) : null,
      lockedMs: status === 'signed-off' ? at(clock) : null,
      isWork: true,
      links: assessedElements.map((element) => ({
        element,
        note: criteriaNotes.get(element.key).join('; ').slice(0, 500),
      })),
    };
    items.push(work);

    const id = random.uuid();
    const returnJudgement = judgement(random, prose, template.definition, { complete: true, overall: 'revise' });
    const finalJudgement = judgement(random, prose, template.definition, {
      complete: true,
      overall: random.chance(0.3) ? 'excellent' : 'satisfactory',
    });
    let currentJudgement = null;
    if (status === 'in-progress') {
      currentJudgement = judgement(random, prose, template.definition, { complete: false, overall: null });
    } else if (status === 'returned') {
      currentJudgement = returnJudgement;
    } else if (status === 'signed-off') {
      currentJudgement = finalJudgement;
    } else if (status === 'requested' && rounds.length > 1) {
      // Sent back to the same assessor, who starts from their earlier ratings.
      currentJudgement = returnJudgement;
    }
    const lastRound = rounds.at(-1);
    const requestedMs = lastRound ? at(lastRound.sentAt) : null;
    const waiting = status === 'requested' || status === 'in-progress';
    const reminderMs = waiting && requestedMs + 7 * dayMs <= asOfMs ? requestedMs + 7 * dayMs : null;
    let signed = { at: null, byName: null, content: null, sha256: null, idempotencyKey: null };
    if (status === 'signed-off') {
      const signedMs = at(clock);
      for (const item of cited) {
        item.status = 'locked';
        item.lockedMs = item.lockedMs ?? signedMs;
        item.updatedMs = Math.max(item.updatedMs, signedMs);
        item.version += 1;
      }
      const content = {
        assessment: {
          id,
          traineeId: userId,
          template: { key: template.definition.key, version: template.definition.version },
          title,
          amends: null,
        },
        answers,
        evidence: [work, ...cited].map((item) => ({
          id: item.id,
          type: item.type,
          title: item.title,
          occurredOn: item.occurredOn,
          body: item.body,
          links: item.links.map((link) => ({ elementKey: link.element.key, stageKey: stage.key })),
          attachments: [],
        })),
        judgement: finalJudgement,
        signer: { kind: 'user', userId: assessor.user.id, name: assessor.user.displayName, email: assessor.user.email },
        signedAt: iso(signedMs),
      };
      signed = {
        at: iso(signedMs),
        byName: assessor.user.displayName,
        content,
        sha256: sha256Hex(canonicalJson(content)),
        idempotencyKey: random.chance(0.5) ? random.uuid() : null,
      };
      for (const element of assessedElements) rows.assessment_element.push([id, element.id, stage.id]);
      signedAssessments.push({ id, elements: new Set(assessedElements.map((element) => element.id)), signedMs });
    }
    rows.assessment.push([
      id,
      userId,
      template.id,
      title,
      stage.id,
      answers,
      work.id,
      cited.map((item) => item.id),
      status,
      assessor?.kind ?? null,
      assessor?.user.id ?? null,
      assessor?.user.displayName ?? null,
      assessor?.user.email ?? null,
      currentJudgement,
      requestedMs === null ? null : iso(requestedMs),
      reminderMs === null ? null : iso(reminderMs),
      signed.at,
      signed.byName,
      signed.content,
      signed.sha256,
      signed.idempotencyKey,
      1 + rounds.length * 2,
      iso(createdMs),
      iso(at(clock)),
    ]);
    audit({
      ms: createdMs,
      actorId: userId,
      action: 'assessment.created',
      entityType: 'assessment',
      entityId: id,
      details: { template: `${template.definition.key}@${template.definition.version}`, workEvidenceId: work.id },
    });
    for (const round of rounds) {
      const decidedJudgement = round.decision === 'returned' ? returnJudgement : finalJudgement;
      rows.assessment_round.push([
        random.uuid(),
        id,
        round.number,
        iso(at(round.sentAt)),
        answers,
        assessor.user.displayName,
        round.decision,
        round.decidedAt === null ? null : iso(at(round.decidedAt)),
        round.decision ? assessor.user.displayName : null,
        round.decision === 'returned' ? prose.sentence() : '',
        round.decision ? decidedJudgement : null,
      ]);
      audit({
        ms: at(round.sentAt),
        actorId: userId,
        action: 'assessment.sent',
        entityType: 'assessment',
        entityId: id,
        details: { assessorKind: assessor.kind, assessorId: assessor.user.id, assessorEmail: assessor.user.email },
      });
      if (round.decision) {
        audit({
          ms: at(round.decidedAt),
          actorId: assessor.user.id,
          action: round.decision === 'returned' ? 'assessment.returned' : 'assessment.signed-off',
          entityType: 'assessment',
          entityId: id,
          details: round.decision === 'signed-off' ? { contentSha256: signed.sha256 } : {},
        });
      }
    }
  }

  // Items and links, now that their final states are known.
  for (const item of items) {
    rows.evidence_item.push([
      item.id,
      userId,
      item.type,
      item.title,
      item.occurredOn,
      item.body,
      item.visibility,
      item.status,
      item.version,
      iso(item.createdMs),
      iso(item.updatedMs),
      item.submittedMs === null ? null : iso(item.submittedMs),
      item.lockedMs === null ? null : iso(item.lockedMs),
      elementCodes(item.links),
    ]);
    for (const link of item.links) rows.evidence_element_link.push([item.id, link.element.id, stage.id, link.note]);
    // The API audits a plan's item through its assessment, not as an evidence item of its own.
    if (item.isWork) continue;
    audit({
      ms: item.createdMs,
      actorId: userId,
      action: 'evidence.created',
      entityType: 'evidence_item',
      entityId: item.id,
      details: { type: item.type, links: item.links.length },
    });
  }

  // Element sign-offs by the supervisor, resting on submitted evidence and signed assessments.
  for (const element of stageElements) {
    const evidence = items.filter(
      (item) => item.status !== 'draft' && item.links.some((link) => link.element === element),
    );
    const assessments = signedAssessments.filter((assessment) => assessment.elements.has(element.id));
    if ((evidence.length === 0 && assessments.length === 0) || !random.chance(0.35)) continue;
    const citedEvidence = random.sample(evidence, 3);
    const citedAssessments = random.sample(assessments, 2);
    const earliest = Math.max(
      ...citedEvidence.map((item) => item.updatedMs),
      ...citedAssessments.map((assessment) => assessment.signedMs),
    );
    const recordMs = (from) => from + Math.floor(random.float() * Math.max(0, asOfMs - from));
    let recordedMs = recordMs(earliest);
    const signOff = (supersedes) => {
      const id = random.uuid();
      rows.element_sign_off.push([
        id,
        userId,
        element.id,
        stage.id,
        'sign-off',
        supervisor.id,
        iso(recordedMs),
        citedEvidence.map((item) => item.id),
        random.chance(0.3) ? prose.sentence() : '',
        supersedes,
        citedAssessments.map((assessment) => assessment.id),
      ]);
      audit({
        ms: recordedMs,
        actorId: supervisor.id,
        action: 'element.signed-off',
        entityType: 'element_sign_off',
        entityId: id,
        details: { traineeId: userId, elementKey: element.key },
      });
      return id;
    };
    const first = signOff(null);
    if (random.chance(0.05)) {
      recordedMs = recordMs(recordedMs);
      const withdrawal = random.uuid();
      rows.element_sign_off.push([
        withdrawal,
        userId,
        element.id,
        stage.id,
        'withdrawal',
        supervisor.id,
        iso(recordedMs),
        [],
        `Withdrawn: ${prose.sentence()}`,
        first,
        [],
      ]);
      audit({
        ms: recordedMs,
        actorId: supervisor.id,
        action: 'element.sign-off-withdrawn',
        entityType: 'element_sign_off',
        entityId: withdrawal,
        details: { traineeId: userId, withdrawn: first },
      });
      if (random.chance(0.5)) {
        recordedMs = recordMs(recordedMs);
        signOff(withdrawal);
      }
    }
  }
  rows.trainee_activity.push(activityRow(userId, rows));
  return rows;
}

/** The trainee's `trainee_activity` row, as the triggers that keep it would leave it (TrackTraineeActivity). */
function activityRow(userId, rows) {
  const column = (table, name) => columns[table].indexOf(name);
  const latest = [
    ...rows.evidence_item.map((row) => row[column('evidence_item', 'updated_at')]),
    ...rows.assessment.map((row) => row[column('assessment', 'updated_at')]),
  ].reduce((max, at) => (max === null || at > max ? at : max), null);
  const status = column('assessment', 'status');
  const pending = rows.assessment.filter((row) => row[status] === 'requested' || row[status] === 'in-progress');
  return [userId, latest, pending.length];
}
