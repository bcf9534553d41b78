import { defineMessages } from '../i18n/i18n';

/** Strings of an evidence file's state and of withdrawing (department) or redacting (office) it. */
export const evidenceMessages = defineMessages({
  zh: {
    stateWithdrawn: '已撤回',
    stateRedacted: '已删除（脱敏）',
    withdrawnNote: '{who}于 {at} 撤回，不再随填报提交，也不会公开。',
    redactedNote: '{who}于 {at} 删除，文件内容已不可下载。原因：{reason}',
    byYou: '您',
    byDepartment: '填报部门或规划办',
    byOffice: '规划办',
    withdraw: '撤回',
    withdrawFile: '撤回 {name}',
    withdrawTitle: '撤回佐证材料“{name}”',
    withdrawIntro:
      '撤回后，该文件不再随本次填报提交，也不会向领导或公众展示；文件仍保留给本部门和审核人员查阅。已审核通过或正在审核的材料不能撤回。',
    withdrawReason: '撤回原因（可选）',
    confirmWithdraw: '确认撤回',
    withdrawn: '已撤回“{name}”。',
    redact: '删除文件（脱敏）',
    redactFile: '删除文件（脱敏）{name}',
    redactTitle: '删除佐证材料“{name}”（脱敏）',
    redactIntro:
      '删除后文件内容将从服务器上永久移除，任何人都不能再下载；文件名、大小、删除人和原因保留在记录和审计日志中。此操作不可撤销。',
    redactReason: '删除原因',
    redactReasonHelp: '如：含有身份证号码等个人信息。填报部门和审核人员可看到该原因。',
    redactReasonRequired: '请填写删除原因',
    confirmRedact: '确认删除',
    redacted: '已删除“{name}”。',
    cancel: '取消',
    removedListLabel: '已撤回或已删除的材料',
  },
  en: {
    stateWithdrawn: 'Withdrawn',
    stateRedacted: 'Redacted',
    withdrawnNote: 'Withdrawn by {who} on {at}; no longer submitted and never published.',
    redactedNote: 'Redacted by {who} on {at}; the content can no longer be downloaded. Reason: {reason}',
    byYou: 'you',
    byDepartment: 'the department or the planning office',
    byOffice: 'the planning office',
    withdraw: 'Withdraw',
    withdrawFile: 'Withdraw {name}',
    withdrawTitle: 'Withdraw evidence file “{name}”',
    withdrawIntro:
      'A withdrawn file is no longer part of this submission and is never shown to leaders or the public; the department and reviewers can still read it. Approved files and files under review cannot be withdrawn.',
    withdrawReason: 'Reason for withdrawing (optional)',
    confirmWithdraw: 'Withdraw',
    withdrawn: 'Withdrew “{name}”.',
    redact: 'Redact',
    redactFile: 'Redact {name}',
    redactTitle: 'Redact evidence file “{name}”',
    redactIntro:
      'Redacting removes the content from the server for good: nobody can download it again. Its name, size, who redacted it and why stay in the record and the audit log. This cannot be undone.',
    redactReason: 'Reason for redacting',
    redactReasonHelp:
      'e.g. it contains an ID-card number or other personal data. The department and reviewers see the reason.',
    redactReasonRequired: 'Give the reason for redacting',
    confirmRedact: 'Redact',
    redacted: 'Redacted “{name}”.',
    cancel: 'Cancel',
    removedListLabel: 'Withdrawn or redacted files',
  },
});

export type EvidenceText = (typeof evidenceMessages)['zh'];
