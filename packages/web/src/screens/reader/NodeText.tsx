import { Popover } from 'antd';
import { memo, type ReactNode } from 'react';
import { useBilingual } from '../../i18n/i18n';
import type { Mark, Piece } from './highlight-layout';
import { MarkDetails, markSummary } from './MarkDetails';
import type { ReaderText } from './reader.messages';
import { MARK_STYLES } from './reader-marks';
import type { Outline as PlanOutline } from '@plantrack/api';

export const CURRENT_HIT_ID = 'reader-current-hit';

type Props = {
  outline: PlanOutline;
  pieces: Piece[];
  /** The search hit to scroll to and outline, by its index among the hits shown. */
  currentHit: number | null;
  t: ReaderText;
};

/** The selected node's text with its highlights; each item highlight is a tab stop with a popover. */
export const NodeText = memo(function NodeText({ outline, pieces, currentHit, t }: Props) {
  const pick = useBilingual();
  const render = (list: Piece[]): ReactNode[] =>
    list.map((piece) => {
      if (piece.type === 'text') return <span key={`t${piece.start}`}>{piece.text}</span>;
      const { mark, first, children } = piece;
      const key = `${mark.id}-${mark.start}`;
      const content = render(children);
      if (mark.kind === 'heading') {
        return (
          <strong key={key} style={MARK_STYLES.heading}>
            {content}
          </strong>
        );
      }
      if (mark.kind === 'hit')
        return <HitMark key={key} mark={mark} current={mark.ref === currentHit} content={content} />;
      return (
        <Popover
          key={key}
          trigger={['hover', 'focus']}
          content={<MarkDetails outline={outline} mark={mark} t={t} />}
        >
          <mark
            tabIndex={first ? 0 : -1}
            role="button"
            aria-label={markSummary(outline, mark, t, pick)}
            data-kind={mark.kind}
            style={{ ...MARK_STYLES[mark.kind], color: 'inherit', padding: 0, cursor: 'help' }}
          >
            {content}
          </mark>
        </Popover>
      );
    });
  return <>{render(pieces)}</>;
});

function HitMark({ mark, current, content }: { mark: Mark; current: boolean; content: ReactNode }) {
  return (
    <mark
      id={current ? CURRENT_HIT_ID : undefined}
      tabIndex={current ? -1 : undefined}
      aria-current={current ? 'true' : undefined}
      data-kind="hit"
      style={{
        ...MARK_STYLES.hit,
        color: 'inherit',
        padding: 0,
        outline: current ? '2px solid #b22222' : undefined,
      }}
      data-hit={mark.ref}
    >
      {content}
    </mark>
  );
}
