import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './is-database-unavailable';

// Shapes copied from real errors: Prisma 7 with @prisma/adapter-pg against a closed port, pg's own
// errors while PostgreSQL stops, node socket errors, PGlite after close.
const prismaUnreachable = Object.assign(new Error("Invalid `prisma.user.findFirst()` invocation: Can't reach database server at 127.0.0.1:5499"), {
  name: 'PrismaClientKnownRequestError',
  code: 'P1001',
  meta: { modelName: 'User', driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5499 } } },
});
const prismaRawUnreachable = Object.assign(new Error('Raw query failed. Code: `N/A`.'), {
  code: 'P2010',
  meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5499 } } },
});
const prismaAdminShutdown = Object.assign(new Error('Raw query failed'), {
  code: 'P2010',
  meta: { driverAdapterError: { cause: { kind: 'postgres', code: '57P01', message: 'terminating connection due to administrator command' } } },
});

describe('isDatabaseUnavailable', () => {
  it.each([
    ['Prisma P1001 (adapter-pg, server down)', prismaUnreachable],
    ['a raw query whose adapter could not connect', prismaRawUnreachable],
    ['PostgreSQL shutting down under a query (57P01)', prismaAdminShutdown],
    ['pg refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5441'), { code: 'ECONNREFUSED' })],
    ['every address refused', new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], '')],
    ['pg connection dropped', new Error('Connection terminated unexpectedly')],
    ['pg pool timeout', new Error('timeout exceeded when trying to connect')],
    ['server starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection exception class 08', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['PGlite closed', new Error('PGlite is closed')],
    ['wrapped in a cause', new Error('snapshot failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) })],
  ])('recognises %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique constraint violation', Object.assign(new Error('Unique constraint failed'), { code: 'P2002' })],
    ['a syntax error in SQL', Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a non-error value', 'ECONNREFUSED'],
    ['null', null],
    ['a Kafka outage (not the database)', Object.assign(new Error('Kafka cluster unreachable'), { code: 'PLT_KFK_NETWORK' })],
  ])('does not take %s for an outage', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
