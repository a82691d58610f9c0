import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.kafka/**', 'data/**', 'lib/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Only the source modules may talk to Kafka and Redis.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['lib/kafka/**', 'lib/redis/**', 'scripts/**', 'tests/**', 'bench/**', 'e2e/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: '@platformatic/kafka', message: 'Only lib/kafka talks to Kafka.' },
          { name: 'kafkajs', message: 'Only lib/kafka talks to Kafka.' },
          { name: 'ioredis', message: 'Only lib/redis talks to Redis.' },
        ],
      }],
    },
  },
];

export default config;
