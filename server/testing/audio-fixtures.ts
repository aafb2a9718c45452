/** Silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz): zeroed side information decodes as silence. */
export function silentMp3(frames: number, { id3 = false } = {}): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  const tag = id3 ? Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x0a', 'latin1'), Buffer.alloc(10)]) : Buffer.alloc(0);
  return Buffer.concat([tag, ...Array.from({ length: frames }, () => frame)]);
}

/** A multipart/form-data body as Python's requests writes it: text fields, then one file part, CRLF line ends. */
export function multipartBody(
  boundary: string,
  part: { name: string; fileName: string; contentType: string; data: Buffer },
  fields: Record<string, string> = {},
): Buffer {
  return Buffer.concat([
    ...Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` + `Content-Type: ${part.contentType}\r\n\r\n`,
    ),
    part.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}
