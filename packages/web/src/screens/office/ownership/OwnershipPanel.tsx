import { Empty } from 'antd';

/** The office console's ownership tab: to be filled in. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- placeholder until the panel is built
export function OwnershipPanel(props: { planId: string }) {
  return <Empty />;
}
