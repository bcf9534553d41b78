import { OWNER_ROLE_NAMES, REFERENCE_KIND_NAMES, ROLE_NAMES } from '@plantrack/api';
import { OWNER_ROLES, REFERENCE_KINDS, ROLES } from '@plantrack/db';
import { expect, it } from 'vitest';

it('the contract names the same roles as the store, in the same order', () => {
  expect([...ROLE_NAMES]).toEqual([...ROLES]);
});

it('the contract names the same indicator owner roles and reference kinds as the store', () => {
  expect([...OWNER_ROLE_NAMES]).toEqual([...OWNER_ROLES]);
  expect([...REFERENCE_KIND_NAMES]).toEqual([...REFERENCE_KINDS]);
});
