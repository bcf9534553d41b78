import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Menu } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { hasAnyRole, useUser } from '../auth/auth';
import { useMessages } from '../i18n/i18n';
import { appMessages } from '../i18n/app.messages';
import { SCREENS } from './routes';

/**
 * The screens the user's roles may open: a horizontal bar on wide screens; on a phone a menu
 * button that opens them in a drawer (antd's drawer keeps focus inside, closes on Escape and
 * gives focus back to the button).
 */
export function MainNavigation() {
  const t = useMessages(appMessages);
  const user = useUser();
  const location = useLocation();
  const wide = Grid.useBreakpoint().md === true;
  const [open, setOpen] = useState(false);

  const items = SCREENS.filter((s) => s.nav !== undefined)
    .filter((s) => s.roles.length === 0 || hasAnyRole(user, s.roles))
    .map((s) => ({
      key: s.path,
      label: (
        <Link
          to={s.path}
          onClick={() => {
            setOpen(false);
          }}
        >
          {t[s.nav ?? 'navPublic']}
        </Link>
      ),
    }));
  const selected = items.filter((i) => location.pathname.startsWith(i.key)).map((i) => i.key);

  if (wide) {
    return (
      <nav aria-label={t.product} style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}>
        <Menu theme="dark" mode="horizontal" selectedKeys={selected} items={items} />
      </nav>
    );
  }
  return (
    <>
      <Button
        className="pt-menu-button"
        icon={<MenuOutlined />}
        aria-label={t.openMenu}
        aria-expanded={open}
        aria-controls="pt-nav-drawer"
        onClick={() => {
          setOpen(true);
        }}
      />
      <span style={{ flex: 1 }} />
      <Drawer
        id="pt-nav-drawer"
        title={t.menu}
        placement="left"
        size={280}
        open={open}
        onClose={() => {
          setOpen(false);
        }}
        styles={{ body: { padding: 0 } }}
      >
        <nav aria-label={t.product}>
          <Menu className="pt-drawer-menu" mode="vertical" selectedKeys={selected} items={items} />
        </nav>
      </Drawer>
    </>
  );
}
