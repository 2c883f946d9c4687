import type { Role } from './permissions';

export interface ProgrammeView {
  id: string;
  deaneryId: string;
  name: string;
  frameworkKey: string;
}

export interface DeaneryView {
  id: string;
  code: string;
  name: string;
  programmes: ProgrammeView[];
}

export interface CreateDeaneryRequest {
  code: string;
  name: string;
}

export interface CreateProgrammeRequest {
  name: string;
  /** Defaults to `mlcf`. */
  frameworkKey?: string;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  deaneryId: string | null;
  gmcNumber: string | null;
  profession: string | null;
  disabled: boolean;
  /** Whether the account signs in with an authenticator app. */
  authenticatorEnabled: boolean;
  /** Optimistic lock: send it back with a change; a stale one answers 409. */
  version: number;
}

export interface ResetAuthenticatorRequest {
  reason: string;
}

export interface UserPage {
  items: UserView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  roles: Role[];
  deaneryId?: string | null;
  gmcNumber?: string | null;
  profession?: string | null;
  /** Optional: without one the account cannot sign in until a password is set. */
  password?: string;
}

export interface UpdateUserRequest {
  version: number;
  displayName?: string;
  roles?: Role[];
  deaneryId?: string | null;
  gmcNumber?: string | null;
  profession?: string | null;
  disabled?: boolean;
  password?: string;
}

export interface SupervisorAssignmentView {
  id: string;
  traineeId: string;
  supervisorId: string;
  startsOn: string;
  endsOn: string | null;
}

export interface CreateAssignmentRequest {
  traineeId: string;
  supervisorId: string;
  /** ISO date, YYYY-MM-DD. */
  startsOn: string;
  endsOn?: string | null;
}

export interface TrainingRecordView {
  id: string;
  programmeId: string;
  programmeName: string;
  deaneryId: string;
  deaneryName: string;
  stageKey: string;
  grade: string;
  startsOn: string;
  endsOn: string | null;
}

export interface CreateTrainingRecordRequest {
  traineeId: string;
  programmeId: string;
  stageKey: string;
  grade: string;
  startsOn: string;
  endsOn?: string | null;
}

/** A trainee as the people entitled to see them see them. */
export interface TraineeView {
  id: string;
  displayName: string;
  email: string;
  gmcNumber: string | null;
  trainingRecords: TrainingRecordView[];
  supervisors: { id: string; displayName: string; startsOn: string; endsOn: string | null }[];
}

export interface TraineeSummary {
  id: string;
  displayName: string;
  gmcNumber: string | null;
  programmeName: string | null;
  stageKey: string | null;
  grade: string | null;
}

export interface TraineePage {
  items: TraineeSummary[];
  nextCursor: string | null;
}

/** One bad line of a CSV import; the import stores nothing if there is any. */
export interface ImportLineError {
  line: number;
  field: string;
  message: string;
}

export interface TraineeImportResult {
  imported: number;
}

/** The columns of a cohort CSV, in order, as its header must name them. */
export const traineeImportColumns = [
  'name',
  'email',
  'gmc_number',
  'programme',
  'stage',
  'grade',
  'supervisor_email',
] as const;
