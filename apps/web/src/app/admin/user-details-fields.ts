import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';

import {
  type DeaneryView,
  PASSWORD_MIN_LENGTH,
  type Role,
  type UserView,
  roleLabels,
  roles,
} from '@portfolio/contracts';

import { FieldErrorPipe, type FormProblem } from '../shared/form-problems';
import { TextField } from '../shared/text-field';
import { needsDeanery } from './user-details';

/** The fields shared by the add and change user forms; the form around them reads them with FormData. */
@Component({
  selector: 'app-user-details-fields',
  imports: [FieldErrorPipe, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-details-fields.html',
})
export class UserDetailsFields {
  readonly mode = input.required<'create' | 'edit'>();
  /** The user being changed; null when adding one. */
  readonly user = input<UserView | null>(null);
  readonly deaneries = input.required<readonly DeaneryView[]>();
  readonly problems = input.required<readonly FormProblem[]>();

  protected readonly roleOptions = roles.map((role) => ({ role, label: roleLabels[role] }));
  /** Follows the checkboxes, so that the deanery appears for the roles that need one. */
  protected readonly chosenRoles = linkedSignal<readonly Role[]>(() => this.user()?.roles ?? []);
  protected readonly showDeanery = computed(() => needsDeanery(this.chosenRoles()));
  protected readonly passwordHint = computed(() =>
    this.mode() === 'create'
      ? `Optional. At least ${PASSWORD_MIN_LENGTH} characters, not a common password. ` +
        'Without one, the person cannot sign in until a password is set.'
      : `Leave blank to keep the current password. A new one must be at least ${PASSWORD_MIN_LENGTH} characters; ` +
        'setting it signs the person out everywhere.',
  );

  protected roleChanged(role: Role, checked: boolean): void {
    this.chosenRoles.update((current) =>
      checked ? [...current.filter((existing) => existing !== role), role] : current.filter((r) => r !== role),
    );
  }

  protected isChecked(role: Role): boolean {
    return this.user()?.roles.includes(role) ?? false;
  }

  /** The first checkbox takes the fieldset's id, so the error summary can link to it. */
  protected checkboxId(index: number, role: Role): string {
    return index === 0 ? 'roles' : `roles-${role}`;
  }
}
