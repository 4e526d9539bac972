package dev.ssprkit.msi;

import dev.ssprkit.msi.container.PoiStorageReader;
import dev.ssprkit.msi.container.PoiStorageWriter;
import dev.ssprkit.msi.container.StreamingCfbWriter;
import dev.ssprkit.msi.db.StreamNames;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming compound-file writer against POI's: for the same database both files hold the same streams (names and
 * bytes) and the same root CLSID. And the streaming one writes a 600 MB stream in a JVM limited to 128 MB of heap.
 */
class StorageWritersAgreeTest {
    @TempDir Path dir;

    static Database withCabinet(Path cab) {
        Database db = WriteTestSupport.productDatabase();
        db.putStream("product.cab", StreamData.of(cab));
        db.putStream("\u0005Extra", StreamData.of(WriteTestSupport.bytes(700, 9)));
        return db;
    }

    /** Stored name → SHA-256 of the content, plus the root CLSID under the key "(clsid)". */
    static Map<String, String> streams(Path msi) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (PoiStorageReader r = PoiStorageReader.open(msi)) {
            m.put("(clsid)", r.rootClsid());
            for (String name : r.streamNames()) m.put(name, sha256(r.open(name)));
            assertEquals(List.of(), r.storageNames());
        }
        return m;
    }

    static String sha256(InputStream in) throws Exception {
        try (in) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        }
    }

    @Test
    void bothWritersStoreTheSameStreams() throws Exception {
        Path cab = dir.resolve("product.cab");
        Files.write(cab, WriteTestSupport.bytes(3_000_000, 4));
        Path viaPoi = dir.resolve("poi.msi"), viaStreaming = dir.resolve("streaming.msi");
        new MsiWriter(WriteTestSupport.OPTIONS, PoiStorageWriter::new).writeTo(withCabinet(cab), viaPoi);
        new MsiWriter(WriteTestSupport.OPTIONS, StreamingCfbWriter::new).writeTo(withCabinet(cab), viaStreaming);
        Map<String, String> poi = streams(viaPoi);
        assertTrue(poi.size() > 10, poi.keySet().toString());
        assertEquals(poi, streams(viaStreaming));
        try (Database a = MsiReader.read(viaPoi); Database b = MsiReader.read(viaStreaming)) {
            WriteTestSupport.assertSameDatabase(a, b);
        }
    }

    @Test
    @Tag("interop")
    void msitoolsReadsALargeStreamingFile() throws Exception {
        Tool.require("msiinfo");
        Path cab = dir.resolve("product.cab");
        Files.write(cab, WriteTestSupport.bytes(9_000_000, 5)); // enough sectors for a DIFAT sector
        Path msi = dir.resolve("large.msi");
        new MsiWriter(WriteTestSupport.OPTIONS, StreamingCfbWriter::new).writeTo(withCabinet(cab), msi);
        List<String> names = Tool.run("msiinfo", "streams", msi.toString()).assertOk().stdout().lines().toList();
        assertTrue(names.contains("product.cab"), names.toString());
        Path out = dir.resolve("extracted.cab");
        Tool.run("sh", "-c", "msiinfo extract \"$0\" product.cab > \"$1\"", msi.toString(), out.toString()).assertOk();
        assertEquals(Files.mismatch(cab, out), -1L, "msiinfo extract gives the cabinet back");
        Tool.run("msiinfo", "export", msi.toString(), "File").assertOk();
    }

    /** Writes a package with a 600 MB (mostly zero) cabinet in a child JVM with {@code -Xmx128m}, then reads it back. */
    @Test
    void aLargeStreamIsWrittenInBoundedMemory() throws Exception {
        Path msi = dir.resolve("huge.msi");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), LargeStreamMain.class.getName(), msi.toString()));
        Tool.Result r = Tool.run(cmd, null, Map.of(), 300);
        assertEquals(0, r.exitCode(), () -> "child JVM failed:\n" + r.stdout() + "\n" + r.stderr());
        assertTrue(Files.size(msi) > LargeStreamMain.SIZE);
        try (PoiStorageReader reader = PoiStorageReader.open(msi)) {
            String stored = StreamNames.encode("huge.cab", false);
            assertEquals(LargeStreamMain.SIZE, reader.size(stored));
            assertEquals(sha256(LargeStreamMain.data().open()), sha256(reader.open(stored)));
        }
    }

    /** The child JVM of {@link #aLargeStreamIsWrittenInBoundedMemory}. */
    public static final class LargeStreamMain {
        static final long SIZE = 600L << 20;

        /** Zeros with a counter every 64 KiB: cheap to generate, and a misplaced sector would still show. */
        static StreamData data() {
            return new StreamData() {
                @Override public long size() { return SIZE; }
                @Override public InputStream open() {
                    return new InputStream() {
                        long pos;
                        @Override public int read() {
                            byte[] one = new byte[1];
                            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                        }
                        @Override public int read(byte[] b, int off, int len) {
                            if (pos >= SIZE) return -1;
                            int n = (int) Math.min(len, SIZE - pos);
                            for (int i = 0; i < n; i++) {
                                long p = pos + i;
                                b[off + i] = (p & 0xFFFF) < 8 ? (byte) (p >>> (16 + 8 * (p & 7))) : 0;
                            }
                            pos += n;
                            return n;
                        }
                    };
                }
            };
        }

        public static void main(String[] args) throws IOException {
            Database db = WriteTestSupport.productDatabase();
            db.putStream("huge.cab", data());
            new MsiWriter(WriteTestSupport.OPTIONS, StreamingCfbWriter::new).writeTo(db, Path.of(args[0]));
        }
    }
}
