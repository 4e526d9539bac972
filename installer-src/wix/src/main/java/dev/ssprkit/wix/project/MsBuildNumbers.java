package dev.ssprkit.wix.project;

import java.util.List;
import java.util.Locale;

/**
 * The MSBuild property functions on numbers and version numbers (MSBuild's "Property functions" page):
 * {@code Add}, {@code Subtract}, {@code Multiply}, {@code Divide}, {@code Modulo} (in whole numbers when both
 * arguments are whole numbers, as MSBuild picks its long overloads then, else in doubles), and {@code VersionEquals},
 * {@code VersionNotEquals}, {@code VersionGreaterThan}, {@code VersionGreaterThanOrEquals}, {@code VersionLessThan},
 * {@code VersionLessThanOrEquals}, which read versions as the page says: a leading v or V is ignored, so is everything
 * from the first '-' or '+', and missing parts are 0.
 */
final class MsBuildNumbers {
    private MsBuildNumbers() {}

    static Object call(String member, List<String> args, PropertyExpression at) throws MsBuildProperties.Unsupported {
        String name = member.toLowerCase(Locale.ROOT);
        if (args.size() != 2) throw at.unsupported("[MSBuild]::" + member + " with " + args.size() + " arguments");
        String a = args.get(0).strip();
        String b = args.get(1).strip();
        if (name.startsWith("version")) {
            int c = compareVersions(version(a, at), version(b, at));
            return switch (name) {
                case "versionequals" -> c == 0;
                case "versionnotequals" -> c != 0;
                case "versiongreaterthan" -> c > 0;
                case "versiongreaterthanorequals" -> c >= 0;
                case "versionlessthan" -> c < 0;
                case "versionlessthanorequals" -> c <= 0;
                default -> throw at.unsupported("[MSBuild]::" + member);
            };
        }
        if (!List.of("add", "subtract", "multiply", "divide", "modulo").contains(name)) throw at.unsupported("[MSBuild]::" + member);
        Long la = whole(a);
        Long lb = whole(b);
        if (la != null && lb != null) {
            if ((name.equals("divide") || name.equals("modulo")) && lb == 0) throw at.failed("division by zero");
            return switch (name) {
                case "add" -> la + lb;
                case "subtract" -> la - lb;
                case "multiply" -> la * lb;
                case "divide" -> la / lb;
                default -> la % lb;
            };
        }
        double da = number(a, at);
        double db = number(b, at);
        double r = switch (name) {
            case "add" -> da + db;
            case "subtract" -> da - db;
            case "multiply" -> da * db;
            case "divide" -> da / db;
            default -> da % db;
        };
        if (Double.isNaN(r) || Double.isInfinite(r)) throw at.unsupported("[MSBuild]::" + member + " giving " + r);
        return r;
    }

    private static Long whole(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double number(String s, PropertyExpression at) throws MsBuildProperties.Failed {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw at.failed("'" + s + "' is not a number");
        }
    }

    /** Up to four non-negative parts, missing ones 0. */
    static int[] version(String text, PropertyExpression at) throws MsBuildProperties.Failed {
        String s = text.strip();
        if (s.startsWith("v") || s.startsWith("V")) s = s.substring(1);
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '-' || s.charAt(k) == '+') {
                s = s.substring(0, k);
                break;
            }
        }
        String[] parts = s.split("\\.", -1);
        if (s.isEmpty() || parts.length > 4) throw at.failed("'" + text + "' is not a version");
        int[] out = new int[4];
        for (int k = 0; k < parts.length; k++) {
            try {
                out[k] = Integer.parseInt(parts[k].strip());
            } catch (NumberFormatException e) {
                throw at.failed("'" + text + "' is not a version");
            }
            if (out[k] < 0) throw at.failed("'" + text + "' is not a version");
        }
        return out;
    }

    private static int compareVersions(int[] a, int[] b) {
        for (int k = 0; k < 4; k++) {
            if (a[k] != b[k]) return Integer.compare(a[k], b[k]);
        }
        return 0;
    }
}
