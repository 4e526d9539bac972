package dev.ssprkit.wix.project;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Instance members called on a value in a property function, as MSBuild's "Property functions" page describes its
 * string property functions ({@code $(Path.Substring(0, 3))}): the System.String methods projects use —
 * {@code Replace}, {@code Trim}, {@code TrimStart}, {@code TrimEnd}, {@code ToLower}, {@code ToUpper} (and their
 * Invariant forms), {@code Substring}, {@code StartsWith}, {@code EndsWith}, {@code Contains}, {@code IndexOf},
 * {@code LastIndexOf}, {@code Split}, {@code PadLeft}, {@code PadRight}, {@code Length}, {@code ToString} — and on a
 * System.DateTime {@code ToString(format)} (see {@link DotNetDateFormat}), {@code Year}, {@code Month}, {@code Day},
 * {@code DayOfYear}; on a whole number {@code ToString("000")} (a custom numeric format of zeros: that many digits).
 * Strings compare ordinally (the .NET methods' culture rules agree on the ASCII text of project files).
 */
final class InstanceMembers {
    private InstanceMembers() {}

    /** {@code value.member(args)}; {@code args} is null for a property ({@code .Length}). */
    static Object call(Object value, String member, List<String> args, PropertyExpression at) throws MsBuildProperties.Unsupported {
        String name = member.toLowerCase(Locale.ROOT);
        int n = args == null ? -1 : args.size();
        if (value instanceof LocalDateTime t) {
            return switch (name) {
                case "tostring" -> {
                    if (n > 1) throw at.unsupported("DateTime." + member + " with " + n + " arguments");
                    try {
                        yield DotNetDateFormat.format(t, n == 1 ? args.get(0) : "MM/dd/yyyy HH:mm:ss");
                    } catch (IllegalArgumentException e) {
                        throw at.unsupported("DateTime.ToString's " + e.getMessage());
                    }
                }
                case "year" -> n == -1 ? (Object) (long) t.getYear() : bad("DateTime.", member, at);
                case "month" -> n == -1 ? (Object) (long) t.getMonthValue() : bad("DateTime.", member, at);
                case "day" -> n == -1 ? (Object) (long) t.getDayOfMonth() : bad("DateTime.", member, at);
                case "dayofyear" -> n == -1 ? (Object) (long) t.getDayOfYear() : bad("DateTime.", member, at);
                default -> bad("DateTime.", member, at);
            };
        }
        if (value instanceof Long number && name.equals("tostring") && n == 1) {
            // a custom numeric format of zeros only ("000": at least that many digits), winfsp's DayOfYear.ToString(`000`)
            if (!args.get(0).matches("0+")) throw at.unsupported("the numeric format '" + args.get(0) + "'");
            String digits = Long.toString(Math.abs(number));
            String padded = "0".repeat(Math.max(0, args.get(0).length() - digits.length())) + digits;
            return number < 0 ? "-" + padded : padded;
        }
        String s = PropertyExpression.text(value);
        List<String> a = args == null ? List.of() : args;
        try {
            return switch (name) {
                case "length" -> n == -1 ? (Object) (long) s.length() : bad("", member, at);
                case "tostring" -> n == 0 ? s : bad("", member, at);
                case "replace" -> n == 2 && !a.get(0).isEmpty() ? s.replace(a.get(0), a.get(1)) : bad("", member, at);
                case "trim" -> n == 0 ? s.strip() : n == 1 ? trimEnd(trimStart(s, a.get(0)), a.get(0)) : bad("", member, at);
                case "trimstart" -> n == 0 ? s.stripLeading() : n == 1 ? trimStart(s, a.get(0)) : bad("", member, at);
                case "trimend" -> n == 0 ? s.stripTrailing() : n == 1 ? trimEnd(s, a.get(0)) : bad("", member, at);
                case "tolower", "tolowerinvariant" -> n == 0 ? s.toLowerCase(Locale.ROOT) : bad("", member, at);
                case "toupper", "toupperinvariant" -> n == 0 ? s.toUpperCase(Locale.ROOT) : bad("", member, at);
                case "substring" -> n == 1 ? s.substring(index(a.get(0), at))
                        : n == 2 ? s.substring(index(a.get(0), at), index(a.get(0), at) + index(a.get(1), at)) : bad("", member, at);
                case "startswith" -> n == 1 ? s.startsWith(a.get(0)) : bad("", member, at);
                case "endswith" -> n == 1 ? s.endsWith(a.get(0)) : bad("", member, at);
                case "contains" -> n == 1 ? s.contains(a.get(0)) : bad("", member, at);
                case "indexof" -> n == 1 ? (Object) (long) s.indexOf(a.get(0)) : bad("", member, at);
                case "lastindexof" -> n == 1 ? (Object) (long) s.lastIndexOf(a.get(0)) : bad("", member, at);
                case "split" -> n == 1 && !a.get(0).isEmpty() ? split(s, a.get(0)) : bad("", member, at);
                case "padleft" -> n == 1 ? pad(s, index(a.get(0), at), true) : bad("", member, at);
                case "padright" -> n == 1 ? pad(s, index(a.get(0), at), false) : bad("", member, at);
                default -> bad("", member, at);
            };
        } catch (IndexOutOfBoundsException e) {
            // .NET throws ArgumentOutOfRangeException, and MSBuild stops with MSB4184
            throw at.failed(member + " is out of the range of '" + s + "'");
        }
    }

    private static Object bad(String type, String member, PropertyExpression at) throws MsBuildProperties.Unsupported {
        throw at.unsupported((type.isEmpty() ? "String." : type) + member);
    }

    private static int index(String text, PropertyExpression at) throws MsBuildProperties.Failed {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw at.failed("'" + text + "' is not a whole number");
        }
    }

    /** Trim(chars): MSBuild passes a string where .NET takes a char array; each of its characters is trimmed. */
    private static String trimStart(String s, String chars) {
        int k = 0;
        while (k < s.length() && chars.indexOf(s.charAt(k)) >= 0) k++;
        return s.substring(k);
    }

    private static String trimEnd(String s, String chars) {
        int k = s.length();
        while (k > 0 && chars.indexOf(s.charAt(k - 1)) >= 0) k--;
        return s.substring(0, k);
    }

    /** Split(separators): each character of the argument separates, empty parts kept, as String.Split(char[]) does. */
    private static String[] split(String s, String separators) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int k = 0; k < s.length(); k++) {
            if (separators.indexOf(s.charAt(k)) >= 0) {
                parts.add(s.substring(start, k));
                start = k + 1;
            }
        }
        parts.add(s.substring(start));
        return parts.toArray(String[]::new);
    }

    private static String pad(String s, int width, boolean left) {
        if (width < 0) throw new IndexOutOfBoundsException(width);
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return left ? spaces + s : s + spaces;
    }
}
