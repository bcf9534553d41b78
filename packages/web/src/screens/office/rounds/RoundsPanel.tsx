import { Empty } from 'antd';

/** The office console's rounds tab: to be filled in. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- placeholder until the panel is built
export function RoundsPanel(props: { planId: string }) {
  return <Empty />;
}
