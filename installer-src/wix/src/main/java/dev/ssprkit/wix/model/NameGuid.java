package dev.ssprkit.wix.model;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * WiX's name-based GUIDs: an RFC 4122 version-5 UUID, the SHA-1 of the namespace (network byte order) followed by the
 * name as .NET encodes strings (UTF-16LE), written in braces and upper case. WiX uses one namespace per purpose
 * (component GUIDs for {@code Guid="*"}, the UpgradeCode a v4+ Package/@Id implies), so the same source gives the same
 * GUIDs here as with WiX.
 */
public final class NameGuid {
    private NameGuid() {
    }

    /** A fresh SHA-1 is a clone of this one (a provider lookup per GUID cost more than the hash of a short name). */
    private static final MessageDigest SHA1;

    static {
        try {
            SHA1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-1", e);
        }
    }

    /**
     * UTF-16LE: each char as its two bytes (String.getBytes made an encoder per call); a string with a surrogate goes
     * through the encoder, which replaces an unpaired one as .NET does.
     */
    private static byte[] utf16le(String name) {
        byte[] utf16 = new byte[name.length() * 2];
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isSurrogate(c)) return name.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
            utf16[2 * i] = (byte) c;
            utf16[2 * i + 1] = (byte) (c >>> 8);
        }
        return utf16;
    }

    public static String of(UUID namespace, String name) {
        try {
            MessageDigest sha1 = (MessageDigest) SHA1.clone();
            ByteBuffer ns = ByteBuffer.allocate(16);
            ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            sha1.update(utf16le(name));
            byte[] h = sha1.digest();
            h[6] = (byte) ((h[6] & 0x0F) | 0x50);
            h[8] = (byte) ((h[8] & 0x3F) | 0x80);
            String hex = HexFormat.of().withUpperCase().formatHex(h, 0, 16);
            return "{" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20, 32) + "}";
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the Java runtime's SHA-1 cannot be cloned", e);
        }
    }
}
