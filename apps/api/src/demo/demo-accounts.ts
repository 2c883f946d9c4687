import type { Role } from '@portfolio/contracts';

export interface DemoAccount {
  email: string;
  displayName: string;
  roles: Role[];
  profession: string | null;
  gmcNumber: string | null;
}

/** One account per role, so anyone can try every side of the product. */
export const demoAccounts: DemoAccount[] = [
  {
    email: 'trainee@demo.test',
    displayName: 'Dr Aisha Khan',
    roles: ['trainee'],
    profession: 'Doctor (FY2)',
    gmcNumber: '7654321',
  },
  {
    email: 'supervisor@demo.test',
    displayName: 'Dr Tom Evans',
    roles: ['supervisor', 'assessor'],
    profession: 'Consultant physician',
    gmcNumber: '4123456',
  },
  {
    email: 'assessor@demo.test',
    displayName: 'Sam Patel',
    roles: ['assessor'],
    profession: 'Service manager',
    gmcNumber: null,
  },
  {
    email: 'deanery@demo.test',
    displayName: 'Rachel Moore',
    roles: ['deanery_admin'],
    profession: 'Programme administrator',
    gmcNumber: null,
  },
  {
    email: 'admin@demo.test',
    displayName: 'Portfolio administrator',
    roles: ['admin'],
    profession: null,
    gmcNumber: null,
  },
];

export const demoDeanery = { code: 'NW-DEMO', name: 'North West (demo)' };
export const demoProgrammes = ['Foundation Programme', 'Core Surgical Training'];
