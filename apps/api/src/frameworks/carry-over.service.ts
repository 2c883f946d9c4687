import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type CarriedRecord,
  type FrameworkFile,
  type TraineeCarryOverPlan,
  planCarryOver,
} from '@portfolio/competency';
import type { CarryOverReportView } from '@portfolio/contracts';

import { AuditService } from '../audit/audit.service';
import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';

interface VersionRow {
  id: string;
  version: string;
  document: FrameworkFile;
}

interface PositionRow {
  trainee_id: string;
  id: string;
  element_key: string;
  stage_key: string;
}

/**
 * Carries trainees' evidence links and sign-offs from a framework version to the one that follows
 * it, along the correspondences the new version states. A link is added beside the old one; a
 * sign-off is a new record, by the original signer, that cites the original (`carried_from`):
 * signed records never change. Running it again writes nothing new.
 */
@Injectable()
export class CarryOverService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  carryOver(user: SessionUser, key: string, version: string, dryRun: boolean): Promise<CarryOverReportView> {
    return this.dataSource.transaction(async (manager) => {
      // One run per framework at a time, so two runs cannot both plan the same records as new.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('framework-carry-over:' || $1))`, [key]);
      const target = await this.version(manager, key, version);
      if (!target) throw new NotFoundException(`There is no version '${version}' of framework '${key}'.`);
      const previousVersion = target.document.previousVersion;
      if (!previousVersion) {
        throw fieldError('version', `${key} ${version} states no previous version, so there is nothing to carry over`);
      }
      const previous = await this.version(manager, key, previousVersion);
      if (!previous) {
        throw fieldError('version', `${key} ${version} follows ${previousVersion}, which is not held`);
      }
      const plans = await this.plan(manager, previous.id, target);
      if (!dryRun) {
        await this.write(manager, user, plans, target, `${key} ${previousVersion}`);
      }
      const report = await this.report(manager, plans, key, previousVersion, version, dryRun);
      if (!dryRun) {
        await this.audit.record(
          {
            actorId: user.id,
            action: 'framework.carried-over',
            entityType: 'framework',
            entityId: `${key}@${version}`,
            details: { from: previousVersion, ...report.totals },
          },
          manager,
        );
      }
      return report;
    });
  }

  private async version(manager: EntityManager, key: string, version: string): Promise<VersionRow | undefined> {
    const [row] = (await manager.query(`SELECT id, version, document FROM framework WHERE key = $1 AND version = $2`, [
      key,
      version,
    ])) as VersionRow[];
    return row;
  }

  private async plan(manager: EntityManager, previousId: string, target: VersionRow): Promise<TraineeCarryOverPlan[]> {
    const positions = (sql: string, frameworkId: string) => manager.query(sql, [frameworkId]) as Promise<PositionRow[]>;
    const linksSql = `SELECT item.trainee_id, link.evidence_id AS id, element.key AS element_key, stage.key AS stage_key
        FROM evidence_element_link link
        JOIN evidence_item item ON item.id = link.evidence_id
        JOIN framework_element element ON element.id = link.element_id
        JOIN framework_stage stage ON stage.id = link.stage_id
       WHERE element.framework_id = $1`;
    const [stages, links, signOffs, existingLinks, existingSignOffs] = await Promise.all([
      manager.query(
        `SELECT DISTINCT element.key AS element_key, stage.key AS stage_key
           FROM framework_element element
           JOIN framework_outcome outcome ON outcome.element_id = element.id
           JOIN framework_stage stage ON stage.id = outcome.stage_id
          WHERE element.framework_id = $1`,
        [target.id],
      ) as Promise<{ element_key: string; stage_key: string }[]>,
      positions(linksSql, previousId),
      // Current sign-offs only: the head of each chain, when it is a sign-off and not a withdrawal.
      positions(
        `SELECT record.trainee_id, record.id, element.key AS element_key, stage.key AS stage_key
           FROM element_sign_off record
           JOIN framework_element element ON element.id = record.element_id
           JOIN framework_stage stage ON stage.id = record.stage_id
          WHERE element.framework_id = $1 AND record.kind = 'sign-off'
            AND NOT EXISTS (SELECT 1 FROM element_sign_off later WHERE later.supersedes = record.id)`,
        previousId,
      ),
      positions(linksSql, target.id),
      manager.query(
        `SELECT record.trainee_id, record.carried_from, element.key AS element_key, stage.key AS stage_key
           FROM element_sign_off record
           JOIN framework_element element ON element.id = record.element_id
           JOIN framework_stage stage ON stage.id = record.stage_id
          WHERE element.framework_id = $1`,
        [target.id],
      ) as Promise<{ trainee_id: string; carried_from: string | null; element_key: string; stage_key: string }[]>,
    ]);
    const newStagesOf = new Map<string, Set<string>>();
    for (const row of stages) {
      newStagesOf.set(row.element_key, (newStagesOf.get(row.element_key) ?? new Set()).add(row.stage_key));
    }
    const link = (row: PositionRow) => ({
      traineeId: row.trainee_id,
      evidenceId: row.id,
      elementKey: row.element_key,
      stageKey: row.stage_key,
    });
    return planCarryOver({
      correspondences: target.document.correspondences ?? [],
      newStagesOf,
      links: links.map(link),
      signOffs: signOffs.map((row) => ({
        traineeId: row.trainee_id,
        signOffId: row.id,
        elementKey: row.element_key,
        stageKey: row.stage_key,
      })),
      existingLinks: existingLinks.map(link),
      existingSignOffs: existingSignOffs.map((row) => ({
        traineeId: row.trainee_id,
        carriedFrom: row.carried_from,
        elementKey: row.element_key,
        stageKey: row.stage_key,
      })),
    });
  }

  private async write(
    manager: EntityManager,
    user: SessionUser,
    plans: TraineeCarryOverPlan[],
    target: VersionRow,
    previousName: string,
  ): Promise<void> {
    const toWrite = (kind: CarriedRecord['kind']) =>
      plans.flatMap((plan) => plan.carried.filter((record) => record.kind === kind && !record.alreadyPresent));
    const columns = (records: CarriedRecord[]) => [
      records.map((record) => record.id),
      records.map((record) => record.from.elementKey),
      records.map((record) => record.from.stageKey),
      records.map((record) => record.to.elementKey),
      records.map((record) => record.to.stageKey),
    ];
    const targetPosition = `JOIN framework_element element ON element.framework_id = $1 AND element.key = carried.to_element
       JOIN framework_stage stage ON stage.framework_id = $1 AND stage.key = carried.to_stage`;
    const links = toWrite('evidence-link');
    if (links.length > 0) {
      // The link's note goes with it; a link of the same item merged from two elements is written once.
      await manager.query(
        `INSERT INTO evidence_element_link (evidence_id, element_id, stage_id, note)
         SELECT DISTINCT ON (carried.id, element.id, stage.id) carried.id, element.id, stage.id, old.note
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
                AS carried (id, from_element, from_stage, to_element, to_stage)
           ${targetPosition}
           JOIN evidence_element_link old ON old.evidence_id = carried.id
           JOIN framework_element old_element ON old_element.id = old.element_id AND old_element.key = carried.from_element
           JOIN framework_stage old_stage ON old_stage.id = old.stage_id AND old_stage.key = carried.from_stage
          WHERE old_element.framework_id = (SELECT id FROM framework WHERE key = $7 AND version = $8)
         ON CONFLICT DO NOTHING`,
        [target.id, ...columns(links), target.document.key, target.document.previousVersion],
      );
    }
    const signOffs = toWrite('sign-off');
    if (signOffs.length > 0) {
      await manager.query(
        `INSERT INTO element_sign_off (trainee_id, element_id, stage_id, kind, recorded_by, evidence_ids, assessment_ids,
                                       note, carried_from)
         SELECT original.trainee_id, element.id, stage.id, 'sign-off', original.recorded_by, original.evidence_ids,
                original.assessment_ids,
                left(format('Carried over from %s element %s (%s) by %s. %s', $7::text, carried.from_element,
                            carried.relation, $8::text, original.note), 2000),
                original.id
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $9::text[])
                AS carried (id, from_element, from_stage, to_element, to_stage, relation)
           ${targetPosition}
           JOIN element_sign_off original ON original.id = carried.id`,
        [target.id, ...columns(signOffs), previousName, user.displayName, signOffs.map((record) => record.relation)],
      );
    }
  }

  private async report(
    manager: EntityManager,
    plans: TraineeCarryOverPlan[],
    frameworkKey: string,
    fromVersion: string,
    toVersion: string,
    dryRun: boolean,
  ): Promise<CarryOverReportView> {
    const names = new Map(
      (
        (await manager.query(`SELECT id, display_name FROM app_user WHERE id = ANY ($1::uuid[])`, [
          plans.map((plan) => plan.traineeId),
        ])) as { id: string; display_name: string }[]
      ).map((row) => [row.id, row.display_name]),
    );
    const carried = plans.flatMap((plan) => plan.carried);
    const fresh = carried.filter((record) => !record.alreadyPresent);
    return {
      frameworkKey,
      fromVersion,
      toVersion,
      dryRun,
      trainees: plans.map((plan) => ({ ...plan, displayName: names.get(plan.traineeId) ?? '' })),
      totals: {
        linksCarried: fresh.filter((record) => record.kind === 'evidence-link').length,
        signOffsCarried: fresh.filter((record) => record.kind === 'sign-off').length,
        alreadyPresent: carried.length - fresh.length,
        notCarried: plans.reduce((sum, plan) => sum + plan.notCarried.length, 0),
      },
    };
  }
}
