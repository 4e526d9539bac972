package dev.ssprkit.msi.suminfo;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.db.Codepages;
import dev.ssprkit.msi.db.Windows1252;
import dev.ssprkit.msi.model.SummaryInfo;
import org.apache.poi.hpsf.NoPropertySetStreamException;
import org.apache.poi.hpsf.PropertySet;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hpsf.wellknown.PropertyIDMap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Date;

/**
 * The {@code \005SummaryInformation} stream through Apache POI HPSF. POI would silently switch a string the codepage
 * cannot hold to LPWSTR (which Wine and msitools cannot read), so strings are checked first; PIDs 0, 10 and 17 are
 * never written. POI encodes with Java's charsets, which lack the five C1 characters Windows maps to the undefined
 * bytes of code page 1252 ({@link Windows1252}): such a string goes to POI with '?' in their place, and its bytes are
 * then put right in the written stream (same length, so no offset moves).
 */
public final class SummaryInfoCodec {
    public static final String STREAM_NAME = "\u0005SummaryInformation";

    private SummaryInfoCodec() {}

    public static byte[] write(SummaryInfo s) throws MsiException {
        Charset cs = Codepages.charset(s.codepage, STREAM_NAME);
        java.util.List<String> windowsOnly = new java.util.ArrayList<>();
        SummaryInformation si = new SummaryInformation();
        si.getFirstSection().setCodepage(s.codepage);
        if (s.title != null) si.setTitle(check(cs, windowsOnly, "Title", s.title));
        if (s.subject != null) si.setSubject(check(cs, windowsOnly, "Subject", s.subject));
        if (s.author != null) si.setAuthor(check(cs, windowsOnly, "Author", s.author));
        if (s.keywords != null) si.setKeywords(check(cs, windowsOnly, "Keywords", s.keywords));
        if (s.comments != null) si.setComments(check(cs, windowsOnly, "Comments", s.comments));
        if (s.template != null) si.setTemplate(check(cs, windowsOnly, "Template", s.template));
        if (s.lastSavedBy != null) si.setLastAuthor(check(cs, windowsOnly, "LastSavedBy", s.lastSavedBy));
        if (s.revisionNumber != null) si.setRevNumber(check(cs, windowsOnly, "RevisionNumber", s.revisionNumber));
        if (s.createTime != null) si.setCreateDateTime(Date.from(s.createTime));
        if (s.lastSaveTime != null) si.setLastSaveDateTime(Date.from(s.lastSaveTime));
        if (s.pageCount != null) si.setPageCount(s.pageCount);
        if (s.wordCount != null) si.setWordCount(s.wordCount);
        if (s.charCount != null) si.setCharCount(s.charCount);
        if (s.appName != null) si.setApplicationName(check(cs, windowsOnly, "AppName", s.appName));
        if (s.security != null) si.setSecurity(s.security);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            si.write(out);
            byte[] bytes = out.toByteArray();
            for (String value : windowsOnly) restore(bytes, value);
            return bytes;
        } catch (IOException | org.apache.poi.hpsf.WritingNotSupportedException | RuntimeException e) {
            throw new MsiException(STREAM_NAME.substring(1), "cannot be written: " + e.getMessage(), e);
        }
    }

    private static String check(Charset cs, java.util.List<String> windowsOnly, String field, String value) throws MsiException {
        if (!cs.newEncoder().canEncode(value)) {
            throw new MsiException("SummaryInformation." + field, "'" + value + "' cannot be represented in the summary codepage "
                    + cs.name() + "; Windows Installer reads these strings as ANSI only");
        }
        if (cs != Windows1252.INSTANCE || value.chars().noneMatch(c -> Windows1252.isWindowsOnly((char) c))) return value;
        windowsOnly.add(value);
        return placeholders(value);
    }

    private static String placeholders(String value) {
        StringBuilder sb = new StringBuilder(value);
        for (int i = 0; i < sb.length(); i++) if (Windows1252.isWindowsOnly(sb.charAt(i))) sb.setCharAt(i, '?');
        return sb.toString();
    }

    /**
     * Puts a string's own bytes where POI wrote its placeholder form: a VT_LPSTR value is its byte count (with the
     * terminating NUL) then the bytes ([MS-OLEPS] 2.5 CodePageString), found by that count, the bytes and the NUL.
     */
    private static void restore(byte[] stream, String value) throws MsiException {
        byte[] written = Windows1252.bytesOf(placeholders(value));
        byte[] wanted = Windows1252.bytesOf(value);
        int n = written.length + 1;
        outer:
        for (int at = 4; at + written.length < stream.length; at++) {
            if ((stream[at - 4] & 0xFF | (stream[at - 3] & 0xFF) << 8 | (stream[at - 2] & 0xFF) << 16 | (stream[at - 1] & 0xFF) << 24) != n) continue;
            if (stream[at + written.length] != 0) continue;
            for (int i = 0; i < written.length; i++) if (stream[at + i] != written[i]) continue outer;
            System.arraycopy(wanted, 0, stream, at, wanted.length);
            return;
        }
        throw new IllegalStateException("internal error: the summary string '" + value + "' was not found in the written stream");
    }

    public static SummaryInfo read(byte[] data) throws MsiException {
        return read(data, new java.util.ArrayList<>());
    }

    /**
     * Reads the stream; what is wrong but readable is added to {@code warnings}: a codepage property of 0 (some old
     * Microsoft packages; Windows then uses the machine's ANSI codepage) is read as 1252.
     */
    public static SummaryInfo read(byte[] data, java.util.List<String> warnings) throws MsiException {
        String where = "SummaryInformation";
        int at = codepageOffset(data);
        if (at >= 0 && data[at] == 0 && data[at + 1] == 0) {
            data = data.clone();
            data[at] = (byte) 0xE4; // 1252, little-endian
            data[at + 1] = (byte) 0x04;
            warnings.add("the summary information's codepage is 0; its strings are read as codepage 1252 (Windows uses the machine's ANSI codepage)");
        }
        SummaryInformation si;
        try {
            PropertySet ps = new PropertySet(new ByteArrayInputStream(data));
            si = new SummaryInformation(ps);
        } catch (NoPropertySetStreamException | org.apache.poi.hpsf.UnexpectedPropertySetTypeException e) {
            throw new MsiException(where, "is not a property set stream", e);
        } catch (IOException | RuntimeException e) {
            throw new MsiException(where, "corrupt property set: " + (e.getMessage() == null ? "unreadable" : e.getMessage()), e);
        }
        try {
            SummaryInfo s = new SummaryInfo();
            int cp = si.getFirstSection().getCodepage();
            s.codepage = cp == -1 ? 0 : cp & 0xFFFF;
            s.title = si.getTitle();
            s.subject = si.getSubject();
            s.author = si.getAuthor();
            s.keywords = si.getKeywords();
            s.comments = si.getComments();
            s.template = si.getTemplate();
            s.lastSavedBy = si.getLastAuthor();
            s.revisionNumber = si.getRevNumber();
            s.createTime = instant(si.getCreateDateTime());
            s.lastSaveTime = instant(si.getLastSaveDateTime());
            s.pageCount = integer(si, PropertyIDMap.PID_PAGECOUNT);
            s.wordCount = integer(si, PropertyIDMap.PID_WORDCOUNT);
            s.charCount = integer(si, PropertyIDMap.PID_CHARCOUNT);
            s.appName = si.getApplicationName();
            s.security = integer(si, PropertyIDMap.PID_SECURITY);
            return s;
        } catch (RuntimeException e) {
            throw new MsiException(where, "unexpected property types: " + (e.getMessage() == null ? "unreadable" : e.getMessage()), e);
        }
    }

    /**
     * Where the value of the codepage property (PID 1, VT_I2) of the first section is, or -1 ([MS-OLEPS] 2.20-2.21:
     * the header's first FMTID/offset pair points at the section; a section is its size, its property count, then
     * (PID, offset) pairs with offsets from the section's start; a typed value is a 4-byte type then the value).
     */
    static int codepageOffset(byte[] d) {
        if (d.length < 48) return -1;
        long section = u32(d, 44);
        if (section < 48 || section + 8 > d.length) return -1;
        long count = u32(d, (int) section + 4);
        for (long i = 0; i < count && i < 4096; i++) {
            long entry = section + 8 + i * 8;
            if (entry + 8 > d.length) return -1;
            if (u32(d, (int) entry) == 1) {
                long value = section + u32(d, (int) entry + 4);
                if (value + 6 > d.length || (u32(d, (int) value) & 0xFFFF) != 2) return -1; // VT_I2
                return (int) value + 4;
            }
        }
        return -1;
    }

    private static long u32(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }

    private static Integer integer(SummaryInformation si, int pid) {
        Object v = si.getFirstSection().getProperty(pid);
        if (v instanceof Number n) return n.intValue();
        return null;
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
