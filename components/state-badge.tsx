const healthyStates = new Set(['Stable']);
const movingStates = new Set(['PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling']);

/** A group state exactly as Kafka names it, coloured by what it means for an operator. */
export function StateBadge({ state }: { state: string }) {
  const tone = healthyStates.has(state) ? 'ok' : movingStates.has(state) ? 'warn' : 'bad';
  return <span className={`badge ${tone}`}>{state}</span>;
}
