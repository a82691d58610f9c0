// The five consumer views, one per endpoint (one function per file); pages and routes may import
// them from here.
export { getGroupList } from './get-group-list';
export { getGroupDetail } from './get-group-detail';
export { getGroupHealth } from './get-group-health';
export { getTopicConsumers } from './get-topic-consumers';
export { getTopicDetail } from './get-topic-detail';
