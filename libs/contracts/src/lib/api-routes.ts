/** Paths of the API, shared so the web app never spells a URL by hand. */
export const API_PREFIX = 'api';

export const apiRoutes = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  changePassword: '/api/auth/password',
  trainees: '/api/trainees',
  trainee: (id: string) => `/api/trainees/${encodeURIComponent(id)}`,
  traineeProgress: (id: string) => `/api/trainees/${encodeURIComponent(id)}/progress`,
  traineeSignOffs: (id: string) => `/api/trainees/${encodeURIComponent(id)}/sign-offs`,
  signOffWithdrawal: (traineeId: string, signOffId: string) =>
    `/api/trainees/${encodeURIComponent(traineeId)}/sign-offs/${encodeURIComponent(signOffId)}/withdrawal`,
  evidence: '/api/evidence',
  evidenceItem: (id: string) => `/api/evidence/${encodeURIComponent(id)}`,
  evidenceAddenda: (id: string) => `/api/evidence/${encodeURIComponent(id)}/addenda`,
  evidenceAttachments: (id: string) => `/api/evidence/${encodeURIComponent(id)}/attachments`,
  evidenceAttachment: (id: string, attachmentId: string) =>
    `/api/evidence/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`,
  adminDeaneries: '/api/admin/deaneries',
  adminProgrammes: (deaneryId: string) => `/api/admin/deaneries/${encodeURIComponent(deaneryId)}/programmes`,
  adminUsers: '/api/admin/users',
  adminUser: (id: string) => `/api/admin/users/${encodeURIComponent(id)}`,
  adminAssignments: '/api/admin/assignments',
  adminTrainingRecords: '/api/admin/training-records',
  adminTraineeImport: '/api/admin/trainee-imports',
  adminAuditVerify: '/api/admin/audit/verify',
  frameworks: '/api/frameworks',
  framework: (key: string) => `/api/frameworks/${encodeURIComponent(key)}`,
  frameworkVersion: (key: string, version: string) =>
    `/api/frameworks/${encodeURIComponent(key)}/versions/${encodeURIComponent(version)}`,
} as const;
