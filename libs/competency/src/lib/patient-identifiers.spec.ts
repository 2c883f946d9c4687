import { findPatientIdentifiers, isValidNhsNumber } from './patient-identifiers';

describe('isValidNhsNumber', () => {
  it('accepts numbers whose check digit is right and refuses others', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('4010232137')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('123456789')).toBe(false);
  });
});

describe('findPatientIdentifiers', () => {
  it('finds an NHS number written with or without spaces, but not any ten digits', () => {
    expect(findPatientIdentifiers('Saw 943 476 5919 on the ward').map((match) => match.kind)).toEqual(['nhs-number']);
    expect(findPatientIdentifiers('NHS no 9434765919.').map((match) => match.text)).toEqual(['9434765919']);
    expect(findPatientIdentifiers('Bleep 0123456780 for help')).toEqual([]);
  });

  it('finds a date of birth only where the text says it is one', () => {
    expect(findPatientIdentifiers('DOB: 12/03/1985').map((match) => match.kind)).toEqual(['date-of-birth']);
    expect(findPatientIdentifiers('the patient, born on 3rd March 1950, was').map((match) => match.kind)).toEqual([
      'date-of-birth',
    ]);
    expect(findPatientIdentifiers('The audit ran from 12/03/2025 to 12/04/2025')).toEqual([]);
  });

  it('finds hospital numbers', () => {
    expect(findPatientIdentifiers('hospital number K1234567').map((match) => match.kind)).toEqual(['hospital-number']);
    expect(findPatientIdentifiers('MRN 00123456 was wrong').map((match) => match.kind)).toEqual(['hospital-number']);
  });

  it('finds nothing in an anonymised reflection', () => {
    expect(
      findPatientIdentifiers(
        'I led the handover redesign on ward 7 in March 2026; a patient in their 80s was affected.',
      ),
    ).toEqual([]);
  });
});
