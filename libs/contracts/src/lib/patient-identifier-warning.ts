export interface PatientIdentifierWarning {
  kind: 'nhs-number' | 'date-of-birth' | 'hospital-number';
  field: 'title' | 'body';
  text: string;
}
