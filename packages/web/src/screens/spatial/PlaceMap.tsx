import type { KeyboardEvent } from 'react';
import { format, useMessages } from '../../i18n/i18n';
import type { Region } from './spatial-model';
import { spatialMessages } from './spatial.messages';

const CELL_W = 140;
const CELL_H = 84;
const HEADER = 40;
const GAP = 20;
const CITY_COLUMNS = 3;
const OTHER_COLUMNS = 6;
const WIDTH = CELL_W * OTHER_COLUMNS + GAP * 2;

type Box = { region: Region; x: number; y: number; w: number; h: number; columns: number };

/** Cities two by two in the plan's order, then the other places across the full width. */
function layout(regions: readonly Region[]): { boxes: Box[]; height: number } {
  const boxes: Box[] = [];
  let y = 0;
  const cities = regions.filter((r) => r.city !== null);
  for (let i = 0; i < cities.length; i += 2) {
    const pair = cities.slice(i, i + 2);
    const rows = Math.max(...pair.map((r) => Math.max(1, Math.ceil(r.members.length / CITY_COLUMNS))));
    const h = HEADER + rows * CELL_H;
    pair.forEach((region, n) => {
      boxes.push({
        region,
        x: n * (CELL_W * CITY_COLUMNS + GAP),
        y,
        w: CELL_W * CITY_COLUMNS,
        h,
        columns: CITY_COLUMNS,
      });
    });
    y += h + GAP;
  }
  for (const region of regions.filter((r) => r.city === null)) {
    const h = HEADER + Math.ceil(region.members.length / OTHER_COLUMNS) * CELL_H;
    boxes.push({ region, x: 0, y, w: WIDTH, h, columns: OTHER_COLUMNS });
    y += h + GAP;
  }
  return { boxes, height: Math.max(y - GAP, 1) };
}

/**
 * The spatial layout as an SVG schematic (no map tiles): a box per city with its towns and parks
 * as circles sized by how many items name them, and how many major projects each holds. Every city
 * and place is a focusable button.
 */
export function PlaceMap({
  regions,
  placeCount,
  projectCount,
  selected,
  onSelect,
}: {
  regions: readonly Region[];
  placeCount: number;
  /** Major projects located at a city (with its members) or place. */
  projectCount: (name: string) => number;
  selected: string | null;
  onSelect: (name: string) => void;
}) {
  const t = useMessages(spatialMessages);
  const { boxes, height } = layout(regions);
  const activate = (name: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(name);
    }
  };
  const cityCount = regions.filter((r) => r.city !== null).length;
  return (
    <svg
      viewBox={`-2 -2 ${WIDTH + 4} ${height + 4}`}
      style={{ width: '100%', maxWidth: WIDTH, height: 'auto', display: 'block' }}
      role="group"
      aria-label={format(t.mapLabel, { n: cityCount, p: placeCount })}
    >
      <style>{`.place-node:focus { outline: none; } .place-node:focus-visible .focus-ring { stroke: #1f4e99; stroke-width: 3; stroke-dasharray: none; }`}</style>
      {boxes.map(({ region, x, y, w, h, columns }) => {
        const isSelected = selected === region.name;
        const regionProjects = projectCount(region.name);
        const regionName =
          regionProjects === 0
            ? format(t.regionLabel, { name: region.name, n: region.items.length })
            : format(t.regionProjectsLabel, { name: region.name, n: region.items.length, p: regionProjects });
        return (
          <g key={region.name}>
            <g
              className="place-node"
              tabIndex={0}
              role="button"
              aria-pressed={isSelected}
              aria-label={regionName}
              onClick={() => {
                onSelect(region.name);
              }}
              onKeyDown={activate(region.name)}
              style={{ cursor: 'pointer' }}
            >
              <rect
                className="focus-ring"
                x={x}
                y={y}
                width={w}
                height={h}
                rx={12}
                fill={region.city === null ? '#fafafa' : '#f3f7fc'}
                stroke={isSelected ? '#b22222' : '#8c8c8c'}
                strokeWidth={isSelected ? 3 : 1}
                strokeDasharray={region.city === null ? '6 4' : undefined}
              />
              <text x={x + 12} y={y + 26} fontSize={16} fontWeight={600} fill="#1f1f1f">
                {region.name}（{region.items.length}）
                {/* In the same text as the name: what is shown starts the announced name (WCAG 2.5.3). */}
                {regionProjects === 0 ? null : (
                  <tspan dx={12} fontSize={13} fontWeight={400}>
                    {format(t.projectsShort, { n: regionProjects })}
                  </tspan>
                )}
              </text>
            </g>
            {region.members.map((place, n) => {
              const cx = x + (n % columns) * CELL_W + CELL_W / 2;
              const cy = y + HEADER + Math.floor(n / columns) * CELL_H + 26;
              const r = 8 + Math.min(place.items.length, 12);
              const placeSelected = selected === place.name;
              const placeProjects = projectCount(place.name);
              return (
                <g
                  key={place.name}
                  className="place-node"
                  tabIndex={0}
                  role="button"
                  aria-pressed={placeSelected}
                  onClick={() => {
                    onSelect(place.name);
                  }}
                  onKeyDown={activate(place.name)}
                  style={{ cursor: 'pointer' }}
                >
                  <circle
                    className="focus-ring"
                    cx={cx}
                    cy={cy}
                    r={r}
                    fill={place.items.length === 0 ? '#d9d9d9' : '#1565c0'}
                    stroke={placeSelected ? '#b22222' : '#ffffff'}
                    strokeWidth={placeSelected ? 3 : 1}
                  />
                  {/* The name, then the count: what is shown is what is announced (WCAG 2.5.3). */}
                  <text x={cx} y={cy + r + 16} fontSize={12} textAnchor="middle" fill="#262626">
                    {place.name.length > 10 ? `${place.name.slice(0, 9)}…` : place.name}
                  </text>
                  <text
                    x={cx}
                    y={cy + 4}
                    fontSize={11}
                    textAnchor="middle"
                    fill={place.items.length === 0 ? '#262626' : '#ffffff'}
                  >
                    {place.items.length}
                  </text>
                  {placeProjects === 0 ? null : (
                    <text x={cx} y={cy + r + 30} fontSize={11} textAnchor="middle" fill="#262626">
                      {format(t.projectsShort, { n: placeProjects })}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
