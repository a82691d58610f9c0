/** hh:mm:ss in the viewer's time zone, 24-hour, the same in every locale. */
export function formatClockTime(isoTime: string): string {
  const time = new Date(isoTime);
  return [time.getHours(), time.getMinutes(), time.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
