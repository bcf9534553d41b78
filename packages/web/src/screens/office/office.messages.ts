import { defineMessages } from '../../i18n/i18n';

/** Strings of the planning office's console shell (each panel keeps its own strings in its folder). */
export const officeMessages = defineMessages({
  zh: {
    title: '规划办控制台',
    intro: '部门、用户、责任分工、填报轮次、参考值与阈值、操作日志：监测年度的各项设置均在此完成，全程留痕。',
    noPlan: '尚未导入规划纲要。请先在“框架校核”中上传纲要文本。',
    tabDepartments: '部门',
    tabUsers: '用户',
    tabOwnership: '责任分工',
    tabRounds: '填报轮次',
    tabReferences: '参考值与阈值',
    tabAudit: '操作日志',
  },
  en: {
    title: 'Planning office console',
    intro:
      'Departments, users, responsibilities, reporting rounds, reference values and thresholds, and the audit log: every setting of the monitoring year is made here, and every change is recorded.',
    noPlan: 'No plan outline has been imported yet. Upload one under Framework first.',
    tabDepartments: 'Departments',
    tabUsers: 'Users',
    tabOwnership: 'Responsibilities',
    tabRounds: 'Reporting rounds',
    tabReferences: 'References and thresholds',
    tabAudit: 'Audit log',
  },
});
