import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useServerCall } from '../api/use-server-call';
import { ProblemAlert } from './ProblemAlert';

/**
 * A modal form whose OK sends the values to the server: the button spins while the request runs,
 * the server's problem (a name already taken, with its holder) shows under the fields and keeps
 * what was typed, and a success closes the dialog with the server's answer. The caller owns the
 * form, so it can watch a field while the user types.
 */
export function FormDialog<Fields extends object, Result>(props: {
  form: FormInstance<Fields>;
  title: string;
  okText: string;
  cancelText: string;
  initialValues: Partial<Fields>;
  send: (values: Fields) => Promise<Result>;
  onDone: (result: Result) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { busy, problem, run } = useServerCall();

  const submit = async (values: Fields) => {
    await run(async () => {
      props.onDone(await props.send(values));
    });
  };

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={props.cancelText}
      confirmLoading={busy}
      onOk={() => {
        props.form.submit();
      }}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Form<Fields>
        form={props.form}
        layout="vertical"
        requiredMark={false}
        initialValues={props.initialValues}
        onFinish={(values) => void submit(values)}
      >
        {props.children}
        <ProblemAlert problem={problem} />
      </Form>
    </Modal>
  );
}
