import { Segmented } from 'antd';
import { appMessages } from '../i18n/app.messages';
import { useLang, useMessages, type Lang } from '../i18n/i18n';

/** 中文 / EN: Chinese first, the choice remembered in this browser. */
export function LanguageSwitch() {
  const t = useMessages(appMessages);
  const { lang, setLang } = useLang();
  return (
    <Segmented<Lang>
      aria-label={t.language}
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
