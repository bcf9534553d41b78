import { describe, expect, it } from 'vitest';
import { ChangeStamps } from './change-stamps.js';

/** A stamp lookup the test answers by hand, counting how often the database was asked. */
function lookUps() {
  const pending: { resolve: (stamp: string) => void; reject: (e: Error) => void }[] = [];
  const lookUp = () =>
    new Promise<string>((resolve, reject) => {
      pending.push({ resolve, reject });
    });
  return { lookUp, pending };
}

describe('ChangeStamps', () => {
  it('asks the database once per max age, whatever the number of readers', async () => {
    let t = 0;
    const { lookUp, pending } = lookUps();
    const stamps = new ChangeStamps(lookUp, 1_000, () => t);
    const a = stamps.current();
    const b = stamps.current();
    expect(pending).toHaveLength(1);
    pending[0]!.resolve('s1');
    expect(await a).toBe('s1#0');
    expect(await b).toBe('s1#0');
    t = 999;
    expect(await stamps.current()).toBe('s1#0');
    expect(pending).toHaveLength(1);
    t = 1_000;
    const c = stamps.current();
    expect(pending).toHaveLength(2);
    pending[1]!.resolve('s2');
    expect(await c).toBe('s2#0');
  });

  it('asks again after a change, also when a lookup begun before the change answers later', async () => {
    const { lookUp, pending } = lookUps();
    const stamps = new ChangeStamps(lookUp, 60_000, () => 0);
    const before = stamps.current();
    stamps.changed();
    const after = stamps.current();
    expect(pending).toHaveLength(2);
    pending[0]!.resolve('old');
    pending[1]!.resolve('new');
    expect(await before).toBe('old#0');
    expect(await after).toBe('new#1');
    expect(await stamps.current()).toBe('new#1');
    expect(pending).toHaveLength(2);
  });

  it('does not remember a failed lookup', async () => {
    const { lookUp, pending } = lookUps();
    const stamps = new ChangeStamps(lookUp, 60_000, () => 0);
    const failed = stamps.current();
    pending[0]!.reject(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    const retried = stamps.current();
    expect(pending).toHaveLength(2);
    pending[1]!.resolve('s1');
    expect(await retried).toBe('s1#0');
  });

  it('moves after a change even when the database stamp did not (commits out of id order)', async () => {
    const stamps = new ChangeStamps(
      () => Promise.resolve('same'),
      60_000,
      () => 0,
    );
    const before = await stamps.current();
    stamps.changed();
    expect(await stamps.current()).not.toBe(before);
  });

  it('asks on every read when the max age is 0', async () => {
    let asked = 0;
    const stamps = new ChangeStamps(
      () => Promise.resolve(String(++asked)),
      0,
      () => 0,
    );
    expect(await stamps.current()).toBe('1#0');
    expect(await stamps.current()).toBe('2#0');
  });
});
