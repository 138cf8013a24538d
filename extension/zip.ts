/**
 * A tiny ZIP writer (deflate, no extra fields), enough to package the extension for the stores
 * without a dependency. Entries keep a fixed date, so the same files give the same bytes.
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Uint8Array;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** 1980-01-01 00:00 in DOS time: the earliest a ZIP can say, and the same on every build. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const isStored = deflated.length >= entry.data.length;
    const body = isStored ? Buffer.from(entry.data) : deflated;
    const crc = crc32(entry.data);
    const fields = { method: isStored ? 0 : 8, crc, compressed: body.length, size: entry.data.length };

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, fields, name.length);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: version 2.0
    writeCommon(central, 6, fields, name.length);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The fields the local header and the central directory share, from "version needed" on. */
function writeCommon(buffer: Buffer, at: number, f: { method: number; crc: number; compressed: number; size: number }, nameLength: number): void {
  buffer.writeUInt16LE(20, at); // version needed: 2.0
  buffer.writeUInt16LE(0x0800, at + 2); // flags: names are UTF-8
  buffer.writeUInt16LE(f.method, at + 4);
  buffer.writeUInt16LE(DOS_TIME, at + 6);
  buffer.writeUInt16LE(DOS_DATE, at + 8);
  buffer.writeUInt32LE(f.crc, at + 10);
  buffer.writeUInt32LE(f.compressed, at + 14);
  buffer.writeUInt32LE(f.size, at + 18);
  buffer.writeUInt16LE(nameLength, at + 22);
}
