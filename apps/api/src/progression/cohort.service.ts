import { Injectable } from '@nestjs/common';

import {
  type CohortPage,
  type CohortQuery,
  type CohortRow,
  isReviewPeriod,
  trainingYearOf,
} from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { fieldError } from '../common/field-errors';
import { CoverageQueries } from '../progress/coverage-queries';
import { CohortSnapshots } from './cohort-snapshots';
import type { CohortFilter, CohortRowRecord } from './cohort.repository';

const emptyTotals = { 'not-started': 0, evidenced: 0, assessed: 0, 'signed-off': 0 };

/**
 * The deanery's cohort: one page of trainees with their coverage, and the outcome counts of all of
 * them, from the cohort kept in memory (CohortSnapshots) and each trainee's kept coverage.
 */
@Injectable()
export class CohortService {
  constructor(
    private readonly snapshots: CohortSnapshots,
    private readonly coverage: CoverageQueries,
  ) {}

  async page(user: SessionUser, query: CohortQuery): Promise<CohortPage> {
    const filter = filterOf(query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const selection = await this.snapshots.page(
      user.id,
      filter,
      query.sort ?? 'name',
      query.direction ?? 'asc',
      pageSize,
      (page - 1) * pageSize,
    );
    return {
      period: filter.period,
      programmes: selection.programmes,
      rows: await this.withCoverage(user, selection.rows),
      total: selection.total,
      page,
      pageSize,
      outcomeCounts: selection.outcomeCounts,
    };
  }

  /** The whole filtered cohort as CSV, one row per trainee, a column per domain. */
  async csv(user: SessionUser, query: CohortQuery): Promise<string> {
    const filter = filterOf(query);
    const rows = await this.withCoverage(user, await this.snapshots.all(user.id, filter));
    const domainCodes = [...new Set(rows.flatMap((row) => row.domains.map((domain) => domain.code)))];
    const header = [
      'Name',
      'GMC number',
      'Programme',
      'Stage',
      'Grade',
      ...domainCodes.map((code) => `Domain ${code} signed off`),
      'Elements signed off',
      'Elements',
      'Assessments signed',
      'Assessments pending',
      `Outcome ${filter.period}`,
      'Review date',
    ];
    const lines = rows.map((row) => [
      row.displayName,
      row.gmcNumber ?? '',
      row.programmeName,
      row.stageKey,
      row.grade,
      ...domainCodes.map((code) => {
        const domain = row.domains.find((candidate) => candidate.code === code);
        return domain ? `${domain.totals['signed-off']}/${domain.elements}` : '';
      }),
      String(row.elementsSignedOff),
      String(row.elementCount),
      String(row.assessmentsSigned),
      String(row.assessmentsPending),
      row.outcome?.code ?? '',
      row.outcome?.reviewDate ?? '',
    ]);
    return [header, ...lines].map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  private async withCoverage(user: SessionUser, records: CohortRowRecord[]): Promise<CohortRow[]> {
    const stages = await this.coverage.placementsFor(
      user,
      records.map((record) => record.trainee_id),
    );
    const progress = await this.coverage.progressOf([...stages.values()]);
    return records.map((record) => {
      const coverage = progress.get(record.trainee_id);
      return {
        traineeId: record.trainee_id,
        displayName: record.display_name,
        gmcNumber: record.gmc_number,
        programmeName: record.programme_name,
        stageKey: record.stage_key,
        grade: record.grade,
        domains: (coverage?.domains ?? []).map((domain) => ({
          key: domain.key,
          code: domain.code,
          title: domain.title,
          elements: domain.elements,
          totals: domain.totals ?? emptyTotals,
        })),
        elementCount: coverage?.elements.length ?? 0,
        elementsSignedOff: record.signed_off,
        assessmentsSigned: record.assessments_signed,
        assessmentsPending: record.assessments_pending,
        outcome:
          record.outcome_code && record.review_id && record.review_date
            ? { code: record.outcome_code, reviewId: record.review_id, reviewDate: record.review_date }
            : null,
      };
    });
  }
}

function filterOf(query: CohortQuery): CohortFilter {
  const period = query.period ?? trainingYearOf(new Date());
  if (!isReviewPeriod(period)) {
    throw fieldError('period', 'period must be a training year such as 2026-27');
  }
  return { programmeId: query.programmeId, stageKey: query.stageKey, grade: query.grade, period };
}

// Quoted always, inner quotes doubled; a leading formula character is neutralised so a
// spreadsheet never runs what a trainee typed as their name.
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
