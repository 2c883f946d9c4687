import type { CorrespondenceType, FrameworkCorrespondence, FrameworkFile } from './framework-file';
import { listElements } from './framework-file';

export interface CorrespondenceProblem {
  path: string;
  message: string;
}

/**
 * Checks a version's correspondences against the previous version it names: the same framework,
 * every `previousElement` there, no pair stated twice, and an exact match standing alone (an
 * element unchanged cannot also have been merged or split).
 */
export function validateCorrespondences(current: FrameworkFile, previous: FrameworkFile): CorrespondenceProblem[] {
  const problems: CorrespondenceProblem[] = [];
  if (previous.key !== current.key || previous.version !== current.previousVersion) {
    return [
      {
        path: '/previousVersion',
        message: `names ${current.key} ${current.previousVersion ?? '(none)'}, but was checked against ${previous.key} ${previous.version}`,
      },
    ];
  }
  const previousIds = new Set(listElements(previous).map(({ element }) => element.id));
  const seen = new Set<string>();
  const correspondences = current.correspondences ?? [];
  const countOf = (side: 'previousElement' | 'element', id: string) =>
    correspondences.filter((candidate) => candidate[side] === id).length;
  correspondences.forEach((correspondence, index) => {
    const path = `/correspondences/${index}`;
    if (!previousIds.has(correspondence.previousElement)) {
      problems.push({
        path: `${path}/previousElement`,
        message: `${current.key} ${previous.version} has no element '${correspondence.previousElement}'`,
      });
    }
    const pair = `${correspondence.previousElement}\u0000${correspondence.element}`;
    if (seen.has(pair)) {
      problems.push({
        path,
        message: `'${correspondence.previousElement}' and '${correspondence.element}' are paired twice`,
      });
    }
    seen.add(pair);
    if (
      correspondence.type === 'exactMatchOf' &&
      (countOf('previousElement', correspondence.previousElement) > 1 || countOf('element', correspondence.element) > 1)
    ) {
      problems.push({
        path,
        message: `'${correspondence.element}' is an exact match of '${correspondence.previousElement}', so neither may correspond to anything else`,
      });
    }
  });
  return problems;
}

/** Where a record of the previous version stands: its element and stage. */
export interface CarryOverPosition {
  elementKey: string;
  stageKey: string;
}

export interface CarryOverLinkInput extends CarryOverPosition {
  traineeId: string;
  evidenceId: string;
}

export interface CarryOverSignOffInput extends CarryOverPosition {
  traineeId: string;
  /** The sign-off record at the head of its chain (a current sign-off, not withdrawn). */
  signOffId: string;
}

/** A sign-off record already in the new version, for a trainee, element and stage. */
export interface ExistingSignOffRecord extends CarryOverPosition {
  traineeId: string;
  carriedFrom: string | null;
}

export interface CarryOverInput {
  correspondences: readonly FrameworkCorrespondence[];
  /** For each element of the new version, the stages it applies at. */
  newStagesOf: ReadonlyMap<string, ReadonlySet<string>>;
  links: readonly CarryOverLinkInput[];
  signOffs: readonly CarryOverSignOffInput[];
  /** Links already held against the new version. */
  existingLinks: readonly CarryOverLinkInput[];
  existingSignOffs: readonly ExistingSignOffRecord[];
}

export type NotCarriedReason = 'retired' | 'stage-not-applicable' | 'needs-new-judgement' | 'already-judged';

export interface CarriedRecord {
  kind: 'evidence-link' | 'sign-off';
  /** The evidence item, or the original sign-off record. */
  id: string;
  from: CarryOverPosition;
  to: CarryOverPosition;
  relation: CorrespondenceType;
  /** Already there from an earlier run (or another link of the same item): nothing new to write. */
  alreadyPresent: boolean;
}

export interface NotCarriedRecord {
  kind: 'evidence-link' | 'sign-off';
  id: string;
  from: CarryOverPosition;
  to: CarryOverPosition | null;
  reason: NotCarriedReason;
  message: string;
}

export interface TraineeCarryOverPlan {
  traineeId: string;
  carried: CarriedRecord[];
  notCarried: NotCarriedRecord[];
}

const positionKey = (traineeId: string, elementKey: string, stageKey: string) =>
  `${traineeId}|${elementKey}|${stageKey}`;

/**
 * What carrying a trainee's evidence links and sign-offs over to a new version would do. Links
 * follow every correspondence (to each element a split element became); a sign-off, being a
 * supervisor's judgement of one element, follows an exact match or a one-to-one replacement only,
 * and never onto an element and stage the trainee already has a sign-off record for. Stages match
 * by key. Pure: the caller writes what it says, and running it again plans nothing new.
 */
