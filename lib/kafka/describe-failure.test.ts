import { describe, expect, it } from 'vitest';
import { NetworkError, ProtocolError, TimeoutError } from '@platformatic/kafka';
import { RequestDeadlineError } from './broker-requests';
import { describeFailure, withoutAddresses } from './describe-failure';

describe('describeFailure', () => {
  it('names a timeout by the configured limit, whichever layer noticed it', () => {
    expect(describeFailure(new RequestDeadlineError(750), 750)).toBe('no answer within 750 ms');
    expect(describeFailure(new TimeoutError('Connection to kafka-1.internal:9092 timed out.'), 750)).toBe('no answer within 750 ms');
  });

  it('keeps the operating-system code of a failed connection and drops the library message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:9093'), { code: 'ECONNREFUSED' });
    const message = describeFailure(new NetworkError('Connection to 10.0.0.7:9093 failed.', { cause: refused }), 1_000);
    expect(message).toBe('connection failed (ECONNREFUSED)');
  });

  it('names Kafka errors by their protocol name', () => {
    expect(describeFailure(new ProtocolError('COORDINATOR_NOT_AVAILABLE'), 1_000)).toBe('Kafka answered COORDINATOR_NOT_AVAILABLE');
  });

  it('never passes an unknown error message through', () => {
    expect(describeFailure(new Error('sasl://user:secret@broker:9092 exploded'), 1_000)).toBe('unexpected error (Error)');
  });
});

describe('withoutAddresses', () => {
  it('removes host:port and [ipv6]:port', () => {
    expect(withoutAddresses('broker kafka-1.internal:9092 and [::1]:19092 and 10.0.0.7:1 failed'))
      .toBe('broker <address> and <address> and <address> failed');
  });
});
