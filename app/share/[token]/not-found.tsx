// The layout already says why the link shows nothing; this only keeps Next's default 404 text away.
export default function SharedChartNotFound() {
  return null;
}
