package dev.ssprkit.cab.lzx;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class LzxSmokeTest {
    @Test
    void smoke() throws Exception {
        Random r = new Random(1);
        String[] words = new String[5000];
        for (int i = 0; i < words.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0, n = 3 + r.nextInt(7); j < n; j++) sb.append((char) ('a' + r.nextInt(26)));
            words[i] = sb.toString();
        }
        StringBuilder text = new StringBuilder();
        while (text.length() < 8_000_000) text.append(words[r.nextInt(words.length)]).append(' ');
        byte[] input = text.toString().getBytes();
        for (int w : new int[] {18, 18, 18, 21, 15}) {
            long t0 = System.nanoTime();
            var frames = LzxStreams.encode(input, w, LzxEffort.NORMAL, LzxEncoder.DEFAULT_E8_TRANSLATION_SIZE);
            long t1 = System.nanoTime();
            byte[] back = LzxStreams.decode(frames, w);
            long t2 = System.nanoTime();
            System.out.printf("w=%d %d -> %d (%.3f) enc %d ms dec %d ms%n", w, input.length, LzxStreams.compressedSize(frames),
                    LzxStreams.compressedSize(frames) / (double) input.length, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            assertArrayEquals(input, back);
        }
        byte[] rnd = new byte[200_001];
        r.nextBytes(rnd);
        var frames = LzxStreams.encode(rnd, 16, LzxEffort.NORMAL, LzxEncoder.DEFAULT_E8_TRANSLATION_SIZE);
        assertArrayEquals(rnd, LzxStreams.decode(frames, 16));
        System.out.println("random " + LzxStreams.compressedSize(frames));
    }
}
