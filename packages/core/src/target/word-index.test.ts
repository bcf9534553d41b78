import { describe, expect, it } from 'vitest';
import { candidatesAt, indexByFirstChar } from './word-index.js';

describe('indexByFirstChar', () => {
  const index = indexByFirstChar(['高于', '不低于', '低于', '高', '不超过'], (w) => w);

  it('offers the words that may start a string, in list order', () => {
    expect(candidatesAt(index, '不超过5%')).toEqual(['不低于', '不超过']);
    expect(candidatesAt(index, '高于全市')).toEqual(['高于', '高']);
  });

  it('offers nothing for a string no word can start, or an empty one', () => {
    expect(candidatesAt(index, '达到50')).toEqual([]);
    expect(candidatesAt(index, '')).toEqual([]);
  });
});
