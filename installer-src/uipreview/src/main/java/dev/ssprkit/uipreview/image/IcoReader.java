package dev.ssprkit.uipreview.image;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Icon files (.ico, and .cur, which share the layout), read by hand with every offset and size checked against the
 * file: an ICONDIR (idReserved 0, idType 1 or 2, idCount) followed by idCount ICONDIRENTRY records (bWidth,
 * bHeight, bColorCount, bReserved, wPlanes, wBitCount, dwBytesInRes, dwImageOffset), each pointing at either a PNG
 * or a DIB: a BITMAPINFOHEADER whose biHeight counts the XOR image and the AND mask, the palette, the XOR rows
 * bottom-up and then the 1-bit AND mask. Field names are those of the Windows SDK's icon format description.
 */
public final class IcoReader {
    static final int MAX_ENTRIES = 256;
    static final int MAX_SIDE = 256;

    private IcoReader() {}

    /** Whether the bytes start like an icon or cursor directory. */
    public static boolean looksLikeIcon(byte[] b) {
        return b.length >= 6 && b[0] == 0 && b[1] == 0 && (b[2] == 1 || b[2] == 2) && b[3] == 0;
    }

    /** The entry that best fits {@code wanted} pixels (the smallest at least that big, else the largest; most colours first), decoded. */
    public static BufferedImage read(byte[] file, int wanted, long maxPixels) throws ImageException {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (!looksLikeIcon(file)) throw new ImageException("not an icon (the ICONDIR header is wrong)");
        int idCount = Short.toUnsignedInt(b.getShort(4));
        if (idCount == 0) throw new ImageException("the icon holds no images (idCount 0)");
        if (idCount > MAX_ENTRIES) throw new ImageException("the icon claims " + idCount + " images, more than " + MAX_ENTRIES);
        if (6L + 16L * idCount > file.length) throw new ImageException("the icon's directory (" + idCount + " entries) runs past its " + file.length + " bytes");
        int best = -1, bestSide = 0, bestBits = 0;
        for (int i = 0; i < idCount; i++) {
            int e = 6 + 16 * i;
            int side = Math.max(width(file[e]), width(file[e + 1]));
            int bits = Short.toUnsignedInt(b.getShort(e + 6));
            if (best < 0 || better(side, bits, bestSide, bestBits, wanted)) {
                best = i;
                bestSide = side;
                bestBits = bits;
            }
        }
        int e = 6 + 16 * best;
        long size = Integer.toUnsignedLong(b.getInt(e + 8));
        long offset = Integer.toUnsignedLong(b.getInt(e + 12));
        if (offset + size > file.length || size < 8) {
            throw new ImageException("icon image " + (best + 1) + " (dwImageOffset " + offset + ", dwBytesInRes " + size + ") lies outside the " + file.length + "-byte file");
        }
        byte[] data = new byte[(int) size];
        System.arraycopy(file, (int) offset, data, 0, (int) size);
        if (data[0] == (byte) 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') return Images.decodeWithImageIo(data, maxPixels, "PNG icon image");
        return dib(data);
    }

    private static int width(byte b) {
        int w = Byte.toUnsignedInt(b);
        return w == 0 ? 256 : w;
    }

    private static boolean better(int side, int bits, int bestSide, int bestBits, int wanted) {
        boolean fits = side >= wanted, bestFits = bestSide >= wanted;
        if (fits != bestFits) return fits;
        if (side != bestSide) return fits ? side < bestSide : side > bestSide;
        return bits > bestBits;
    }

    /** A DIB icon image: BITMAPINFOHEADER, palette, XOR bitmap, AND mask. */
    static BufferedImage dib(byte[] d) throws ImageException {
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        if (d.length < 40) throw new ImageException("the icon image is too short for a BITMAPINFOHEADER");
        long biSize = Integer.toUnsignedLong(b.getInt(0));
        int biWidth = b.getInt(4), biHeight = b.getInt(8);
        int biBitCount = Short.toUnsignedInt(b.getShort(14));
        int biCompression = b.getInt(16);
        long biClrUsed = Integer.toUnsignedLong(b.getInt(32));
        if (biSize < 40 || biSize > d.length) throw new ImageException("the icon image's biSize " + biSize + " is wrong");
        if (biWidth <= 0 || biWidth > MAX_SIDE || biHeight <= 0 || biHeight / 2 > MAX_SIDE || biHeight % 2 != 0) {
            throw new ImageException("the icon image is " + biWidth + " x " + biHeight + " (biHeight counts the mask twice; at most " + MAX_SIDE + " each way)");
        }
        if (biCompression != 0 && !(biCompression == 3 && biBitCount == 32)) throw new ImageException("the icon image is compressed (biCompression " + biCompression + "), which icons are not");
        if (biBitCount != 1 && biBitCount != 4 && biBitCount != 8 && biBitCount != 24 && biBitCount != 32) {
            throw new ImageException("the icon image has " + biBitCount + " bits per pixel (1, 4, 8, 24 or 32 expected)");
        }
        int w = biWidth, h = biHeight / 2;
        int colors = biBitCount <= 8 ? (biClrUsed == 0 || biClrUsed > (1L << biBitCount) ? 1 << biBitCount : (int) biClrUsed) : 0;
        long palette = biSize + (biCompression == 3 ? 12 : 0);
        long xor = palette + 4L * colors;
        long xorStride = ((long) w * biBitCount + 31) / 32 * 4;
        long and = xor + xorStride * h;
        long andStride = ((long) w + 31) / 32 * 4;
        boolean hasMask = and + andStride * h <= d.length;
        if (and > d.length) throw new ImageException("the icon image's pixels run past its " + d.length + " bytes");
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        boolean anyAlpha = false;
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            int row = (int) (xor + xorStride * (h - 1 - y));
            for (int x = 0; x < w; x++) {
                int c;
                switch (biBitCount) {
                    case 32 -> {
                        int p = row + 4 * x;
                        c = (d[p + 3] & 0xFF) << 24 | (d[p + 2] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | d[p] & 0xFF;
                        anyAlpha |= (c >>> 24) != 0;
                    }
                    case 24 -> {
                        int p = row + 3 * x;
                        c = 0xFF000000 | (d[p + 2] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | d[p] & 0xFF;
                    }
                    default -> {
                        int bitPos = x * biBitCount;
                        int v = (d[row + bitPos / 8] & 0xFF) >> (8 - biBitCount - bitPos % 8) & ((1 << biBitCount) - 1);
                        c = v < colors ? paletteColor(d, (int) palette + 4 * v) : 0xFF000000;
                    }
                }
                argb[y * w + x] = c;
            }
        }
        if (biBitCount != 32 || !anyAlpha) {
            for (int y = 0; y < h; y++) {
                int row = (int) (and + andStride * (h - 1 - y));
                for (int x = 0; x < w; x++) {
                    boolean transparent = hasMask && (d[row + x / 8] >> (7 - x % 8) & 1) != 0;
                    argb[y * w + x] = transparent ? 0 : argb[y * w + x] | 0xFF000000;
                }
            }
        }
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    private static int paletteColor(byte[] d, int p) {
        if (p + 3 > d.length) return 0xFF000000;
        return 0xFF000000 | (d[p + 2] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | d[p] & 0xFF;
    }
}
