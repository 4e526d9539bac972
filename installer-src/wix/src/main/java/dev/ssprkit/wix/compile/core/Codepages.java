package dev.ssprkit.wix.compile.core;

import java.nio.charset.Charset;
import java.util.Locale;

/** Code page attributes as WiX reads them: a Windows code page number, or a name (windows-1252, utf-8...). */
public final class Codepages {
    private Codepages() {}

    /** The code page number, or null when {@code value} names none. */
    public static Integer parse(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,5}")) {
            int n = Integer.parseInt(v);
            return n <= 65535 ? n : null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("windows-") && lower.substring(8).matches("\\d{3,5}")) return Integer.parseInt(lower.substring(8));
        if (lower.equals("utf-8") || lower.equals("utf8")) return 65001;
        if (lower.matches("ibm\\d{3,5}")) return Integer.parseInt(lower.substring(3));
        try {
            Charset cs = Charset.forName(v);
            for (String alias : cs.aliases()) {
                String al = alias.toLowerCase(Locale.ROOT);
                if (al.matches("cp\\d{3,5}")) return Integer.parseInt(al.substring(2));
            }
            String canon = cs.name().toLowerCase(Locale.ROOT);
            if (canon.startsWith("windows-")) return Integer.parseInt(canon.substring(8));
            if (canon.equals("shift_jis")) return 932;
            if (canon.equals("gbk")) return 936;
            if (canon.equals("euc-kr")) return 949;
            if (canon.equals("big5")) return 950;
            if (canon.equals("iso-8859-1")) return 28591;
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
