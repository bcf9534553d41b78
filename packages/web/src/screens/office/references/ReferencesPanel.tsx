import { Empty } from 'antd';

/** The office console's references tab: to be filled in. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- placeholder until the panel is built
export function ReferencesPanel(props: { planId: string }) {
  return <Empty />;
}
