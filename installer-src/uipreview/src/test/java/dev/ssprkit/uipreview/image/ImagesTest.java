package dev.ssprkit.uipreview.image;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Icons and bitmaps from Binary streams, judged by ImageMagick: it writes icons (32-bit with alpha, 4-bit with a
 * palette and an AND mask) and bitmaps (8-bit palette, 24-bit), and decodes them again to PNG; our decoding must
 * give the same pixels. Damaged or oversized streams must be refused with a reason, before anything large is
 * allocated.
 */
class ImagesTest {
    @TempDir Path dir;

    static final Path WIXUI_BITMAPS = Path.of("../wix/src/main/resources/dev/ssprkit/wix/ext/ui/bitmaps");

    private Path convert(String... args) {
        Tool.require("convert");
        Tool.run(List.of(args), dir, Map.of(), 60).assertOk();
        return dir.resolve(args[args.length - 1].replaceFirst("^[A-Z0-9]+:", ""));
    }

    /** ImageMagick's decoding of one image of a file, as a PNG read back. */
    private BufferedImage oracle(Path file, int index) throws IOException {
        Tool.run(List.of("convert", file + "[" + index + "]", "png:" + dir.resolve("oracle.png")), dir, Map.of(), 60).assertOk();
        return ImageIO.read(dir.resolve("oracle.png").toFile());
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y), a = actual.getRGB(x, y);
                if ((e >>> 24) == 0) {
                    assertEquals(0, a >>> 24, "alpha at " + x + "," + y);
                } else {
                    assertEquals(Integer.toHexString(e), Integer.toHexString(a), "pixel at " + x + "," + y);
                }
            }
        }
    }

    @Test
    @Tag("interop")
    void iconsImageMagickWritesDecodeToItsPixels() throws Exception {
        convert("convert", "-size", "32x32", "gradient:red-blue", "-alpha", "set", "-channel", "A", "-fx", "i<8?0:1", "a32.png");
        convert("convert", "-size", "16x16", "gradient:green-yellow", "a16.png");
        Path ico = convert("convert", "a16.png", "a32.png", "two.ico");
        byte[] bytes = Files.readAllBytes(ico);
        assertSamePixels(oracle(ico, 1), Images.decode(bytes, 32, 1 << 20));
        assertSamePixels(oracle(ico, 0), Images.decode(bytes, 16, 1 << 20));
        assertSamePixels(oracle(ico, 1), Images.decode(bytes, 48, 1 << 20)); // nothing that big: the largest
        Path paletted = convert("convert", "a16.png", "-colors", "16", "four.ico");
        assertSamePixels(oracle(paletted, 0), Images.decode(Files.readAllBytes(paletted), 16, 1 << 20));
    }

    @Test
    @Tag("interop")
    void theBuiltInDialogIconsDecodeAsImageMagickDecodesThem() throws Exception {
        Tool.require("convert");
        for (String name : new String[] {"exclamation.ico", "info.ico", "new.ico", "up.ico"}) {
            Path ico = WIXUI_BITMAPS.resolve(name).toAbsolutePath();
            assertSamePixels(oracle(ico, 0), Images.decode(Files.readAllBytes(ico), 32, 1 << 20)); // one image each
        }
    }

    @Test
    @Tag("interop")
    void bitmapsImageMagickWritesDecodeToItsPixels() throws Exception {
        convert("convert", "-size", "40x30", "gradient:orange-navy", "src.png");
        for (String out : new String[] {"BMP3:p8.bmp", "BMP3:t24.bmp"}) {
            Path bmp = out.startsWith("BMP3:p8")
                    ? convert("convert", "src.png", "-colors", "64", out)
                    : convert("convert", "src.png", "-type", "TrueColor", out);
            assertSamePixels(oracle(bmp, 0), Images.decode(Files.readAllBytes(bmp), 0, 1 << 20));
        }
    }

    @Test
    void damagedIconsAreRefusedWithAReason() {
        byte[] header = {0, 0, 1, 0, (byte) 0xFF, (byte) 0xFF};
        assertMessage("more than 256", () -> Images.decode(header, 32, 1 << 20));
        assertMessage("runs past", () -> Images.decode(new byte[] {0, 0, 1, 0, 2, 0, 16, 16}, 32, 1 << 20));
        assertMessage("no images", () -> Images.decode(new byte[] {0, 0, 1, 0, 0, 0}, 32, 1 << 20));
        assertMessage("outside", () -> Images.decode(icon(16, 16, 32, 40, 1_000_000), 32, 1 << 20));
        assertMessage("bits per pixel", () -> Images.decode(icon(16, 32, 7, 40, 40), 32, 1 << 20));
        assertMessage("at most 256", () -> Images.decode(icon(100_000, 200_000, 32, 40, 40), 32, 1 << 20));
        assertMessage("run past", () -> Images.decode(icon(64, 128, 32, 40, 40), 32, 1 << 20));
        assertMessage("executable", () -> Images.decode("MZ\u0090\u0000 not really".getBytes(), 32, 1 << 20));
        assertMessage("not an image", () -> Images.decode("hello, world".getBytes(), 32, 1 << 20));
    }

    @Test
    void aBitmapClaimingBillionsOfPixelsIsRefusedBeforeDecoding() {
        ByteBuffer b = ByteBuffer.allocate(54 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(70).putInt(0).putInt(54);              // BITMAPFILEHEADER
        b.putInt(40).putInt(60_000).putInt(60_000).putShort((short) 1).putShort((short) 24) // BITMAPINFOHEADER
                .putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0);
        assertMessage("60000 x 60000", () -> Images.decode(b.array(), 0, 16L << 20));
    }

    /** One ICONDIRENTRY (dwBytesInRes {@code size}) pointing at a BITMAPINFOHEADER with the given fields and no pixels. */
    static byte[] icon(int width, int height, int bitCount, int headerSize, int size) {
        int imageBytes = Math.max(headerSize, 22);
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + imageBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) 16).put((byte) 16).put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) bitCount).putInt(size).putInt(22);
        b.putInt(headerSize).putInt(width).putInt(height).putShort((short) 1).putShort((short) bitCount);
        return b.array();
    }

    static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        ImageException ex = assertThrows(ImageException.class, e);
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }

    @Test
    void streamsLargerThanTheLimitAreNotRead() {
        dev.ssprkit.msi.model.StreamData big = new dev.ssprkit.msi.model.StreamData() {
            @Override public long size() { return 1L << 40; }
            @Override public java.io.InputStream open() { throw new AssertionError("must not be opened"); }
        };
        assertMessage("more than the", () -> Images.read(big, 16 << 20));
        assertEquals(3, assertDoesNotThrowRead(dev.ssprkit.msi.model.StreamData.of(new byte[] {1, 2, 3})).length);
    }

    private static byte[] assertDoesNotThrowRead(dev.ssprkit.msi.model.StreamData s) {
        try {
            return Images.read(s, 100);
        } catch (ImageException e) {
            throw new AssertionError(e);
        }
    }
}
