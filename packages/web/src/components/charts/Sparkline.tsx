import { format, useMessages } from '../../i18n/i18n';
import { chartMessages } from './chart.messages';

type Point = readonly [number, number];

/**
 * A tiny inline SVG trend (no chart library: the dashboard shows dozens and must stay light):
 * observed values as a line, the expected path dashed and the target as a horizontal rule.
 */
export function Sparkline({
  name,
  points,
  expected = [],
  target = null,
  color,
  width = 160,
  height = 40,
}: {
  name: string;
  points: readonly Point[];
  expected?: readonly Point[];
  target?: number | null;
  color: string;
  width?: number;
  height?: number;
}) {
  const t = useMessages(chartMessages);
  const all = [...points, ...expected];
  const values = all.map((p) => p[1]);
  if (target !== null) values.push(target);
  const years = all.map((p) => p[0]);
  const label = format(t.sparklineLabel, {
    name,
    points: points.length === 0 ? t.noPoints : points.map(([y, v]) => `${y}: ${v}`).join(', '),
  });
  if (values.length === 0 || years.length === 0) {
    return (
      <svg width={width} height={height} role="img" aria-label={label}>
        <line x1={0} x2={width} y1={height / 2} y2={height / 2} stroke="#d9d9d9" strokeDasharray="4 4" />
      </svg>
    );
  }
  const pad = 3;
  const [minY, maxY] = [Math.min(...values), Math.max(...values)];
  const [minX, maxX] = [Math.min(...years), Math.max(...years)];
  const x = (year: number) => pad + ((year - minX) / (maxX - minX || 1)) * (width - 2 * pad);
  const y = (value: number) => height - pad - ((value - minY) / (maxY - minY || 1)) * (height - 2 * pad);
  const path = (ps: readonly Point[]) =>
    ps.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' ');
  return (
    <svg width={width} height={height} role="img" aria-label={label}>
      {target !== null ? (
        <line x1={0} x2={width} y1={y(target)} y2={y(target)} stroke="#8c8c8c" strokeWidth={1} />
      ) : null}
      {expected.length > 1 ? (
        <polyline points={path(expected)} fill="none" stroke="#8c8c8c" strokeDasharray="3 3" />
      ) : null}
      {points.length > 1 ? (
        <polyline points={path(points)} fill="none" stroke={color} strokeWidth={2} />
      ) : null}
      {points.map(([a, b]) => (
        <circle key={a} cx={x(a)} cy={y(b)} r={2.5} fill={color} />
      ))}
    </svg>
  );
}
