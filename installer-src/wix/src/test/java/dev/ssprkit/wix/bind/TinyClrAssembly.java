package dev.ssprkit.wix.bind;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A minimal .NET assembly image for tests, laid out as ECMA-335 describes one (II.25 the PE file with its CLI header,
 * II.24 the metadata root and its #~, #Strings, #GUID and #Blob streams, II.22.2 the Assembly table): a PE32 file
 * with one section holding the CLI header and metadata with a Module row and an Assembly row. It holds no code; it
 * exists so the reader is checked against the specification's layout, not against WiX's files.
 */
final class TinyClrAssembly {
    private TinyClrAssembly() {}

    static byte[] image(String name, int[] version, String culture, byte[] publicKey, String runtime, int machine, int cliFlags) {
        // #Strings: "\0" name "\0" culture "\0"
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        strings.write(0);
        int nameIndex = strings.size();
        strings.writeBytes((name + "\0").getBytes(StandardCharsets.UTF_8));
        int cultureIndex = culture.isEmpty() ? 0 : strings.size();
        if (!culture.isEmpty()) strings.writeBytes((culture + "\0").getBytes(StandardCharsets.UTF_8));
        pad(strings);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.write(0);
        int keyIndex = publicKey.length == 0 ? 0 : blob.size();
        if (publicKey.length > 0) {
            if (publicKey.length < 0x80) blob.write(publicKey.length);
            else {
                blob.write(0x80 | (publicKey.length >> 8));
                blob.write(publicKey.length & 0xFF);
            }
            blob.writeBytes(publicKey);
        }
        pad(blob);
        byte[] guid = new byte[16];
        guid[0] = 1;
        ByteBuffer tables = le(64);
        tables.putInt(0).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 1);
        tables.putLong((1L) | (1L << 0x20)).putLong(0);
        tables.putInt(1).putInt(1); // one Module row, one Assembly row
        tables.putShort((short) 0).putShort((short) nameIndex).putShort((short) 1).putShort((short) 0).putShort((short) 0); // Module
        tables.putInt(0x8004).putShort((short) version[0]).putShort((short) version[1]).putShort((short) version[2])
                .putShort((short) version[3]).putInt(publicKey.length > 0 ? 1 : 0).putShort((short) keyIndex)
                .putShort((short) nameIndex).putShort((short) cultureIndex); // Assembly
        byte[] tableBytes = java.util.Arrays.copyOf(tables.array(), (tables.position() + 3) & ~3);
        byte[][] streams = {tableBytes, strings.toByteArray(), guid, blob.toByteArray()};
        String[] names = {"#~", "#Strings", "#GUID", "#Blob"};
        byte[] runtimeBytes = java.util.Arrays.copyOf(runtime.getBytes(StandardCharsets.US_ASCII), (runtime.length() + 4) & ~3);
        int headerSize = 16 + runtimeBytes.length + 4;
        for (String n : names) headerSize += 8 + ((n.length() + 4) & ~3);
        ByteBuffer md = le(headerSize + tableBytes.length + strings.size() + guid.length + blob.size());
        md.putInt(0x424A5342).putShort((short) 1).putShort((short) 1).putInt(0).putInt(runtimeBytes.length).put(runtimeBytes);
        md.putShort((short) 0).putShort((short) names.length);
        int offset = headerSize;
        for (int i = 0; i < names.length; i++) {
            md.putInt(offset).putInt(streams[i].length).put(java.util.Arrays.copyOf(names[i].getBytes(StandardCharsets.US_ASCII), (names[i].length() + 4) & ~3));
            offset += streams[i].length;
        }
        for (byte[] s : streams) md.put(s);
        int sectionRva = 0x2000, raw = 0x200, cliSize = 72;
        byte[] section = new byte[(cliSize + md.capacity() + 0x1FF) & ~0x1FF];
        ByteBuffer cli = ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN);
        cli.putInt(cliSize).putShort((short) 2).putShort((short) 5).putInt(sectionRva + cliSize).putInt(md.capacity()).putInt(cliFlags);
        System.arraycopy(md.array(), 0, section, cliSize, md.capacity());
        ByteBuffer pe = le(raw + section.length);
        pe.putShort(0, (short) 0x5A4D).putInt(0x3C, 0x80);
        pe.putInt(0x80, 0x00004550);
        int fh = 0x84;
        pe.putShort(fh, (short) machine).putShort(fh + 2, (short) 1).putShort(fh + 16, (short) 224).putShort(fh + 18, (short) 0x2102);
        int opt = fh + 20;
        pe.putShort(opt, (short) 0x10B).putInt(opt + 92, 16);
        pe.putInt(opt + 96 + 14 * 8, sectionRva).putInt(opt + 96 + 14 * 8 + 4, cliSize);
        int sh = opt + 224;
        pe.put(sh, ".text".getBytes(StandardCharsets.US_ASCII)).putInt(sh + 8, section.length).putInt(sh + 12, sectionRva)
                .putInt(sh + 16, section.length).putInt(sh + 20, raw);
        pe.position(raw);
        pe.put(section);
        return pe.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void pad(ByteArrayOutputStream s) {
        while (s.size() % 4 != 0) s.write(0);
    }
}
