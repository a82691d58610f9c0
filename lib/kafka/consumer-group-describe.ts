import { createAPI, Writer, type Reader } from '@platformatic/kafka';

/*
 * ConsumerGroupDescribe (API key 69, KIP-848), request and response v0 and v1.
 *
 * @platformatic/kafka 1.35.0 ships `consumerGroupDescribeV0`, but its parser reads
 * SubscribedTopicNames as one string instead of an array and skips the tagged fields that end
 * each Assignment struct, so every member comes back with an empty assignment and garbage in
 * the following fields. This is the same request, with a parser that follows the schema
 * (clients/src/main/resources/common/message/ConsumerGroupDescribeResponse.json).
 */

export interface DescribedTopicPartitions {
  topicId: string;
  topicName: string;
  partitions: number[];
}

export interface DescribedConsumerGroupMember {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  subscribedTopicRegex: string | null;
  assignment: DescribedTopicPartitions[];
  targetAssignment: DescribedTopicPartitions[];
  /** v1+: 0 classic member inside a consumer group, 1 consumer member, -1 unknown (v0). */
  memberType: number;
}

export interface DescribedConsumerGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: DescribedConsumerGroupMember[];
}

export interface ConsumerGroupDescribeResponse {
  throttleTimeMs: number;
  groups: DescribedConsumerGroup[];
}

function createRequest(groupIds: string[], includeAuthorizedOperations: boolean): Writer {
  return Writer.create()
    .appendArray(groupIds, (writer, groupId) => writer.appendString(groupId), true, false)
    .appendBoolean(includeAuthorizedOperations)
    .appendTaggedFields();
}

/** Tagged fields: a count, then (tag, size, bytes) per field. Nothing here needs their content. */
function skipTaggedFields(reader: Reader): void {
  const count = reader.readUnsignedVarInt();
  for (let index = 0; index < count; index++) {
    reader.readUnsignedVarInt();
    reader.skip(reader.readUnsignedVarInt());
  }
}

function readArray<Item>(reader: Reader, readItem: (reader: Reader) => Item): Item[] {
  return reader.readArray((itemReader) => readItem(itemReader), true, false);
}

function readAssignment(reader: Reader): DescribedTopicPartitions[] {
  const topicPartitions = readArray(reader, (topicReader) => {
    const topicPartition = {
      topicId: topicReader.readUUID(),
      topicName: topicReader.readString(),
      partitions: readArray(topicReader, (partitionReader) => partitionReader.readInt32()),
    };
    skipTaggedFields(topicReader);
    return topicPartition;
  });
  skipTaggedFields(reader);
  return topicPartitions;
}

function readMember(reader: Reader, apiVersion: number): DescribedConsumerGroupMember {
  const member: DescribedConsumerGroupMember = {
    memberId: reader.readString(),
    instanceId: reader.readNullableString(),
    rackId: reader.readNullableString(),
    memberEpoch: reader.readInt32(),
    clientId: reader.readString(),
    clientHost: reader.readString(),
    subscribedTopicNames: readArray(reader, (topicReader) => topicReader.readString()),
    subscribedTopicRegex: reader.readNullableString(),
    assignment: readAssignment(reader),
    targetAssignment: readAssignment(reader),
    memberType: apiVersion >= 1 ? reader.readInt8() : -1,
  };
  skipTaggedFields(reader);
  return member;
}

function readGroup(reader: Reader, apiVersion: number): DescribedConsumerGroup {
  const group: DescribedConsumerGroup = {
    errorCode: reader.readInt16(),
    errorMessage: reader.readNullableString(),
    groupId: reader.readString(),
    groupState: reader.readString(),
    groupEpoch: reader.readInt32(),
    assignmentEpoch: reader.readInt32(),
    assignorName: reader.readString(),
    members: readArray(reader, (memberReader) => readMember(memberReader, apiVersion)),
  };
  reader.readInt32(); // authorized operations, not requested
  skipTaggedFields(reader);
  return group;
}

/** Per-group error codes stay in the answer (errorCode): the caller reports them group by group. */
function parseResponse(_correlationId: number, _apiKey: number, apiVersion: number, reader: Reader): ConsumerGroupDescribeResponse {
  return {
    throttleTimeMs: reader.readInt32(),
    groups: readArray(reader, (groupReader) => readGroup(groupReader, apiVersion)),
  };
}

type ConsumerGroupDescribeArguments = [groupIds: string[], includeAuthorizedOperations: boolean];

export const consumerGroupDescribeApis = {
  0: createAPI<ConsumerGroupDescribeArguments, ConsumerGroupDescribeResponse>(69, 0, createRequest, parseResponse),
  1: createAPI<ConsumerGroupDescribeArguments, ConsumerGroupDescribeResponse>(69, 1, createRequest, parseResponse),
};
