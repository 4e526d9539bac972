package dev.ssprkit.intune;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The encrypted file ({@code Contents/IntunePackage.intunewin}) written as a stream: {@code HMAC(32) || IV(16) ||
 * AES-256-CBC(PKCS#7)(plaintext)}, the HMAC-SHA256 (mac key) over IV and ciphertext, and SHA-256 over the plaintext.
 * The plaintext goes in through {@link #plaintext()}; nothing is held in memory beyond one cipher block; the MAC,
 * known only at the end, is written into the 32 bytes reserved at the start of the file by {@link #finish()}.
 */
final class ContentEncryptor {
    private static final int BUFFER = 1 << 20;

    private final FileChannel file;
    private final byte[] key = new byte[32], macKey = new byte[32], iv = new byte[16];
    private final Cipher cipher;
    private final Mac mac;
    private final MessageDigest plainDigest;
    private final byte[] out = new byte[BUFFER + 32];
    private final ByteBuffer pending = ByteBuffer.allocate(BUFFER + 64);
    private long plainBytes, fileBytes;
    private boolean finished;

    ContentEncryptor(FileChannel file, SecureRandom random) throws IOException {
        this.file = file;
        random.nextBytes(key);
        random.nextBytes(macKey);
        random.nextBytes(iv);
        try {
            cipher = Cipher.getInstance("AES/CBC/PKCS5Padding"); // PKCS#5 padding is PKCS#7 for 16-byte blocks in the JDK
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            plainDigest = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/CBC, HmacSHA256 or SHA-256", e);
        }
        file.position(0);
        writeRaw(new byte[32], 0, 32); // room for the MAC
        writeRaw(iv, 0, 16);
        mac.update(iv);
    }

    /** The stream the inner package is written into. Closing it does not finish the file. */
    OutputStream plaintext() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    int n = Math.min(len, BUFFER);
                    plainDigest.update(b, off, n);
                    plainBytes += n;
                    int produced;
                    try {
                        produced = cipher.update(b, off, n, out, 0);
                    } catch (GeneralSecurityException e) {
                        throw new IOException("AES encryption failed", e);
                    }
                    cipherText(produced);
                    off += n;
                    len -= n;
                }
            }
        };
    }

    private void cipherText(int produced) throws IOException {
        mac.update(out, 0, produced);
        writeRaw(out, 0, produced);
    }

    private void writeRaw(byte[] b, int off, int len) throws IOException {
        if (pending.remaining() < len) flush();
        if (len > pending.capacity()) {
            file.write(ByteBuffer.wrap(b, off, len));
        } else {
            pending.put(b, off, len);
        }
        fileBytes += len;
    }

    private void flush() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) file.write(pending);
        pending.clear();
    }

    /** Pads, writes the last block and the MAC; returns what Detection.xml needs. */
    EncryptionInfo finish() throws IOException {
        if (finished) throw new IllegalStateException("already finished");
        finished = true;
        int produced;
        try {
            produced = cipher.doFinal(out, 0);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES encryption failed", e);
        }
        cipherText(produced);
        flush();
        byte[] tag = mac.doFinal();
        file.write(ByteBuffer.wrap(tag), 0);
        return new EncryptionInfo(key, macKey, iv, tag, EncryptionInfo.PROFILE, plainDigest.digest(), EncryptionInfo.DIGEST_ALGORITHM);
    }

    long plainBytes() {
        return plainBytes;
    }

    long fileBytes() {
        return fileBytes;
    }
}
