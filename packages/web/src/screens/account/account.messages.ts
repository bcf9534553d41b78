import { defineMessages } from '../../i18n/i18n';

/** Strings of the password change form. */
export const accountMessages = defineMessages({
  zh: {
    title: '修改密码',
    forced: '管理员重置了您的密码。请先设置一个只有您知道的新密码，然后才能继续使用系统。',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '再次输入新密码',
    required: '请填写此项',
    mismatch: '两次输入的新密码不一致',
    submit: '修改密码',
    changed: '密码已修改。其他设备上的登录已退出，API 令牌已撤销。',
    back: '返回',
    signOut: '退出登录',
  },
  en: {
    title: 'Change password',
    forced: 'An administrator reset your password. Choose a new one only you know before going on.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'New password again',
    required: 'Fill this in',
    mismatch: 'The two new passwords differ',
    submit: 'Change password',
    changed: 'Password changed. Your other sign-ins have ended and your API tokens are revoked.',
    back: 'Back',
    signOut: 'Sign out',
  },
});
