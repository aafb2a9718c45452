/**
 * What an uploaded audio file is and how long it plays, read from the file itself (docs/decisions/
 * 0042-audio-library.md): the WAV header, or every MP3 frame. Nothing trusts the file name or the declared type.
 */

export type AudioFileType = 'audio/wav' | 'audio/mpeg';

export type AudioMeasure = { ok: true; contentType: AudioFileType; seconds: number } | { ok: false; problem: 'unsupported' | 'damaged'; message: string };

const damaged = (message: string): AudioMeasure => ({ ok: false, problem: 'damaged', message });

const isWav = (data: Buffer) => data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WAVE';

/** RIFF chunks: `fmt ` gives the bytes per second, `data` the bytes of sound. */
function measureWav(data: Buffer): AudioMeasure {
  let byteRate = 0;
  let dataBytes: number | null = null;
  for (let offset = 12; offset + 8 <= data.length;) {
    const id = data.toString('latin1', offset, offset + 4);
    const declared = data.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && declared >= 16 && body + 16 <= data.length) byteRate = data.readUInt32LE(body + 8);
    if (id === 'data') {
      // Streaming writers leave the size at 0 or 0xFFFFFFFF: the sound then runs to the end of the file.
      dataBytes = declared === 0 || body + declared > data.length ? data.length - body : declared;
      break;
    }
    offset = body + declared + (declared % 2);
  }
  if (byteRate === 0) return damaged('The WAV file has no format header.');
  if (!dataBytes) return damaged('The WAV file holds no sound.');
  return { ok: true, contentType: 'audio/wav', seconds: dataBytes / byteRate };
}

// MPEG audio frame headers (ISO 11172-3, 13818-3): kbit/s by version and layer, then sample rates by version.
const BITRATES = {
  v1l1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  v1l2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2l1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  v2l23: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, readonly number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

interface MpegFrame {
  bytes: number;
  seconds: number;
}

/** The frame starting at `offset`, or null when no valid frame header is there. */
function mpegFrameAt(data: Buffer, offset: number): MpegFrame | null {
  if (offset + 4 > data.length || data[offset] !== 0xff || (data[offset + 1]! & 0xe0) !== 0xe0) return null;
  const version = (data[offset + 1]! >> 3) & 0b11;
  const layerBits = (data[offset + 1]! >> 1) & 0b11;
  const bitrateIndex = data[offset + 2]! >> 4;
  const rateIndex = (data[offset + 2]! >> 2) & 0b11;
  const padding = (data[offset + 2]! >> 1) & 1;
  const sampleRate = SAMPLE_RATES[version]?.[rateIndex];
  if (layerBits === 0 || !sampleRate || bitrateIndex === 0 || bitrateIndex === 15) return null;
  // The header counts layers backwards: bits 11 are Layer I, 10 Layer II, 01 Layer III.
  const layer = 4 - layerBits;
  const mpeg1 = version === 3;
  if (layer === 1) {
    const bitrate = (mpeg1 ? BITRATES.v1l1 : BITRATES.v2l1)[bitrateIndex]! * 1000;
    return { bytes: (Math.floor((12 * bitrate) / sampleRate) + padding) * 4, seconds: 384 / sampleRate };
  }
  const table = mpeg1 ? (layer === 2 ? BITRATES.v1l2 : BITRATES.v1l3) : BITRATES.v2l23;
  const bitrate = table[bitrateIndex]! * 1000;
  const samples = layer === 3 && !mpeg1 ? 576 : 1152;
  return { bytes: Math.floor(((samples / 8) * bitrate) / sampleRate) + padding, seconds: samples / sampleRate };
}

/** An ID3v2 tag's size (header, body and footer), 0 when the file has none. */
function id3v2Size(data: Buffer): number {
  if (data.length < 10 || data.toString('latin1', 0, 3) !== 'ID3') return 0;
  const size = ((data[6]! & 0x7f) << 21) | ((data[7]! & 0x7f) << 14) | ((data[8]! & 0x7f) << 7) | (data[9]! & 0x7f);
  const footer = (data[5]! & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

/** Walks every frame, so variable bit rates are measured as exactly as constant ones. */
function measureMp3(data: Buffer): AudioMeasure | null {
  const start = id3v2Size(data);
  const first = mpegFrameAt(data, start);
  // A whole first frame, then another or the end of the file: anything less is not MPEG audio.
  if (!first || start + first.bytes > data.length) return null;
  if (start + first.bytes < data.length && !mpegFrameAt(data, start + first.bytes)) return null;
  let seconds = 0;
  let offset = start;
  for (let frame: MpegFrame | null = first; frame && offset + frame.bytes <= data.length; frame = mpegFrameAt(data, offset)) {
    seconds += frame.seconds;
    offset += frame.bytes;
  }
  return { ok: true, contentType: 'audio/mpeg', seconds };
}

export function measureAudioFile(data: Buffer): AudioMeasure {
  if (isWav(data)) return measureWav(data);
  const mp3 = measureMp3(data);
  if (mp3) return mp3;
  return { ok: false, problem: 'unsupported', message: 'Only WAV and MP3 files can be uploaded; this file is neither.' };
}
