// Workloads for the demo and the integration tests. Nothing here imports client.ts: these
// run in scripts and tests with their own connections, outside the app.
export * from './builders';
export { startRedisDemoScenarios, type RedisDemoScenarioOptions, type RedisDemoScenarios } from './demo-scenarios';
export { pingRedisUrl } from './ping-url';
