import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/i18n';
import { chartMessages } from './chart.messages';

/**
 * An ECharts chart, loaded on first use (the library is a lazy chunk, not part of the first page).
 * The chart is an image for screen readers (`role="img"` with `label`); every chart must have a
 * table alternative next to it with the same numbers.
 */
export function EChart({
  option,
  label,
  height = 320,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
}) {
  const t = useMessages(chartMessages);
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    import('./echarts-setup').then(
      ({ echarts }) => {
        if (disposed || container.current === null) return;
        chart.current = echarts.init(container.current, null, { renderer: 'svg' });
        chart.current.setOption(option);
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(container.current);
      },
      () => {
        if (!disposed) setFailed(true);
      },
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is created once; option changes are applied by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  if (failed) return <p role="status">{t.chartFailed}</p>;
  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
