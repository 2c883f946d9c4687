import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';

import type { AssessmentTemplateFile } from '@portfolio/competency';
import { type ArcpOutcomeCode, arcpOutcome } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { CoverageQueries } from '../progress/coverage-queries';
import { currentFinalReview } from './deanery-scope';
import type { ReportData } from './report-data';

// Crockford's base32 without look-alikes: a code read aloud or typed from paper survives.
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newVerificationCode(): string {
  const characters = Array.from({ length: 12 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
  return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8)}`;
}

export interface AssembledReport {
  traineeId: string;
  reviewId: string | null;
  outcomeCode: ArcpOutcomeCode | null;
  data: ReportData;
}

/**
 * Gathers what progression reports print, for many trainees in a fixed number of queries:
 * the same coverage function as every dashboard, the current final review of the period, the
 * element sign-offs and the signed assessments.
 */
@Injectable()
export class ReportDataSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: CoverageQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assemble(viewer: SessionUser, traineeIds: string[], period: string): Promise<AssembledReport[]> {
    const stages = await this.coverage.placementsFor(viewer, traineeIds);
    const frameworkIds = [...new Set([...stages.values()].map((stage) => stage.frameworkId))];
    const [people, frameworks, progress, reviews, signOffs, assessments] = await Promise.all([
      this.dataSource.query(
        `SELECT DISTINCT ON (record.trainee_id) record.trainee_id, trainee.display_name, trainee.gmc_number,
                deanery.name AS deanery, programme.name AS programme, record.stage_key, record.grade
           FROM training_record record
           JOIN programme ON programme.id = record.programme_id
           JOIN deanery ON deanery.id = programme.deanery_id
           JOIN app_user trainee ON trainee.id = record.trainee_id
          WHERE record.trainee_id = ANY ($1::uuid[])
          ORDER BY record.trainee_id, record.starts_on DESC`,
        [traineeIds],
      ) as Promise<
        {
          trainee_id: string;
          display_name: string;
          gmc_number: string | null;
          deanery: string;
          programme: string;
          stage_key: string;
          grade: string;
        }[]
      >,
      this.dataSource.query(
        `SELECT framework.id, framework.title, framework.version, stage.key AS stage_key, stage.title AS stage_title
           FROM framework JOIN framework_stage stage ON stage.framework_id = framework.id
          WHERE framework.id = ANY ($1::uuid[])`,
        [frameworkIds],
      ) as Promise<{ id: string; title: string; version: string; stage_key: string; stage_title: string }[]>,
      this.coverage.progressOf([...stages.values()]),
      this.dataSource.query(
        `SELECT DISTINCT ON (review.trainee_id) review.trainee_id, review.id, review.outcome_code,
                to_char(review.review_date, 'YYYY-MM-DD') AS review_date, review.panel_members, review.reasons,
                review.required_actions, review.finalised_at, review.finalised_by_name
           FROM progression_review review
          WHERE review.trainee_id = ANY ($1::uuid[]) AND review.period = $2 AND ${currentFinalReview('review')}
          ORDER BY review.trainee_id, review.finalised_at DESC`,
        [traineeIds, period],
      ) as Promise<
        {
          trainee_id: string;
          id: string;
          outcome_code: ArcpOutcomeCode;
          review_date: string;
          panel_members: string[];
          reasons: string;
          required_actions: string;
          finalised_at: Date;
          finalised_by_name: string;
        }[]
      >,
      this.dataSource.query(
        `SELECT record.trainee_id, element.key AS element_key, stage.key AS stage_key,
                recorder.display_name AS recorded_by, record.recorded_at
           FROM element_sign_off record
           JOIN framework_element element ON element.id = record.element_id
           JOIN framework_stage stage ON stage.id = record.stage_id
           JOIN app_user recorder ON recorder.id = record.recorded_by
          WHERE record.trainee_id = ANY ($1::uuid[]) AND record.kind = 'sign-off'
            AND NOT EXISTS (SELECT 1 FROM element_sign_off later WHERE later.supersedes = record.id)`,
        [traineeIds],
      ) as Promise<
        { trainee_id: string; element_key: string; stage_key: string; recorded_by: string; recorded_at: Date }[]
      >,
      this.dataSource.query(
        `SELECT assessment.trainee_id, assessment.title, template.definition, assessment.signed_by_name,
                assessment.signed_at, assessment.judgement
           FROM assessment JOIN assessment_template template ON template.id = assessment.template_id
          WHERE assessment.trainee_id = ANY ($1::uuid[]) AND assessment.status = 'signed-off'
            AND NOT EXISTS (SELECT 1 FROM assessment correction
                             WHERE correction.amends = assessment.id AND correction.status = 'signed-off')
          ORDER BY assessment.signed_at`,
        [traineeIds],
      ) as Promise<
        {
          trainee_id: string;
          title: string;
          definition: AssessmentTemplateFile;
          signed_by_name: string;
          signed_at: Date;
          judgement: { overallJudgement: string | null } | null;
        }[]
      >,
    ]);
    const issuedAt = new Date().toISOString();
    const reports: AssembledReport[] = [];
    for (const person of people) {
      const stage = stages.get(person.trainee_id);
      const coverage = progress.get(person.trainee_id);
      if (!stage || !coverage) continue;
      const framework = frameworks.find((row) => row.id === stage.frameworkId && row.stage_key === person.stage_key);
      const review = reviews.find((row) => row.trainee_id === person.trainee_id);
      const outcome = review ? arcpOutcome(review.outcome_code) : undefined;
      const signedOff = new Map(
        signOffs
          .filter((row) => row.trainee_id === person.trainee_id && row.stage_key === person.stage_key)
          .map((row) => [row.element_key, row]),
      );
      const verificationCode = newVerificationCode();
      reports.push({
        traineeId: person.trainee_id,
        reviewId: review?.id ?? null,
        outcomeCode: review?.outcome_code ?? null,
        data: {
          verificationCode,
          verifyUrl: `${this.config.publicUrl}/verify`,
          issuedAt,
          issuedBy: viewer.displayName,
          deanery: person.deanery,
          programme: person.programme,
          trainee: { name: person.display_name, gmcNumber: person.gmc_number },
          stage: { key: person.stage_key, title: framework?.stage_title ?? person.stage_key },
          grade: person.grade,
          period,
          framework: { title: framework?.title ?? stage.frameworkKey, version: stage.frameworkVersion },
          review:
            review && outcome
              ? {
                  reviewDate: review.review_date,
                  panelMembers: review.panel_members,
                  outcome: { code: outcome.code, title: outcome.title, meaning: outcome.meaning },
                  reasons: review.reasons,
                  requiredActions: review.required_actions,
                  finalisedBy: review.finalised_by_name,
                  finalisedAt: review.finalised_at.toISOString(),
                }
              : null,
          domains: coverage.domains.map((domain) => ({
            code: domain.code,
            title: domain.title,
            elements: domain.elements,
            totals: domain.totals,
          })),
          elements: coverage.elements.map((element) => {
            const signOff = signedOff.get(element.key);
            return {
              code: element.code,
              title: element.title,
              domainCode: coverage.domains.find((domain) => domain.key === element.domainKey)?.code ?? null,
              status: element.status,
              evidenceCount: element.evidenceCount,
              assessmentCount: element.assessmentCount,
              signedOffBy: signOff?.recorded_by ?? null,
              signedOffAt: signOff?.recorded_at.toISOString() ?? null,
            };
          }),
          assessments: assessments
            .filter((row) => row.trainee_id === person.trainee_id)
            .map((row) => ({
              title: row.title,
              templateTitle: row.definition.title,
              signedBy: row.signed_by_name,
              signedAt: row.signed_at.toISOString(),
              overallJudgement:
                row.definition.overallJudgement.options.find((option) => option.id === row.judgement?.overallJudgement)
                  ?.title ?? '',
            })),
          gaps: coverage.elements
            .filter((element) => element.evidenceCount === 0)
            .map((element) => ({ code: element.code, title: element.title })),
        },
      });
    }
    return reports;
  }
}
