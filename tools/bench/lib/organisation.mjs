// The deanery side of the generated data: deaneries, programmes, accounts, training records,
// supervisor assignments (5 to 15 current trainees per supervisor, all in the supervisor's deanery)
// and last training year's final progression reviews.
import { benchAccounts, benchSupervisorTrainees, traineeEmail } from './bench-accounts.mjs';
import { firstNames, lastNames } from './text.mjs';

export const dayMs = 86_400_000;

/** Programmes by the MLCF stage their trainees are at, and each one's share of trainees. */
const programmeCatalogue = [
  { name: 'Undergraduate medicine', stage: 'undergraduate', grades: ['Year 3', 'Year 4', 'Year 5'], share: 10 },
  { name: 'Foundation Programme', stage: 'postgraduate', grades: ['FY1', 'FY2'], share: 25 },
  { name: 'Internal Medicine Training', stage: 'postgraduate', grades: ['IMY1', 'IMY2', 'IMY3'], share: 12 },
  { name: 'Core Surgical Training', stage: 'postgraduate', grades: ['CT1', 'CT2'], share: 8 },
  { name: 'General Practice Specialty Training', stage: 'postgraduate', grades: ['ST1', 'ST2', 'ST3'], share: 12 },
  { name: 'Paediatrics', stage: 'postgraduate', grades: ['ST1', 'ST2', 'ST3', 'ST4', 'ST5', 'ST6', 'ST7'], share: 5 },
  { name: 'Anaesthetics', stage: 'postgraduate', grades: ['CT1', 'CT2', 'ST4', 'ST5', 'ST6', 'ST7'], share: 4 },
  { name: 'Psychiatry', stage: 'postgraduate', grades: ['CT1', 'CT2', 'CT3', 'ST4', 'ST5', 'ST6'], share: 4 },
  {
    name: 'New consultants and GPs',
    stage: 'continuing-practice',
    grades: ['Post-CCT Y1', 'Post-CCT Y2', 'Post-CCT Y3', 'Post-CCT Y4', 'Post-CCT Y5'],
    share: 15,
  },
  {
    name: 'Clinical leadership',
    stage: 'senior-leadership',
    grades: ['Clinical director', 'Medical director'],
    share: 5,
  },
];

const deaneryCatalogue = [
  { code: 'NW-BENCH', name: 'North West (benchmark)' },
  { code: 'YH-BENCH', name: 'Yorkshire and the Humber (benchmark)' },
];

// ARCP outcomes as panels give them: most satisfactory, a few needing more time or evidence.
const reviewOutcomes = [
  ['1', 72],
  ['6', 10],
  ['2', 7],
  ['5', 6],
  ['3', 3],
  ['8', 2],
];
const reviewReasons = {
  1: 'Satisfactory progress: the portfolio evidences the leadership elements expected at this stage.',
  2: 'Progress is good overall, but some elements of the stage are not yet evidenced.',
  3: 'Progress is below what the stage expects; more time is needed to evidence the missing elements.',
  5: 'The panel could not judge progress: evidence was missing when the portfolio was reviewed.',
  6: 'All the elements of the stage are evidenced and signed off: the programme is completed.',
  8: 'Out of programme for research during the year.',
};
const requiredActions = {
  2: 'Evidence the outstanding elements before the next review, agreed with the educational supervisor.',
  3: 'A development plan with the educational supervisor, and a further review in six months.',
  5: 'Submit the missing evidence within two weeks for the panel to complete its review.',
};

const supervisorProfessions = [
  'Consultant physician',
  'Consultant surgeon',
  'General practitioner',
  'Consultant anaesthetist',
];
const assessorProfessions = ['Service manager', 'Operations manager', 'Head of nursing', 'Clinical director'];

