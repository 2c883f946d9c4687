import { PASSWORD_MIN_LENGTH, type Role, roles } from '@portfolio/contracts';

import { type FormProblem, rawValueOf, trimmedValueOf } from '../shared/form-problems';

/** The fields of the add and change user forms; the ids of their inputs are these names. */
export const userFields = [
  'email',
  'displayName',
  'roles',
  'deaneryId',
  'gmcNumber',
  'profession',
  'password',
  'disabled',
] as const;

/** Trainees and deanery administrators belong to a deanery; other roles do not need one. */
export function needsDeanery(userRoles: readonly Role[]): boolean {
  return userRoles.includes('trainee') || userRoles.includes('deanery_admin');
}

export interface UserDetails {
  email: string;
  displayName: string;
  roles: Role[];
  deaneryId: string | null;
  gmcNumber: string | null;
  profession: string | null;
  /** '' when none was typed. */
  password: string;
  disabled: boolean;
}

/** The user form's values, and what is wrong with them in the order the fields appear. */
export function readUserDetails(
  form: FormData,
  mode: 'create' | 'edit',
): { details: UserDetails; problems: FormProblem[] } {
  const chosenRoles = form.getAll('roles').filter((value): value is Role => roles.includes(value as Role));
  const details: UserDetails = {
    email: trimmedValueOf(form, 'email'),
    displayName: trimmedValueOf(form, 'displayName'),
    roles: roles.filter((role) => chosenRoles.includes(role)),
    deaneryId: needsDeanery(chosenRoles) ? trimmedValueOf(form, 'deaneryId') || null : null,
    gmcNumber: trimmedValueOf(form, 'gmcNumber').replace(/\s+/g, '') || null,
    profession: trimmedValueOf(form, 'profession') || null,
    password: rawValueOf(form, 'password'),
    disabled: form.get('disabled') === 'yes',
  };

  const problems: FormProblem[] = [];
  if (mode === 'create') {
    if (!details.email) {
      problems.push({ field: 'email', message: 'Enter an email address' });
    } else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(details.email)) {
      problems.push({
        field: 'email',
        message: 'Enter an email address in the right format, like name@example.nhs.uk',
      });
    }
  }
  if (!details.displayName) {
    problems.push({ field: 'displayName', message: 'Enter the full name' });
  }
  if (details.roles.length === 0) {
    problems.push({ field: 'roles', message: 'Select at least one role' });
  }
  if (needsDeanery(details.roles) && !details.deaneryId) {
    problems.push({ field: 'deaneryId', message: 'Select the deanery' });
  }
  if (details.gmcNumber && !/^\d{7}$/.test(details.gmcNumber)) {
    problems.push({ field: 'gmcNumber', message: 'GMC number must be 7 digits' });
  }
  if (details.password && details.password.length < PASSWORD_MIN_LENGTH) {
    problems.push({ field: 'password', message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  return { details, problems };
}
