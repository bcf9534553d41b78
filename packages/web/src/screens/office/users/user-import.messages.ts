import { defineMessages } from '../../../i18n/i18n';

/** Strings of the bulk user import dialog. */
export const userImportMessages = defineMessages({
  zh: {
    title: '从 Excel 批量导入用户',
    steps:
      '1. 下载模板并填写（姓名、电子邮箱、部门、角色；多个角色用“、”或“,”分隔）。2. 上传后先预览，所有行无误才能导入，任何一行有错都不会导入。',
    template: '下载导入模板',
    choose: '选择 Excel 文件（.xlsx）',
    row: '行',
    name: '姓名',
    email: '电子邮箱',
    department: '部门',
    roles: '角色',
    problems: '问题',
    ok: '无误',
    summary: '共 {rows} 行，{errors} 处错误',
    fix: '请在表格中改正后重新上传；未导入任何用户。',
    confirm: '导入 {n} 位用户',
    done: '已导入 {n} 位用户。以下初始密码只显示这一次，请复制或下载后通过安全渠道交给本人。',
    password: '初始密码',
    download: '下载密码表（CSV）',
    close: '关闭',
    cancel: '取消',
  },
  en: {
    title: 'Import users from Excel',
    steps:
      '1. Download the template and fill it in (name, e-mail, department, roles; several roles separated by 、 or ,). 2. Upload it to preview; the import runs only when every row is right, and a single wrong row imports nobody.',
    template: 'Download the import template',
    choose: 'Choose an Excel file (.xlsx)',
    row: 'Row',
    name: 'Name',
    email: 'E-mail',
    department: 'Department',
    roles: 'Roles',
    problems: 'Problems',
    ok: 'OK',
    summary: '{rows} rows, {errors} errors',
    fix: 'Correct the sheet and upload it again; no user was imported.',
    confirm: 'Import {n} users',
    done: '{n} users imported. The initial passwords below are shown this once: copy or download them and hand them over by a safe channel.',
    password: 'Initial password',
    download: 'Download the passwords (CSV)',
    close: 'Close',
    cancel: 'Cancel',
  },
});
