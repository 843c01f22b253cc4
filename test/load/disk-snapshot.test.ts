import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskSnapshot } from '../../generator/load/index.ts';

const at = (...segs: string[]) => path.join(path.sep, 'app', ...segs);

describe('DiskSnapshot', () => {
  it('forgets a changed file, everything under a changed folder, and nothing beside them', () => {
    const disk = new DiskSnapshot();
    disk.startLoad();
    for (const f of ['a.json', 'mod/x.json', 'mod/y/z.json', 'module/x.json'])
      disk.remember(at(...f.split('/')), f);
    disk.rememberListing(at(), { list: [] });
    disk.endLoad();
    disk.forget(at('mod'));
    expect(disk.text(at('mod', 'x.json'))).toBeUndefined();
    expect(disk.text(at('mod', 'y', 'z.json'))).toBeUndefined();
    expect(disk.text(at('module', 'x.json'))).toBe('module/x.json');
    expect(disk.text(at('a.json'))).toBe('a.json');
    expect(disk.listing(at())).toBeUndefined(); // a file may have appeared or gone
  });

  it('keeps the listing of its own root only, and drops texts the last load did not read', () => {
    const disk = new DiskSnapshot();
    disk.startLoad();
    disk.remember(at('a.json'), '1');
    disk.remember(at('b.json'), '2');
    disk.rememberListing(at(), { list: ['a.json'] });
    disk.endLoad();
    expect(disk.listing(at('other'))).toBeUndefined();
    disk.startLoad();
    expect(disk.text(at('a.json'))).toBe('1');
    disk.endLoad();
    expect(disk.text(at('b.json'))).toBeUndefined();
  });
});
