import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

import { isDatabaseUnavailable } from './database-errors';

const driverError = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', driverError('ECONNREFUSED')],
    ['a server shutting down', driverError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', driverError('57P03', 'the database system is starting up')],
    ['a connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a connection ended mid-query', new Error('Connection terminated unexpectedly')],
    ['a client whose connection failed', new Error('Client has encountered a connection error and is not queryable')],
    ['a query failed for its connection', new QueryFailedError('SELECT 1', [], driverError('57P01'))],
    ['one of several connection attempts', new AggregateError([driverError('ECONNREFUSED')])],
    ['a transaction whose connection was released', new QueryRunnerAlreadyReleasedError()],
    ['a manager whose connection was released', new QueryRunnerProviderAlreadyReleasedError()],
  ])('says yes for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], driverError('23505', 'duplicate key'))],
    ['a syntax error', driverError('42601', 'syntax error')],
    ['a plain error', new Error('something else')],
    ['not an error at all', 'ECONNREFUSED'],
    ['nothing', null],
  ])('says no for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
