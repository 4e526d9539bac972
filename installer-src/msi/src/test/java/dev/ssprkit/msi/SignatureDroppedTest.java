package dev.ssprkit.msi;

import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.StreamData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database read from a signed file loses its signature streams when written, and the writer says so. */
class SignatureDroppedTest {
    @TempDir Path dir;

    @Test
    void signatureStreamsAreDroppedWithAWarning() throws Exception {
        Database db = new Database();
        db.table("Property").add("ProductName", "Signed once");
        db.putStream(MsiWriter.DIGITAL_SIGNATURE, StreamData.of(new byte[] {0x30, 0x03, 1, 2, 3}));
        db.putStream(MsiWriter.DIGITAL_SIGNATURE_EX, StreamData.of(new byte[32]));
        db.putStream("payload.bin", StreamData.of(new byte[] {9, 9, 9}));

        List<String> sink = new ArrayList<>();
        List<LogRecord> logged = new ArrayList<>();
        Logger log = Logger.getLogger(MsiWriter.class.getName());
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { logged.add(r); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        log.addHandler(h);
        try {
            Path out = dir.resolve("rewritten.msi");
            new MsiWriter(new WriteOptions(Instant.parse("2026-01-01T00:00:00Z"))).withWarnings(sink::add).writeTo(db, out);
            try (Database back = MsiReader.read(out)) {
                assertFalse(back.streams().containsKey(MsiWriter.DIGITAL_SIGNATURE), back.streams().keySet().toString());
                assertFalse(back.streams().containsKey(MsiWriter.DIGITAL_SIGNATURE_EX));
                assertTrue(back.streams().containsKey("payload.bin"));
            }
        } finally {
            log.removeHandler(h);
        }
        assertEquals(1, sink.size(), sink.toString());
        assertTrue(sink.get(0).startsWith("signature dropped"), sink.get(0));
        assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.WARNING && r.getMessage().startsWith("signature dropped")));
    }

    @Test
    void anUnsignedDatabaseGivesNoWarning() throws Exception {
        Database db = new Database();
        db.table("Property").add("ProductName", "Never signed");
        List<String> sink = new ArrayList<>();
        new MsiWriter(new WriteOptions(Instant.parse("2026-01-01T00:00:00Z"))).withWarnings(sink::add).writeTo(db, dir.resolve("plain.msi"));
        assertEquals(List.of(), sink);
    }
}
