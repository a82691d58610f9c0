import { CardSkeleton } from '@/components/card-skeleton';

export default function AlertsLoading() {
  return (<><h1>Alerts</h1><CardSkeleton title="Alerts" /></>);
}
