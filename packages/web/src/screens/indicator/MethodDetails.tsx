import { Collapse, Descriptions, Typography } from 'antd';
import type { Assessment } from '@plantrack/api';
import { useBilingual, useMessages } from '../../i18n/i18n';
import { indicatorMessages } from './indicator.messages';

/**
 * How the status was computed — method, formula, progress ratio and the engine's full
 * explanation — folded away: people read the plain sentence; the method is one click away.
 */
export function MethodDetails({ a }: { a: Assessment }) {
  const t = useMessages(indicatorMessages);
  const pick = useBilingual();
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'method',
          label: t.methodDisclosure,
          children: (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t.method}>{pick(a.methodName)}</Descriptions.Item>
              <Descriptions.Item label={t.formula}>
                <Typography.Text style={{ fontSize: 12 }}>{pick(a.formula)}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t.progressRatio}>
                {a.progressRatio === null ? '—' : a.progressRatio.toFixed(2)}
              </Descriptions.Item>
              <Descriptions.Item label={t.directionReason}>{pick(a.direction.reason)}</Descriptions.Item>
              <Descriptions.Item label={t.fullExplanation}>{pick(a.explanation)}</Descriptions.Item>
            </Descriptions>
          ),
        },
      ]}
    />
  );
}

/** "越高越好" once; an inferred direction says so, an unknown one says what to do. */
export function useDirectionText(): (d: Assessment['direction']) => string {
  const t = useMessages(indicatorMessages);
  const pick = useBilingual();
  return (d) => {
    if (d.value === null) return pick(d.reason);
    const label = d.value === 'higher' ? t.directionHigher : t.directionLower;
    return d.source === 'inferred' ? `${label}${t.directionInferred}` : label;
  };
}
