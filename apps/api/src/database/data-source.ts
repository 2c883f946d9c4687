import 'reflect-metadata';
import { DataSource } from 'typeorm';

import { typeOrmOptions } from './typeorm-options';

/** For the TypeORM command line (`npm run db:migration:generate`), which needs DATABASE_URL. */
const url = process.env['DATABASE_URL'];
if (!url) {
  throw new Error(
    'Set DATABASE_URL to generate a migration, e.g. the embedded database while `npm start` runs: ' +
      'postgres://postgres:portfolio-local@127.0.0.1:5488/portfolio',
  );
}

export default new DataSource(typeOrmOptions({ url }));
