import { createRng, type Rng } from './random';

// Demo call recordings, synthesised rather than shipped: a UK ringback tone, then two "voices"
// taking turns (voiced syllables at a low and a higher pitch). Small (8 kHz mono 16-bit PCM,
// 3–8 s), valid WAV, so an <audio> element can play and seek them, and identical on every run.

export const RECORDING_FILES: readonly string[] = [
  'call-01.wav',
  'call-02.wav',
  'call-03.wav',
  'call-04.wav',
  'call-05.wav',
];

const SAMPLE_RATE = 8000;
const cache = new Map<string, Buffer>();

/** The WAV bytes for one of RECORDING_FILES; undefined for any other name. */
export function recordingWav(name: string): Buffer | undefined {
  const index = RECORDING_FILES.indexOf(name);
  if (index < 0) return undefined;
  let wav = cache.get(name);
  if (!wav) {
    wav = encodeWav(synthesise(createRng(0x5eed + index), 3.5 + index));
    cache.set(name, wav);
  }
  return wav;
}

function synthesise(rng: Rng, seconds: number): Float32Array {
  const samples = new Float32Array(Math.round(seconds * SAMPLE_RATE));
  const at = (s: number) => Math.round(s * SAMPLE_RATE);

  // UK ringback: 400 Hz + 450 Hz, 0.4 s on, 0.2 s off, 0.4 s on.
  for (const [start, end] of [
    [0, 0.4],
    [0.6, 1.0],
  ] as const) {
    for (let i = at(start); i < at(end); i++) {
      const t = i / SAMPLE_RATE;
      samples[i] = 0.2 * (Math.sin(2 * Math.PI * 400 * t) + Math.sin(2 * Math.PI * 450 * t));
    }
  }

  // Then turns: agent (higher pitch) and candidate (lower), syllable by syllable.
  let cursor = 1.3;
  let speaker = 0;
  while (cursor < seconds - 0.5) {
    const pitch = speaker === 0 ? rng.float(190, 230) : rng.float(110, 145);
    const turnEnd = Math.min(seconds - 0.3, cursor + rng.float(0.6, 1.6));
    while (cursor < turnEnd) {
      const length = rng.float(0.1, 0.25);
      addSyllable(samples, at(cursor), at(cursor + length), pitch * rng.float(0.92, 1.08));
      cursor += length + rng.float(0.02, 0.08);
    }
    cursor += rng.float(0.2, 0.45);
    speaker = 1 - speaker;
  }
  return samples;
}

/** A voiced sound: a fundamental with two harmonics under a smooth rise-and-fall envelope. */
function addSyllable(samples: Float32Array, from: number, to: number, pitch: number) {
  const end = Math.min(to, samples.length);
  for (let i = from; i < end; i++) {
    const t = i / SAMPLE_RATE;
    const envelope = Math.sin((Math.PI * (i - from)) / (to - from)) ** 2;
    const wave =
      Math.sin(2 * Math.PI * pitch * t) +
      0.5 * Math.sin(2 * Math.PI * 2 * pitch * t) +
      0.25 * Math.sin(2 * Math.PI * 3 * pitch * t);
    samples[i] = (samples[i] ?? 0) + 0.35 * envelope * wave;
  }
}

function encodeWav(samples: Float32Array): Buffer {
  const dataBytes = samples.length * 2;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  wav.writeUInt16LE(2, 32); // block align
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  samples.forEach((sample, i) => {
    const clipped = Math.max(-1, Math.min(1, sample));
    wav.writeInt16LE(Math.round(clipped * 32767), 44 + i * 2);
  });
  return wav;
}
