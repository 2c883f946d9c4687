/**
 * Finds what may identify a patient in free text, so a trainee can be warned before a reflection
 * is kept: the Academy of Medical Royal Colleges asks that reflections be anonymised.
 * It errs towards warning; the trainee decides.
 */
export type PatientIdentifierKind = 'nhs-number' | 'date-of-birth' | 'hospital-number';

export interface PatientIdentifierMatch {
  kind: PatientIdentifierKind;
  text: string;
  index: number;
}

const nhsNumberPattern = /\b(\d{3})[ -]?(\d{3})[ -]?(\d{4})\b/g;
const dateOfBirthPattern =
  /\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\s*[:-]?\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})/gi;
const hospitalNumberPattern =
  /\b(?:(?:hospital|unit|patient|case|mrn|k)\s*(?:no\.?|number|#)?\s*[:-]?\s*([A-Z]{0,3}\d{5,9}[A-Z]?)|(?:MRN|RX|RTH|RJ\d?)[- ]?\d{6,8})\b/gi;

/** A ten-digit NHS number whose last digit is the modulus 11 check of the first nine. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) {
    return false;
  }
  const sum = [...digits.slice(0, 9)].reduce((total, digit, position) => total + Number(digit) * (10 - position), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

export function findPatientIdentifiers(text: string): PatientIdentifierMatch[] {
  const matches: PatientIdentifierMatch[] = [];
  for (const match of text.matchAll(nhsNumberPattern)) {
    if (isValidNhsNumber(`${match[1]}${match[2]}${match[3]}`)) {
      matches.push({ kind: 'nhs-number', text: match[0], index: match.index ?? 0 });
    }
  }
  for (const match of text.matchAll(dateOfBirthPattern)) {
    matches.push({ kind: 'date-of-birth', text: match[0], index: match.index ?? 0 });
  }
  for (const match of text.matchAll(hospitalNumberPattern)) {
    matches.push({ kind: 'hospital-number', text: match[0].trim(), index: match.index ?? 0 });
  }
  return matches.sort((a, b) => a.index - b.index);
}

export const patientIdentifierLabels: Record<PatientIdentifierKind, string> = {
  'nhs-number': 'an NHS number',
  'date-of-birth': 'a date of birth',
  'hospital-number': 'a hospital number',
};
