import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { crc32, writeZip } from '../../../extension/zip.js';

/** Reads a ZIP back through its central directory (the way unzip tools do). */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    assert.equal(crc32(data), crc, `${name}: checksum`);
    files.set(name, data);
    at += 46 + nameLength;
  }
  return files;
}

test('crc32 matches the standard check value', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});

test('a written zip reads back to the same files, compressed where it helps', () => {
  const text = Buffer.from('{"manifest_version":3}\n'.repeat(200));
  const random = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256));
  const zip = writeZip([
    { name: 'manifest.json', data: text },
    { name: 'icons/icon-16.png', data: random },
    { name: 'empty.txt', data: new Uint8Array() },
  ]);
  const files = readZip(zip);
  assert.deepEqual([...files.keys()], ['manifest.json', 'icons/icon-16.png', 'empty.txt']);
  assert.deepEqual(files.get('manifest.json'), text);
  assert.deepEqual(files.get('icons/icon-16.png'), random);
  assert.equal(files.get('empty.txt')?.length, 0);
  assert.ok(zip.length < text.length, 'the repetitive file was deflated');
});

test('the same files give the same bytes', () => {
  const entries = [{ name: 'a.txt', data: Buffer.from('hello') }];
  assert.deepEqual(writeZip(entries), writeZip(entries));
});
