import type { Role } from '@portfolio/contracts';

export interface DemoAccount {
  email: string;
  displayName: string;
  roles: Role[];
  profession: string | null;
  gmcNumber: string | null;
  /**
   * The authenticator secret (base32, TOTP SHA-1, 6 digits, 30 s) the account is seeded with, for
   * roles that must use one. Published on purpose: demo data only, never seeded in production.
   */
  authenticatorSecret: string | null;
}

/** One account per role, so anyone can try every side of the product. */
export const demoAccounts: DemoAccount[] = [
  {
    email: 'trainee@demo.test',
    displayName: 'Dr Aisha Khan',
    roles: ['trainee'],
    profession: 'Doctor (FY2)',
    gmcNumber: '7654321',
    authenticatorSecret: null,
  },
  {
    email: 'supervisor@demo.test',
    displayName: 'Dr Tom Evans',
    roles: ['supervisor', 'assessor'],
    profession: 'Consultant physician',
    gmcNumber: '4123456',
    authenticatorSecret: 'DEMOSUPERVISORTOTPSECRETKEYTWO22',
  },
  {
    email: 'assessor@demo.test',
    displayName: 'Sam Patel',
    roles: ['assessor'],
    profession: 'Service manager',
    gmcNumber: null,
    authenticatorSecret: null,
  },
  {
    email: 'deanery@demo.test',
    displayName: 'Rachel Moore',
    roles: ['deanery_admin'],
    profession: 'Programme administrator',
    gmcNumber: null,
    authenticatorSecret: 'DEMODEANERYADMINTOTPSECRETKEY234',
  },
  {
    email: 'admin@demo.test',
    displayName: 'Portfolio administrator',
    roles: ['admin'],
    profession: null,
    gmcNumber: null,
    authenticatorSecret: 'DEMOADMINISTRATORTOTPSECRETKEY23',
  },
];

export const demoDeanery = { code: 'NW-DEMO', name: 'North West (demo)' };
export const demoProgrammes = ['Foundation Programme', 'Core Surgical Training'];