function dateOf(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The training year before the one `ms` falls in (years start in August), e.g. 2025-26. */
export function previousTrainingYear(ms) {
  const date = new Date(ms);
  const start = date.getUTCFullYear() - (date.getUTCMonth() < 7 ? 1 : 0) - 1;
  return { period: `${start}-${String((start + 1) % 100).padStart(2, '0')}`, endMs: Date.UTC(start + 1, 6, 31) };
}

/** Sizes of supervisors' groups: 5 to 15 each, covering `total` trainees exactly. */
function groupSizes(random, total, firstSize) {
  const sizes = [];
  let remaining = total;
  if (firstSize) {
    sizes.push(Math.min(firstSize, remaining));
    remaining -= sizes[0];
  }
  while (remaining > 15) {
    const size = random.int(5, Math.min(15, remaining - 5));
    sizes.push(size);
    remaining -= size;
  }
  if (remaining > 0) sizes.push(remaining);
  return sizes;
}

/**
 * Everything above the trainees' portfolios: `trainees` in the large deanery and
 * `smallDeaneryTrainees` (none: no second deanery) in the small one. `stageKeys` are the MLCF's
 * stages (each programme's stage must be one); `audit` receives the go-live events (deaneries,
 * programmes, imports) and the reviews'.
 */
export function buildOrganisation(
  random,
  { trainees: largeDeaneryTrainees, smallDeaneryTrainees, stageKeys, passwordHash, yearStartMs, asOfMs, audit },
) {
  const traineeCount = largeDeaneryTrainees + smallDeaneryTrainees;
  for (const programme of programmeCatalogue) {
    if (!stageKeys.includes(programme.stage)) {
      throw new Error(`The MLCF has no stage '${programme.stage}' (it has ${stageKeys.join(', ')}).`);
    }
  }
  const accountsCreatedMs = yearStartMs - 30 * dayMs;
  const users = [];
  const addUser = (user) => {
    users.push({
      id: random.uuid(),
      deaneryId: null,
      gmcNumber: null,
      profession: null,
      createdMs: accountsCreatedMs + random.int(0, 29) * dayMs,
      ...user,
    });
    return users[users.length - 1];
  };
  const personName = (title) => `${title}${random.pick(firstNames)} ${random.pick(lastNames)}`;

  const deaneries = deaneryCatalogue
    .slice(0, smallDeaneryTrainees > 0 ? 2 : 1)
    .map((deanery) => ({ id: random.uuid(), ...deanery, createdMs: accountsCreatedMs, admins: [] }));
  const programmes = deaneries.flatMap((deanery) =>
    programmeCatalogue.map((programme) => ({ id: random.uuid(), deaneryId: deanery.id, ...programme })),
  );

  const admin = addUser({ email: benchAccounts.admin, displayName: 'Portfolio administrator', roles: ['admin'] });
  let eventMs = yearStartMs;
  const goLive = (event) => audit({ ms: (eventMs += 1_000), actorId: admin.id, ipAddress: null, ...event });
  for (const deanery of deaneries) {
    goLive({
      action: 'deanery.created',
      entityType: 'deanery',
      entityId: deanery.id,
      details: { code: deanery.code, name: deanery.name },
    });
    for (let i = 0; i < 3; i++) {
      const named = deanery === deaneries[0] ? benchAccounts.deaneryAdmin : benchAccounts.smallDeaneryAdmin;
      const administrator = addUser({
        email: i === 0 ? named : `deanery.${deanery.code.toLowerCase()}.${i}@bench.test`,
        displayName: personName(''),
        roles: ['deanery_admin'],
        deaneryId: deanery.id,
        profession: 'Programme administrator',
      });
      deanery.admins.push(administrator);
    }
  }
  for (const programme of programmes) {
    goLive({
      action: 'programme.created',
      entityType: 'programme',
      entityId: programme.id,
      details: { deaneryId: programme.deaneryId, name: programme.name, frameworkKey: 'mlcf' },
    });
  }
  const assessors = [];
  const assessorCount = Math.max(1, Math.round(traineeCount / 50));
  for (let i = 0; i < assessorCount; i++) {
    assessors.push(
      addUser({
        email: i === 0 ? benchAccounts.assessor : `assessor.${String(i).padStart(4, '0')}@bench.test`,
        displayName: personName(''),
        roles: ['assessor'],
        profession: random.pick(assessorProfessions),
      }),
    );
  }

  const trainees = [];
  for (let index = 0; index < traineeCount; index++) {
    const deanery = deaneries[index < largeDeaneryTrainees ? 0 : 1];
    const drawn = random.weighted(programmeCatalogue.map((entry) => [entry, entry.share]));
    // The report's subject is a postgraduate doctor, so that last year's review is on it.
    const isReportTrainee = traineeEmail(index) === benchAccounts.reportTrainee;
    const catalogueEntry = isReportTrainee
      ? programmeCatalogue.find((entry) => entry.name === 'Internal Medicine Training')
      : drawn;
    const programme = programmes.find(
      (candidate) => candidate.deaneryId === deanery.id && candidate.name === catalogueEntry.name,
    );
    const gradeIndex = random.int(0, programme.grades.length - 1);
    const grade = programme.grades[gradeIndex];
    const startsMs = asOfMs - random.int(30, 700) * dayMs;
    const user = addUser({
      email: traineeEmail(index),
      displayName: personName(programme.stage === 'undergraduate' ? '' : 'Dr '),
      roles: ['trainee'],
      deaneryId: deanery.id,
      gmcNumber: String(7_000_000 + index),
      profession: programme.stage === 'undergraduate' ? 'Medical student' : `Doctor (${grade})`,
    });
    trainees.push({
      index,
      user,
      deanery,
      programme,
      stageKey: programme.stage,
      grade,
      previousGrade: programme.grades[Math.max(0, gradeIndex - 1)],
      startsMs,
      hadEarlierRecord: random.chance(0.3) || isReportTrainee,
      hasAnnualReview: programme.stage === 'postgraduate',
      isReportTrainee,
      supervisor: null,
      earlierSupervisor: null,
    });
  }

  // Supervisors: each deanery's trainees shuffled and split into groups; the named bench
  // supervisor takes the first ten of the first deanery, bench trainee among them.
  const supervisors = [];
  for (const deanery of deaneries) {
    const own = trainees.filter((trainee) => trainee.deanery === deanery);
    const first = deanery === deaneries[0] ? own.shift() : null;
    const order = [...(first ? [first] : []), ...random.shuffle(own)];
    let offset = 0;
    for (const size of groupSizes(random, order.length, first ? benchSupervisorTrainees : null)) {
      const supervisor = addUser({
        email:
          supervisors.length === 0
            ? benchAccounts.supervisor
            : `supervisor.${String(supervisors.length).padStart(4, '0')}@bench.test`,
        displayName: personName('Dr '),
        roles: ['supervisor', 'assessor'],
        deaneryId: deanery.id,
        gmcNumber: String(4_000_000 + supervisors.length),
        profession: random.pick(supervisorProfessions),
      });
      supervisor.trainees = order.slice(offset, offset + size);
      for (const trainee of supervisor.trainees) trainee.supervisor = supervisor;
      supervisors.push(supervisor);
      offset += size;
    }
  }
  // Some trainees changed supervisor: their earlier assignment has ended.
  for (const trainee of trainees) {
    const colleagues = supervisors.filter((supervisor) => supervisor.deaneryId === trainee.deanery.id);
    if (colleagues.length > 1 && random.chance(0.15)) {
      const earlier = random.pick(colleagues);
      if (earlier !== trainee.supervisor) trainee.earlierSupervisor = earlier;
    }
  }

  const trainingRecords = [];
  const assignments = [];
  for (const trainee of trainees) {
    if (trainee.hadEarlierRecord) {
      trainingRecords.push({
        id: random.uuid(),
        traineeId: trainee.user.id,
        programmeId: trainee.programme.id,
        stageKey: trainee.stageKey,
        grade: trainee.previousGrade,
        startsOn: dateOf(trainee.startsMs - 365 * dayMs),
        endsOn: dateOf(trainee.startsMs - dayMs),
        createdMs: accountsCreatedMs,
      });
    }
    trainingRecords.push({
      id: random.uuid(),
      traineeId: trainee.user.id,
      programmeId: trainee.programme.id,
      stageKey: trainee.stageKey,
      grade: trainee.grade,
      startsOn: dateOf(trainee.startsMs),
      endsOn: null,
      createdMs: accountsCreatedMs,
    });
    if (trainee.earlierSupervisor) {
      assignments.push({
        id: random.uuid(),
        traineeId: trainee.user.id,
        supervisorId: trainee.earlierSupervisor.id,
        startsOn: dateOf(trainee.startsMs - 365 * dayMs),
        endsOn: dateOf(trainee.startsMs - dayMs),
      });
    }
    assignments.push({
      id: random.uuid(),
      traineeId: trainee.user.id,
      supervisorId: trainee.supervisor.id,
      startsOn: dateOf(trainee.startsMs),
      endsOn: null,
    });
  }
  for (const programme of programmes) {
    const count = trainees.filter((trainee) => trainee.programme === programme).length;
    if (count > 0) goLive({ action: 'trainees.imported', entityType: 'user', entityId: null, details: { count } });
  }
  for (const assignment of assignments) {
    goLive({
      action: 'supervisor-assignment.created',
      entityType: 'supervisor_assignment',
      entityId: assignment.id,
      details: {
        traineeId: assignment.traineeId,
        supervisorId: assignment.supervisorId,
        startsOn: assignment.startsOn,
      },
    });
  }

  const reviews = buildReviews(random, trainees, asOfMs, personName, audit);

  return {
    deaneries,
    programmes,
    users,
    trainees,
    supervisors,
    assessors,
    trainingRecords,
    assignments,
    reviews,
    passwordHash,
  };
}

/**
 * Last training year's ARCP: a final review for most postgraduate trainees who were in training
 * by its panels (May to July), recorded and finalised by an administrator of their deanery.
 */
function buildReviews(random, trainees, asOfMs, personName, audit) {
  const { period, endMs } = previousTrainingYear(asOfMs);
  const reviews = [];
  for (const trainee of trainees) {
    if (!trainee.hasAnnualReview) continue;
    const reviewMs = endMs - random.int(15, 75) * dayMs;
    const inTraining = trainee.hadEarlierRecord || trainee.startsMs < reviewMs - 60 * dayMs;
    if (!inTraining || !(trainee.isReportTrainee || random.chance(0.95))) continue;
    const administrator = random.pick(trainee.deanery.admins);
    const outcomeCode = trainee.isReportTrainee ? '1' : random.weighted(reviewOutcomes);
    const createdMs = reviewMs - random.int(3, 10) * dayMs + 9 * 3_600_000;
    const finalisedMs = Math.min(asOfMs, reviewMs + random.int(0, 7) * dayMs + 16 * 3_600_000);
    const review = {
      id: random.uuid(),
      traineeId: trainee.user.id,
      period,
      reviewDate: dateOf(reviewMs),
      panelMembers: [personName('Dr ') + ' (chair)', personName('Dr '), `${personName('')} (lay representative)`],
      outcomeCode,
      reasons: reviewReasons[outcomeCode],
      requiredActions: requiredActions[outcomeCode] ?? '',
      finalisedMs,
      finalisedBy: administrator,
      createdMs,
    };
    reviews.push(review);
    const event = { actorId: administrator.id, entityType: 'progression_review', entityId: review.id, ipAddress: null };
    audit({ ...event, ms: createdMs, action: 'review.created', details: { traineeId: review.traineeId, period } });
    audit({
      ...event,
      ms: finalisedMs,
      action: 'review.finalised',
      details: { traineeId: review.traineeId, period, outcome: outcomeCode },
    });
  }
  return reviews;
}

const words = (text) => text.split(' ');
const iso = (ms) => new Date(ms).toISOString();

/** The organisation as rows for COPY: table → its columns and rows, in load order. */
export function organisationTables(organisation, programmesCreatedMs) {
  return [
    {
      table: 'deanery',
      columns: words('id code name created_at'),
      rows: organisation.deaneries.map((deanery) => [deanery.id, deanery.code, deanery.name, iso(deanery.createdMs)]),
    },
    {
      table: 'programme',
      columns: words('id deanery_id name framework_key created_at'),
      rows: organisation.programmes.map((programme) => [
        programme.id,
        programme.deaneryId,
        programme.name,
        'mlcf',
        iso(programmesCreatedMs),
      ]),
    },
    {
      table: 'app_user',
      columns: words(
        'id email display_name password_hash roles deanery_id gmc_number profession password_changed_at created_at updated_at',
      ),
      rows: organisation.users.map((user) => [
        user.id,
        user.email,
        user.displayName,
        organisation.passwordHash,
        user.roles,
        user.deaneryId,
        user.gmcNumber,
        user.profession,
        iso(user.createdMs),
        iso(user.createdMs),
        iso(user.createdMs),
      ]),
    },
    {
      table: 'training_record',
      columns: words('id trainee_id programme_id stage_key grade starts_on ends_on created_at'),
      rows: organisation.trainingRecords.map((record) => [
        record.id,
        record.traineeId,
        record.programmeId,
        record.stageKey,
        record.grade,
        record.startsOn,
        record.endsOn,
        iso(record.createdMs),
      ]),
    },
    {
      table: 'supervisor_assignment',
      columns: words('id trainee_id supervisor_id starts_on ends_on'),
      rows: organisation.assignments.map((assignment) => [
        assignment.id,
        assignment.traineeId,
        assignment.supervisorId,
        assignment.startsOn,
        assignment.endsOn,
      ]),
    },
    {
      table: 'progression_review',
      columns: words(
        'id trainee_id period review_date panel_members outcome_code reasons required_actions status finalised_at finalised_by finalised_by_name created_by created_at updated_at',
      ),
      rows: organisation.reviews.map((review) => [
        review.id,
        review.traineeId,
        review.period,
        review.reviewDate,
        textArray(review.panelMembers),
        review.outcomeCode,
        review.reasons,
        review.requiredActions,
        'final',
        iso(review.finalisedMs),
        review.finalisedBy.id,
        review.finalisedBy.displayName,
        review.finalisedBy.id,
        iso(review.createdMs),
        iso(review.finalisedMs),
      ]),
    },
  ];
}

/** A PostgreSQL array literal of names (letters, spaces, brackets: nothing that needs escaping). */
function textArray(values) {
  return `{${values.map((value) => `"${value}"`).join(',')}}`;
}
