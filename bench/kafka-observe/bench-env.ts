// Imported first: the app's config is read on first use, so these must be set before that.
// Every handler call is a cache miss (TTL 0), which is what the benchmark measures.
process.env.KAFKA_CLUSTERS = `bench=${process.env.BENCH_KAFKA_BROKER ?? '127.0.0.1:19092'}`;
process.env.SOURCE_CACHE_TTL_MS = '0';
