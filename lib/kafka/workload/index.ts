// Workload builders for the demo script and the integration tests. They create their own
// clients and never import ../client (server-only).
export { ensureTopics, commitOffsetsWithoutMembers, type TopicSpecification, type CommittedOffsetSpecification } from './topics';
export {
  commitOffsetsForGroups,
  deleteConsumerGroups,
  deleteRecordsBefore,
  deleteTopics,
  type GroupOffsetsSpecification,
} from './bulk-admin';
export { produceMessages, startProducerLoop, type ProducerLoop } from './producer-loop';
export { startConsumerMember, type ConsumerMember, type ConsumerMemberOptions, type GroupProtocol } from './consumer-member';
export {
  startConsumerProtocolGroup,
  startHealthyGroup,
  startSlowGroup,
  startStoppedGroup,
  startUnfairGroup,
  type GroupScenarioOptions,
  type RunningGroup,
  type RunningScenario,
} from './scenarios';
export { startKafkaDemoScenarios, type KafkaDemoOptions } from './demo-scenarios';
