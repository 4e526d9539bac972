package dev.ssprkit.wix.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

    public static String of(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16);
            ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            sha1.update(name.getBytes(StandardCharsets.UTF_16LE));
            byte[] h = sha1.digest();
            h[6] = (byte) ((h[6] & 0x0F) | 0x50);
            h[8] = (byte) ((h[8] & 0x3F) | 0x80);
            String hex = HexFormat.of().withUpperCase().formatHex(h, 0, 16);
            return "{" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20, 32) + "}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-1", e);
        }
    }
}
