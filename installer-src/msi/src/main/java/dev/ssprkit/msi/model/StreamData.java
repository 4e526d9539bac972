package dev.ssprkit.msi.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The content of a stream (a {@code Binary}/{@code Icon} cell, an embedded cabinet), read when needed so that large
 * payloads are never held in memory whole.
 */
public interface StreamData {
    long size();

    InputStream open() throws IOException;

    /**
     * A read-only random-access view of the content without copying it anywhere, or null when there is none (then
     * use {@link #open}). The caller closes it.
     */
    default SeekableByteChannel channel() throws IOException {
        return null;
    }

    /**
     * A digest that identifies the content (a deterministic function of it), when the producer of the content knows
     * one without reading it back, e.g. a cabinet fingerprinted from its entries' digests as it was written; null
     * otherwise. {@link dev.ssprkit.msi.MsiWriter} derives a package code from it instead of reading the content.
     */
    default byte[] fingerprint() {
        return null;
    }

    /**
     * Where the content already lies in a file as a run of bytes ({@link #region}), or null. A compound-file writer
     * writing into that very file, with the stream laid out at that offset, leaves the bytes where they are.
     */
    default Placement placement() {
        return null;
    }

    /** Bytes {@code [offset, offset + size)} of {@code file}. */
    record Placement(Path file, long offset) {}

    default byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** SHA-256 of the content, hex. */
    default String sha256() throws IOException {
        try (InputStream in = open()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static StreamData of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new StreamData() {
            @Override public long size() { return copy.length; }
            @Override public InputStream open() { return new ByteArrayInputStream(copy); }
            @Override public byte[] readAllBytes() { return copy.clone(); }
            @Override public boolean equals(Object o) {
                try {
                    return o instanceof StreamData s && s.size() == copy.length && Arrays.equals(copy, s.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            @Override public int hashCode() { return Arrays.hashCode(copy); }
            @Override public String toString() { return "bytes[" + copy.length + "]"; }
        };
    }

    /**
     * {@code size} bytes of {@code file} from {@code offset} on, with their {@link #fingerprint} (may be null): a
     * cabinet written straight into the package's file at its stream's place.
     */
    static StreamData region(Path file, long offset, long size, byte[] fingerprint) {
        byte[] fp = fingerprint == null ? null : fingerprint.clone();
        Placement at = new Placement(file, offset);
        return new StreamData() {
            @Override public byte[] fingerprint() { return fp == null ? null : fp.clone(); }
            @Override public long size() { return size; }
            @Override public Placement placement() { return at; }
            @Override public InputStream open() throws IOException {
                java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file);
                try {
                    return new java.io.BufferedInputStream(new RegionInputStream(ch.position(offset), size), 1 << 16);
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
            }
            @Override public String toString() { return file + " [" + offset + ", +" + size + ")"; }
        };
    }

    static StreamData of(Path file) {
        return of(file, null);
    }

    /** A file's content, with its {@link #fingerprint} (may be null). */
    static StreamData of(Path file, byte[] fingerprint) {
        byte[] fp = fingerprint == null ? null : fingerprint.clone();
        return new StreamData() {
            @Override public byte[] fingerprint() { return fp == null ? null : fp.clone(); }
            @Override public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            @Override public InputStream open() throws IOException { return Files.newInputStream(file); }
            @Override public SeekableByteChannel channel() throws IOException { return java.nio.channels.FileChannel.open(file); }
            @Override public String toString() { return file.toString(); }
        };
    }
}
