package dev.ssprkit.cab.lzx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: an LZX stream as its frames (one CFDATA payload each), encoded from and decoded to bytes. */
final class LzxStreams {
    private LzxStreams() {}

    record Frame(byte[] data, int uncompressedSize) {}

    static List<Frame> encode(byte[] input, int windowBits, LzxEffort effort, int e8Size) throws IOException {
        List<Frame> frames = new ArrayList<>();
        LzxEncoder enc = new LzxEncoder(windowBits, effort, e8Size,
                (data, length, size) -> frames.add(new Frame(Arrays.copyOf(data, length), size)));
        for (int off = 0; off < input.length; off += LzxFormat.FRAME_SIZE) {
            enc.frame(input, off, Math.min(LzxFormat.FRAME_SIZE, input.length - off));
        }
        enc.finish();
        return frames;
    }

    static byte[] decode(List<Frame> frames, int windowBits) throws IOException {
        LzxDecoder dec = new LzxDecoder(windowBits);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] frame = new byte[LzxFormat.FRAME_SIZE];
        for (Frame f : frames) {
            dec.decodeFrame(f.data(), 0, f.data().length, f.uncompressedSize(), frame, 0);
            out.write(frame, 0, f.uncompressedSize());
        }
        return out.toByteArray();
    }

    static int compressedSize(List<Frame> frames) {
        return frames.stream().mapToInt(f -> f.data().length).sum();
    }
}
