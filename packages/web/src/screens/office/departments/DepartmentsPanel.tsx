import { Empty } from 'antd';

/** The office console's departments tab: to be filled in. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- placeholder until the panel is built
export function DepartmentsPanel(props: { planId: string | null }) {
  return <Empty />;
}
