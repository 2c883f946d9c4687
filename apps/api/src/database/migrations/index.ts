import { CreateFrameworkTables1795450000000 } from './1795450000000-CreateFrameworkTables';

/** Every migration, oldest first. The bundle cannot find them by file pattern, so they are listed. */
export const migrations = [CreateFrameworkTables1795450000000];
