export function CardSkeleton({ title }: { title: string }) {
  return (
    <section className="card" aria-busy="true">
      <h2>{title}</h2>
      <div className="skeleton" />
      <div className="skeleton" />
      <div className="skeleton" style={{ width: '60%' }} />
    </section>
  );
}
