import { ROLE_NAMES } from '@plantrack/api';
import { ROLES } from '@plantrack/db';
import { expect, it } from 'vitest';

it('the contract names the same roles as the store, in the same order', () => {
  expect([...ROLE_NAMES]).toEqual([...ROLES]);
});
