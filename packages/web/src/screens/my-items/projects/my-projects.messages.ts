import { defineMessages } from '../../../i18n/i18n';

/** Strings of the reporter's major-project section in 我的填报. */
export const myProjectsMessages = defineMessages({
  zh: {
    heading: '重大项目',
    intro: '本部门为责任单位的重大项目，每月报送完成投资和形象进度。',
    table: '本部门负责的重大项目',
    name: '项目名称',
    month: '应报月份',
    monthText: '{year} 年 {month} 月',
    status: '状态',
    missing: '未填报',
    draft: '草稿',
    submitted: '已提交待审核',
    approved: '已通过',
    returned: '已退回',
    loadingStatus: '读取中…',
    allProjects: '查看全部重大项目',
  },
  en: {
    heading: 'Major projects',
    intro:
      'The major projects your department leads; each month it reports investment completed and progress.',
    table: 'Major projects your department leads',
    name: 'Project',
    month: 'Month due',
    monthText: '{month}/{year}',
    status: 'Status',
    missing: 'Not reported',
    draft: 'Draft',
    submitted: 'Submitted, awaiting review',
    approved: 'Approved',
    returned: 'Returned',
    loadingStatus: 'Loading…',
    allProjects: 'All major projects',
  },
});
