package dev.ssprkit.uipreview.image;

import dev.ssprkit.msi.model.StreamData;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

/**
 * Images from Binary streams: bitmaps (BMP; PNG, GIF and JPEG too, which ImageIO reads) and icons ({@link IcoReader}).
 * Bounded: a stream larger than the limit is not read, and an image's declared size is checked before any pixel
 * memory is allocated. Every failure is an {@link ImageException} saying what is wrong; nothing else escapes.
 */
public final class Images {
    private Images() {}

    /** Reads a stream of at most {@code maxBytes}. */
    public static byte[] read(StreamData stream, long maxBytes) throws ImageException {
        long size = stream.size();
        if (size > maxBytes) throw new ImageException("the stream is " + size + " bytes, more than the " + maxBytes + " read for an image");
        try (InputStream in = stream.open()) {
            byte[] b = in.readNBytes((int) maxBytes + 1);
            if (b.length > maxBytes) throw new ImageException("the stream is larger than the " + maxBytes + " bytes read for an image");
            return b;
        } catch (IOException | RuntimeException e) {
            throw new ImageException("the stream cannot be read (" + describe(e) + ")");
        }
    }

    /**
     * Decodes a bitmap or icon. For icons, {@code wanted} is the side in pixels the control shows it at (the closest
     * image of the icon is chosen).
     */
    public static BufferedImage decode(byte[] data, int wanted, long maxPixels) throws ImageException {
        if (data.length < 4) throw new ImageException("the stream is " + data.length + " bytes, too short for an image");
        if (IcoReader.looksLikeIcon(data)) return IcoReader.read(data, wanted, maxPixels);
        if (data[0] == 'M' && data[1] == 'Z') throw new ImageException("the stream is a Windows executable; the preview does not read icons out of executables");
        if (data[0] == 'B' && data[1] == 'M') {
            checkBitmapSize(data, maxPixels);
            return decodeWithImageIo(data, maxPixels, "BMP");
        }
        return decodeWithImageIo(data, maxPixels, "image");
    }

    /**
     * The size a BMP declares, checked before ImageIO sees it (its reader validates the pixel data first and would
     * report a huge bitmap as merely damaged): BITMAPFILEHEADER is 14 bytes, then the info header's biSize, then
     * biWidth and biHeight (16-bit in a 12-byte BITMAPCOREHEADER, 32-bit otherwise; a negative height is top-down).
     */
    static void checkBitmapSize(byte[] d, long maxPixels) throws ImageException {
        if (d.length < 26) throw new ImageException("the BMP is " + d.length + " bytes, too short for its headers");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long biSize = Integer.toUnsignedLong(b.getInt(14));
        long w, h;
        if (biSize == 12) {
            w = Short.toUnsignedInt(b.getShort(18));
            h = Short.toUnsignedInt(b.getShort(20));
        } else {
            w = b.getInt(18);
            h = Math.abs((long) b.getInt(22));
        }
        if (w <= 0 || h <= 0) throw new ImageException("the BMP declares " + w + " x " + h + " pixels");
        if (w * h > maxPixels) {
            throw new ImageException("the BMP is " + w + " x " + h + " pixels, more than the " + maxPixels + " decoded");
        }
    }

    /** ImageIO, with the image's size checked before it is decoded. */
    static BufferedImage decodeWithImageIo(byte[] data, long maxPixels, String what) throws ImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw new ImageException("the stream is not an image the preview reads (BMP, ICO, PNG, GIF or JPEG)");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > maxPixels) {
                    throw new ImageException("the " + what + " is " + w + " x " + h + " pixels, more than the " + maxPixels + " decoded");
                }
                BufferedImage img = reader.read(0);
                if (img == null) throw new ImageException("the " + what + " is damaged");
                return img;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageException("the " + what + " is damaged (" + describe(e) + ")");
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "unreadable" : m;
    }
}