export function planCarryOver(input: CarryOverInput): TraineeCarryOverPlan[] {
  const targetsOf = new Map<string, FrameworkCorrespondence[]>();
  const sourcesOf = new Map<string, number>();
  for (const correspondence of input.correspondences) {
    targetsOf.set(correspondence.previousElement, [
      ...(targetsOf.get(correspondence.previousElement) ?? []),
      correspondence,
    ]);
    sourcesOf.set(correspondence.element, (sourcesOf.get(correspondence.element) ?? 0) + 1);
  }
  const plans = new Map<string, TraineeCarryOverPlan>();
  const planOf = (traineeId: string) => {
    let plan = plans.get(traineeId);
    if (!plan) {
      plan = { traineeId, carried: [], notCarried: [] };
      plans.set(traineeId, plan);
    }
    return plan;
  };
  const applies = (elementKey: string, stageKey: string) => input.newStagesOf.get(elementKey)?.has(stageKey) ?? false;
  const retired = (kind: NotCarriedRecord['kind'], id: string, from: CarryOverPosition): NotCarriedRecord => ({
    kind,
    id,
    from,
    to: null,
    reason: 'retired',
    message: `Element ${from.elementKey} was retired: the new version has nothing corresponding to it`,
  });
  const notApplicable = (
    kind: NotCarriedRecord['kind'],
    id: string,
    from: CarryOverPosition,
    to: CarryOverPosition,
  ) => ({
    kind,
    id,
    from,
    to,
    reason: 'stage-not-applicable' as const,
    message: `Element ${to.elementKey} of the new version does not apply at the stage '${to.stageKey}'`,
  });

  const heldLinks = new Set(
    input.existingLinks.map(
      (link) => `${link.evidenceId}|${positionKey(link.traineeId, link.elementKey, link.stageKey)}`,
    ),
  );
  for (const link of sortedBy(input.links, (row) => `${row.traineeId}|${row.evidenceId}|${row.elementKey}`)) {
    const plan = planOf(link.traineeId);
    const from = { elementKey: link.elementKey, stageKey: link.stageKey };
    const targets = targetsOf.get(link.elementKey) ?? [];
    if (targets.length === 0) {
      plan.notCarried.push(retired('evidence-link', link.evidenceId, from));
      continue;
    }
    for (const target of targets) {
      const to = { elementKey: target.element, stageKey: link.stageKey };
      if (!applies(to.elementKey, to.stageKey)) {
        plan.notCarried.push(notApplicable('evidence-link', link.evidenceId, from, to));
        continue;
      }
      const held = `${link.evidenceId}|${positionKey(link.traineeId, to.elementKey, to.stageKey)}`;
      plan.carried.push({
        kind: 'evidence-link',
        id: link.evidenceId,
        from,
        to,
        relation: target.type,
        alreadyPresent: heldLinks.has(held),
      });
      heldLinks.add(held);
    }
  }

  const judged = new Map<string, ExistingSignOffRecord[]>();
  for (const record of input.existingSignOffs) {
    const position = positionKey(record.traineeId, record.elementKey, record.stageKey);
    judged.set(position, [...(judged.get(position) ?? []), record]);
  }
  for (const signOff of sortedBy(input.signOffs, (row) => `${row.traineeId}|${row.elementKey}|${row.signOffId}`)) {
    const plan = planOf(signOff.traineeId);
    const from = { elementKey: signOff.elementKey, stageKey: signOff.stageKey };
    const targets = targetsOf.get(signOff.elementKey) ?? [];
    const [target] = targets;
    if (!target) {
      plan.notCarried.push(retired('sign-off', signOff.signOffId, from));
      continue;
    }
    const to = { elementKey: target.element, stageKey: signOff.stageKey };
    if (targets.length > 1 || (sourcesOf.get(target.element) ?? 0) > 1) {
      plan.notCarried.push({
        kind: 'sign-off',
        id: signOff.signOffId,
        from,
        to: targets.length > 1 ? null : to,
        reason: 'needs-new-judgement',
        message:
          targets.length > 1
            ? `Element ${from.elementKey} was split into ${targets.map((each) => each.element).join(', ')}: a supervisor judges each afresh`
            : `Element ${to.elementKey} merges several earlier elements: a supervisor judges it afresh`,
      });
      continue;
    }
    if (!applies(to.elementKey, to.stageKey)) {
      plan.notCarried.push(notApplicable('sign-off', signOff.signOffId, from, to));
      continue;
    }
    const records = judged.get(positionKey(signOff.traineeId, to.elementKey, to.stageKey)) ?? [];
    if (records.some((record) => record.carriedFrom === signOff.signOffId)) {
      plan.carried.push({
        kind: 'sign-off',
        id: signOff.signOffId,
        from,
        to,
        relation: target.type,
        alreadyPresent: true,
      });
    } else if (records.length > 0) {
      plan.notCarried.push({
        kind: 'sign-off',
        id: signOff.signOffId,
        from,
        to,
        reason: 'already-judged',
        message: `The trainee already has a sign-off record for ${to.elementKey} at '${to.stageKey}' in the new version`,
      });
    } else {
      plan.carried.push({
        kind: 'sign-off',
        id: signOff.signOffId,
        from,
        to,
        relation: target.type,
        alreadyPresent: false,
      });
    }
  }
  return [...plans.values()].sort((a, b) => a.traineeId.localeCompare(b.traineeId));
}

function sortedBy<T>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  return [...rows].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}
