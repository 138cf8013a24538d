/** One decoded sample: an RGB24 picture and the time of the frame actually decoded. */
export interface Frame {
  /** Sample index, 0-based, in decoding order. */
  index: number;
  /** Presentation time in seconds of the decoded frame (not the nominal sampling time). */
  t: number;
  width: number;
  height: number;
  /** Packed RGB24, row-major, `width * height * 3` bytes. Reused buffers must be copied by whoever keeps them. */
  data: Uint8Array;
}

/** A face as the faces stage hands it on: where, how sure, how judgeable, and what it looks like. */
export interface DetectedFace {
  sample: number;
  t: number;
  box: [number, number, number, number];
  score: number;
  /** 68 landmarks [x, y] in source pixels, when computed. */
  landmarks: Float32Array | null;
  /** L2-normalised embedding (512-d), or null when the face was set aside before embedding. */
  embedding: Float32Array | null;
  /** 0..1, see faces/quality. */
  quality: number;
  /** Probability of presenting as female from this single face, or null if not judged. */
  female: number | null;
  setAside?: 'too-small' | 'low-quality' | 'not-face';
}
