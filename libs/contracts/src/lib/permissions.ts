/**
 * Who may do what: the one map the API enforces and the web app reads to hide what a user
 * may not do. Record-level rules (whose records) live in the API's services on top of this.
 */
export const roles = ['trainee', 'supervisor', 'assessor', 'deanery_admin', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  trainee: 'Trainee',
  supervisor: 'Educational supervisor',
  assessor: 'Assessor',
  deanery_admin: 'Deanery administrator',
  admin: 'Administrator',
};

export const permissions = [
  'account:read',
  'account:change-password',
  /** Set up, change or turn off one's own authenticator app and recovery codes. */
  'account:mfa',
  /** Read trainees' records; which trainees is decided per record (self, assigned, own deanery, all). */
  'trainees:read',
  'cohort:read',
  /** Keep one's own evidence log. */
  'evidence:write',
  /** Read evidence; whose is decided per item (own, shared with supervisor, visible to the panel). */
  'evidence:read',
  /** Sign off framework elements for the trainees one currently supervises. */
  'elements:sign-off',
  /** Start assessments of one's own work and send them to an assessor. */
  'assessments:request',
  /** Assess the work one has been asked to assess. */
  'assessments:assess',
  /** Record progression reviews and issue progression reports for trainees in one's deanery. */
  'progression:manage',
  /** Download a whole portfolio as a ZIP: one's own, or (with a stated reason) a trainee's of one's deanery. */
  'portfolio:export',
  /** Read the mail the product has sent or holds in its outbox. */
  'outbox:read',
  'users:manage',
  /** Import frameworks (CASE 1.1 packages). */
  'frameworks:manage',
  'organisations:manage',
  'assignments:manage',
  'trainees:import',
  'audit:read',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['account:read', 'account:change-password', 'account:mfa'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  trainee: [...everyone, 'trainees:read', 'evidence:read', 'evidence:write', 'assessments:request', 'portfolio:export'],
  supervisor: [...everyone, 'trainees:read', 'evidence:read', 'elements:sign-off', 'assessments:assess'],
  assessor: [...everyone, 'assessments:assess'],
  deanery_admin: [
    ...everyone,
    'trainees:read',
    'cohort:read',
    'evidence:read',
    'progression:manage',
    'portfolio:export',
  ],
  admin: [
    ...everyone,
    'trainees:read',
    'users:manage',
    'frameworks:manage',
    'organisations:manage',
    'assignments:manage',
    'trainees:import',
    'audit:read',
    'outbox:read',
  ],
};

/** Every permission any of the roles grants. */
export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  const granted = new Set(userRoles.flatMap((role) => rolePermissions[role]));
  return permissions.filter((permission) => granted.has(permission));
}

export function hasPermission(userRoles: readonly Role[], permission: Permission): boolean {
  return userRoles.some((role) => rolePermissions[role].includes(permission));
}
