/**
 * The major-project register (重大项目库): one project as the office's ledger keeps it. Money is in
 * 万元 throughout (the unit of the ledgers); dates are `YYYY-MM-DD` text (core reads no clock).
 */

export type ProjectLevel = '省' | '市' | '区';
export type ProjectNature = '储备' | '前期' | '新开工' | '续建' | '竣工';
export type ProjectStage = '储备' | '前期' | '在建' | '竣工' | '后评价';
export type PreparationStep = '立项' | '用地' | '规划' | '环评' | '施工许可';

export type ProjectIdentity = {
  /** 项目代码 (24 characters, from the investment approval platform); null while only 谋划/储备. */
  code: string | null;
  name: string;
  level: ProjectLevel | null;
  /** 产业, 基础设施, 社会民生, 生态环保, … (the office's own list). */
  category: string | null;
  nature: ProjectNature | null;
  /** 镇/街道/园区 from the plan's gazetteer. */
  place: string | null;
  coordinates: { lng: number; lat: number } | null;
  /** Keys of the plan measures, 专栏 items or commitments it serves. */
  serves: string[];
};

export type ProjectScope = { content: string; newCapacity: string | null };

export type FundingSource = { source: string; amountWan: number };

export type ProjectMoney = {
  totalWan: number | null;
  funding: FundingSource[];
  /** 年度计划投资 per year, 万元. */
  annualPlanWan: Record<number, number>;
};

export type PreparationMilestone = {
  step: PreparationStep;
  deadline: string | null;
  department: string | null;
  doneOn: string | null;
};

export type ProjectSchedule = {
  startYear: number | null;
  endYear: number | null;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  actualCompletion: string | null;
  /** 年度形象进度目标 per year. */
  annualMilestoneText: Record<number, string>;
  preparation: PreparationMilestone[];
};

export type ProjectResponsibility = {
  leadUnit: string | null;
  responsiblePerson: string | null;
  linkedLeader: string | null;
  owner: string | null;
  ownerContact: string | null;
};

export type IssueState = 'open' | 'resolved';

export type ProjectIssue = {
  text: string;
  department: string | null;
  deadline: string | null;
  state: IssueState;
};

export type Project = {
  identity: ProjectIdentity;
  scope: ProjectScope;
  money: ProjectMoney;
  schedule: ProjectSchedule;
  responsibility: ProjectResponsibility;
  issues: ProjectIssue[];
  stage: ProjectStage;
};
