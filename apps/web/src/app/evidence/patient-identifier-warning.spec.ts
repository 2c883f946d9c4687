import { TestBed } from '@angular/core/testing';

import { textOf } from '../testing/page-harness';
import { PatientIdentifierWarning, patientIdentifierFindings } from './patient-identifier-warning';

describe('PatientIdentifierWarning', () => {
  async function render(title: string, body: string): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(PatientIdentifierWarning);
    fixture.componentRef.setInput('title', title);
    fixture.componentRef.setInput('body', body);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says nothing about an anonymised reflection', async () => {
    const element = await render('Handover on ward 7', 'A man in his 70s was moved twice overnight.');

    expect(element.querySelector('.nhsuk-card--warning')).toBeNull();
    // The live region is there already, so that the warning is announced when it appears.
    expect(element.querySelector('[aria-live="polite"]')).not.toBeNull();
  });

  it('lists each thing that may identify a patient, with where it was found', async () => {
    const element = await render(
      'Patient 943 476 5919',
      'DOB: 12/03/1950. Hospital number K1234567. The audit ran from 12/03/2025.',
    );

    expect(textOf(element, '.nhsuk-card__heading')).toEqual(['Important: This may identify a patient']);
    expect(textOf(element, 'li')).toEqual([
      '“943 476 5919” looks like an NHS number (in the title)',
      '“DOB: 12/03/1950” looks like a date of birth (in the body)',
      '“Hospital number K1234567” looks like a hospital number (in the body)',
    ]);
  });

  it('follows the text as it is typed', async () => {
    const fixture = TestBed.createComponent(PatientIdentifierWarning);
    fixture.componentRef.setInput('body', 'Saw a patient');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.nhsuk-card--warning')).toBeNull();

    fixture.componentRef.setInput('body', 'Saw a patient, NHS no 9434765919');
    await fixture.whenStable();
    expect(textOf(element, 'li')).toEqual(['“9434765919” looks like an NHS number (in the body)']);

    fixture.componentRef.setInput('body', 'Saw a patient, NHS no removed');
    await fixture.whenStable();
    expect(element.querySelector('.nhsuk-card--warning')).toBeNull();
  });

  it('does not mistake a ten-digit number that fails the NHS check for one', () => {
    expect(patientIdentifierFindings('', 'Bleep 0123456780 for help')).toEqual([]);
  });
});
