export interface MultipartPart {
  /** The form field's name (`File` for the audio upload). */
  name: string;
  fileName: string | null;
  contentType: string | null;
  data: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
/** RFC 2046 boundary characters (spaces left out: no client we know sends them). */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/;

/**
 * The boundary of a multipart body: from the Content-Type when it names one, else from the body's first line.
 * bugalert, a production client, sends a multipart body labelled `Content-Type: audio/mpeg` (requests lets an
 * explicit header win over the multipart one), so the body itself has to say where its parts begin.
 */
function boundaryOf(body: Buffer, contentType: string | undefined): string | null {
  const declared = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const fromHeader = declared?.[1] ?? declared?.[2];
  if (fromHeader && BOUNDARY.test(fromHeader)) return fromHeader;
  const firstLineEnd = body.indexOf(CRLF);
  if (body.subarray(0, 2).toString('latin1') !== '--' || firstLineEnd < 3) return null;
  const candidate = body.subarray(2, firstLineEnd).toString('latin1');
  return BOUNDARY.test(candidate) ? candidate : null;
}

function headerParameter(header: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}="([^"]*)"|;\\s*${name}=([^;\\s]*)`, 'i').exec(header);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** The parts of a `multipart/form-data` body, or null when the body is not one (or is cut short). */
export function parseMultipart(body: Buffer, contentType: string | undefined): MultipartPart[] | null {
  const boundary = boundaryOf(body, contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.concat([CRLF, delimiter]);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  if (position === -1) return null;

  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString('latin1') === '--') return parts;
    if (!body.subarray(position, position + 2).equals(CRLF)) return null;
    const headersStart = position + 2;
    const headersEnd = body.indexOf(HEADER_END, headersStart);
    if (headersEnd === -1) return null;
    const dataEnd = body.indexOf(nextDelimiter, headersEnd + HEADER_END.length);
    if (dataEnd === -1) return null;

    const headers = new Map<string, string>();
    for (const line of body.subarray(headersStart, headersEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    parts.push({
      name: headerParameter(disposition, 'name') ?? '',
      fileName: headerParameter(disposition, 'filename'),
      contentType: headers.get('content-type') ?? null,
      data: body.subarray(headersEnd + HEADER_END.length, dataEnd),
    });
    position = dataEnd + CRLF.length;
  }
}
