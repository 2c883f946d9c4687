import { Pipe, type PipeTransform } from '@angular/core';

import { SERVICE_PROBLEM_MESSAGE, apiErrorBody, fieldErrorsOf, statusOf } from './api-errors';

/**
 * One thing wrong with a form, as the error summary lists it. `field` is the id of the input
 * it is about (the summary links there and the field shows the message too), or null for a
 * problem with the form as a whole.
 */
export interface FormProblem {
  field: string | null;
  message: string;
}

/** The message to show beside a field, if any: `problems() | fieldError: 'email'`. */
@Pipe({ name: 'fieldError' })
export class FieldErrorPipe implements PipeTransform {
  transform(problems: readonly FormProblem[], field: string): string | null {
    return problems.find((problem) => problem.field === field)?.message ?? null;
  }
}

/**
 * What went wrong with a submitted form: the API's field errors, on the form's fields where it
 * has them, otherwise the API's message, otherwise an apology for a failure that is not the
 * user's. `formFields` names the API fields the form has: a list when the inputs' ids are the
 * API's field names, or a map from API field to input id.
 */
export function problemsFromApi(
  error: unknown,
  formFields: readonly string[] | Readonly<Record<string, string>>,
): FormProblem[] {
  const inputIdOf = (field: string): string | null => {
    if (isFieldList(formFields)) {
      return formFields.includes(field) ? field : null;
    }
    return formFields[field] ?? null;
  };
  const fieldErrors = fieldErrorsOf(error);
  if (fieldErrors.length > 0) {
    return fieldErrors.map((fieldError) => ({ field: inputIdOf(fieldError.field), message: fieldError.message }));
  }
  const status = statusOf(error);
  const body = apiErrorBody(error);
  if (body && status !== null && status >= 400 && status < 500) {
    return [{ field: null, message: body.message }];
  }
  return [{ field: null, message: SERVICE_PROBLEM_MESSAGE }];
}

function isFieldList(fields: readonly string[] | Readonly<Record<string, string>>): fields is readonly string[] {
  return Array.isArray(fields);
}

/** The text of a form field as typed, '' when it is missing. Passwords are read this way. */
export function rawValueOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The text of a form field without surrounding spaces. */
export function trimmedValueOf(form: FormData, name: string): string {
  return rawValueOf(form, name).trim();
}

/** The form that raised a submit event, read as FormData. */
export function submittedForm(event: Event): FormData {
  event.preventDefault();
  return new FormData(event.target as HTMLFormElement);
}
