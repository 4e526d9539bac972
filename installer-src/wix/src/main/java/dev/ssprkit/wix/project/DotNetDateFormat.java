package dev.ssprkit.wix.project;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * .NET's custom date and time format strings ("Custom date and time format strings" on learn.microsoft.com), as
 * {@code DateTime.ToString(format)} writes them in the invariant culture: {@code yyyy}, {@code yy}, {@code y},
 * {@code MMMM}, {@code MMM}, {@code MM}, {@code M}, {@code dddd}, {@code ddd}, {@code dd}, {@code d}, {@code HH},
 * {@code H}, {@code hh}, {@code h}, {@code mm}, {@code m}, {@code ss}, {@code s}, {@code f}..{@code fffffff},
 * {@code tt}, {@code t}; text in quotes and after {@code \} is literal, as is every character that is no specifier;
 * {@code /} and {@code :} are the invariant culture's separators. A one-character format is a standard format: of
 * those, {@code d}, {@code s} and {@code u} are written. Other specifiers ({@code z}, {@code K}, {@code g},
 * {@code F}) throw {@link IllegalArgumentException} naming them.
 */
final class DotNetDateFormat {
    private DotNetDateFormat() {}

    static String format(LocalDateTime t, String format) {
        if (format.isEmpty()) return format(t, "MM/dd/yyyy HH:mm:ss");
        if (format.length() == 1) {
            return switch (format) {
                case "d" -> format(t, "MM/dd/yyyy");
                case "s" -> format(t, "yyyy-MM-ddTHH:mm:ss");
                case "u" -> format(t, "yyyy-MM-dd HH:mm:ssZ");
                default -> throw new IllegalArgumentException("standard format '" + format + "'");
            };
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int run = 1;
            while (i + run < format.length() && format.charAt(i + run) == c) run++;
            switch (c) {
                case 'y' -> out.append(run == 2 ? two(t.getYear() % 100) : run == 1 ? Integer.toString(t.getYear() % 100) : pad(t.getYear(), run));
                case 'M' -> out.append(run >= 4 ? t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        : run == 3 ? t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) : pad(t.getMonthValue(), run));
                case 'd' -> out.append(run >= 4 ? t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        : run == 3 ? t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) : pad(t.getDayOfMonth(), run));
                case 'H' -> out.append(pad(t.getHour(), Math.min(run, 2)));
                case 'h' -> out.append(pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, Math.min(run, 2)));
                case 'm' -> out.append(pad(t.getMinute(), Math.min(run, 2)));
                case 's' -> out.append(pad(t.getSecond(), Math.min(run, 2)));
                case 'f' -> {
                    if (run > 7) throw new IllegalArgumentException("specifier '" + "f".repeat(run) + "'");
                    out.append(String.format("%09d", t.getNano()), 0, run);
                }
                case 't' -> out.append((t.getHour() < 12 ? "AM" : "PM"), 0, Math.min(run, 2));
                case '\'', '"' -> {
                    int end = format.indexOf(c, i + 1);
                    if (end < 0) throw new IllegalArgumentException("unclosed quote in '" + format + "'");
                    out.append(format, i + 1, end);
                    run = end - i + 1;
                }
                case '\\' -> {
                    if (i + 1 >= format.length()) throw new IllegalArgumentException("'\\' at the end of '" + format + "'");
                    out.append(format.charAt(i + 1));
                    run = 2;
                }
                case '%' -> run = 1; // marks a one-letter custom format ("%d"); writes nothing itself
                case 'z', 'K', 'g', 'F' -> throw new IllegalArgumentException("specifier '" + c + "'");
                default -> out.append(String.valueOf(c).repeat(run));
            }
            i += run;
        }
        return out.toString();
    }

    private static String two(int v) {
        return pad(v, 2);
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
