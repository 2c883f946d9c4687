import { CreateFrameworkTables1795450000000 } from './1795450000000-CreateFrameworkTables';
import { CreateAccountsAndAudit1795450100000 } from './1795450100000-CreateAccountsAndAudit';
import { CreateEvidenceTables1795450200000 } from './1795450200000-CreateEvidenceTables';
import { CreateAttachmentTables1795450300000 } from './1795450300000-CreateAttachmentTables';
import { CreateElementSignOffs1795450400000 } from './1795450400000-CreateElementSignOffs';
import { CreateAssessmentTables1795450500000 } from './1795450500000-CreateAssessmentTables';
import { CreateProgressionTables1795450600000 } from './1795450600000-CreateProgressionTables';
import { AddBenchmarkIndexes1795450900000 } from './1795450900000-AddBenchmarkIndexes';
import { CreateAuthenticatorTables1795451300000 } from './1795451300000-CreateAuthenticatorTables';
import { CreateCorrespondencesAndCrosswalks1795451600000 } from './1795451600000-CreateCorrespondencesAndCrosswalks';
import { AddEvidenceIdempotencyKey1795451900000 } from './1795451900000-AddEvidenceIdempotencyKey';
import { TrackCoverageVersions1795452200000 } from './1795452200000-TrackCoverageVersions';
import { TrackCohortVersions1795452500000 } from './1795452500000-TrackCohortVersions';
import { ChainAuditEventsAfterCommit1795452800000 } from './1795452800000-ChainAuditEventsAfterCommit';
import { StoreCoverageCounts1795453100000 } from './1795453100000-StoreCoverageCounts';
import { IndexSupervisorDashboard1795453400000 } from './1795453400000-IndexSupervisorDashboard';
import { IndexEvidenceInListOrders1795453700000 } from './1795453700000-IndexEvidenceInListOrders';
import { IndexEvidenceSearchByTrainee1795454000000 } from './1795454000000-IndexEvidenceSearchByTrainee';
import { NotifySessionChanges1795454300000 } from './1795454300000-NotifySessionChanges';
import { IndexAssessmentsWaitingForAssessor1795454600000 } from './1795454600000-IndexAssessmentsWaitingForAssessor';
import { IndexSharedEvidenceInListOrders1795454900000 } from './1795454900000-IndexSharedEvidenceInListOrders';
import { TrackTraineeActivity1795455200000 } from './1795455200000-TrackTraineeActivity';
import { KeepEvidenceElementCodes1795455500000 } from './1795455500000-KeepEvidenceElementCodes';
import { KeepEvidenceSearchInRow1795455800000 } from './1795455800000-KeepEvidenceSearchInRow';
import { IndexSharedEvidenceSearch1795456100000 } from './1795456100000-IndexSharedEvidenceSearch';

/** Every migration, oldest first. The bundle cannot find them by file pattern, so they are listed. */
export const migrations = [
  CreateFrameworkTables1795450000000,
  CreateAccountsAndAudit1795450100000,
  CreateEvidenceTables1795450200000,
  CreateAttachmentTables1795450300000,
  CreateElementSignOffs1795450400000,
  CreateAssessmentTables1795450500000,
  CreateProgressionTables1795450600000,
  AddBenchmarkIndexes1795450900000,
  CreateAuthenticatorTables1795451300000,
  CreateCorrespondencesAndCrosswalks1795451600000,
  AddEvidenceIdempotencyKey1795451900000,
  TrackCoverageVersions1795452200000,
  TrackCohortVersions1795452500000,
  ChainAuditEventsAfterCommit1795452800000,
  StoreCoverageCounts1795453100000,
  IndexSupervisorDashboard1795453400000,
  IndexEvidenceInListOrders1795453700000,
  IndexEvidenceSearchByTrainee1795454000000,
  NotifySessionChanges1795454300000,
  IndexAssessmentsWaitingForAssessor1795454600000,
  IndexSharedEvidenceInListOrders1795454900000,
  TrackTraineeActivity1795455200000,
  KeepEvidenceElementCodes1795455500000,
  KeepEvidenceSearchInRow1795455800000,
  IndexSharedEvidenceSearch1795456100000,
];
