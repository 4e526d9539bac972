package dev.ssprkit.wix.compile;

import dev.ssprkit.builder.Guids;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import dev.ssprkit.wix.source.SourceAttribute;
import dev.ssprkit.wix.source.SourceElement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, checked access to one element's attributes. Creating it reports every attribute the element does not allow
 * (with the allowed names); each getter reports a missing required attribute or a malformed value at the attribute's
 * own location and returns a usable fallback, so that compilation carries on and every error is reported.
 *
 * <p>Values that still hold a bind-time reference ({@code !(bind.X)}, {@code !(wix.X)}, {@code !(loc.X)}) are
 * returned as written and checked after the binder resolves them.
 */
public final class Attrs {
    private static final java.util.regex.Pattern ACCESS =
            java.util.regex.Pattern.compile("(global|public|package|internal|library|file|protected|private|fragment|section) ");
    private static final Pattern VERSION = Pattern.compile("\\d{1,10}(\\.\\d{1,10}){0,3}");

    private final SourceElement element;
    private final CompileContext ctx;

    Attrs(SourceElement element, CompileContext ctx, java.util.List<String> allowed) {
        // a list, not a set: a few names, looked up once per attribute (a set per element was a large build's tenth of
        // the compiler's allocation)
        this.element = element;
        this.ctx = ctx;
        for (SourceAttribute a : element.attributes()) {
            if (a.namespaceUri().equals("http://www.w3.org/XML/1998/namespace")) {
                continue; // xml:lang, xml:space: XML's own attributes, meaningful to editors, not to the installer
            } else if (!a.namespaceUri().isEmpty()) {
                WixExtension x = ctx.grammar().extensionFor(a.namespaceUri());
                String shown = (x == null ? "{" + a.namespaceUri() + "}" : x.id() + ":") + a.localName();
                ctx.report(CompilerMessage.NOT_SUPPORTED_YET, a.location(), "attribute " + shown + " on <" + element.localName() + ">",
                        x == null ? "no extension of this compiler has that namespace" : "extension attributes on this element are not supported yet");
            } else if (!allowed.contains(a.localName())) {
                ctx.report(CompilerMessage.UNKNOWN_ATTRIBUTE, a.location(), element.localName(), a.localName(),
                        allowed.isEmpty() ? "(none)" : String.join(", ", new LinkedHashSet<>(allowed)));
            }
        }
    }

    public SourceElement element() {
        return element;
    }

    public boolean has(String name) {
        return element.hasAttr(name);
    }

    /** The attribute's location, or the element's when it is absent. */
    public SourceLocation at(String name) {
        return element.attribute(name).map(SourceAttribute::location).orElse(element.location());
    }

    /** The value, or null when absent. */
    public String str(String name) {
        return element.attr(name);
    }

    public String str(String name, String fallback) {
        String v = element.attr(name);
        return v == null ? fallback : v;
    }

    /** The value; absent reports WIX0102 and gives null. */
    public String required(String name) {
        String v = element.attr(name);
        if (v == null) ctx.report(CompilerMessage.MISSING_ATTRIBUTE, element.location(), element.localName(), name);
        return v;
    }

    /** True when the value waits for the binder ({@code !(bind.X)}, {@code !(wix.X)}, {@code !(loc.X)}). */
    public static boolean deferred(String value) {
        return value != null && value.contains("!(");
    }

    /**
     * An identifier (at most {@code max} characters); null when absent and not required, or malformed. WiX v4's access
     * modifiers are accepted: {@code override X} and {@code virtual X} name X ({@link #overridable} tells which).
     */
    public String id(String name, boolean required, int max) {
        // WiX v4's access modifiers (global/public/package, internal/library, file/protected, private/fragment/section)
        // limit where an id may be referenced; ids stay unique per build here, so the modifier is read and dropped
        String v = required ? required(name) : str(name);
        if (v == null) return null;
        if (v.startsWith("override ")) v = v.substring(9).strip();
        else if (v.startsWith("virtual ")) v = v.substring(8).strip();
        else if (v.indexOf(' ') > 0 && ACCESS.matcher(v).lookingAt()) v = v.substring(v.indexOf(' ') + 1).strip();
        if (!dev.ssprkit.validate.Formats.isIdentifier(v) || v.length() > max) {
            ctx.report(CompilerMessage.BAD_IDENTIFIER, at(name), name, v, max);
            return null;
        }
        return v;
    }

    public String id(String name, boolean required) {
        return id(name, required, 72);
    }

    /** True when the identifier in {@code name} carries WiX v4's {@code virtual} modifier (others may override it). */
    public boolean overridable(String name) {
        String v = str(name);
        return v != null && v.startsWith("virtual ");
    }

    /**
     * A directory reference, possibly in WiX v4's inline form {@code ID:\sub\path\}: returns the id, and the
     * sub-path (or null) through {@code subPath[0]}.
     */
    public String directory(String name, boolean required, String[] subPath) {
        String v = required ? required(name) : str(name);
        if (v == null) return null;
        int colon = v.indexOf(":\\");
        if (colon < 0) colon = v.indexOf(":/");
        if (colon > 0) {
            subPath[0] = v.substring(colon + 2);
            v = v.substring(0, colon);
            if (dev.ssprkit.validate.Formats.isIdentifier(v) && v.length() <= 72) return v;
            ctx.report(CompilerMessage.BAD_IDENTIFIER, at(name), name, v, 72);
            return null;
        }
        return id(name, required, 72);
    }

    public boolean yesNo(String name, boolean fallback) {
        String v = str(name);
        if (v == null) return fallback;
        if (v.equals("yes") || v.equals("true")) return true; // WiX v4+ accepts true/false too
        if (v.equals("no") || v.equals("false")) return false;
        ctx.report(CompilerMessage.BAD_ENUM, at(name), name, v, "yes, no");
        return fallback;
    }

    /** A yes/no value, null when absent. */
    public Boolean yesNoOrNull(String name) {
        return has(name) ? yesNo(name, false) : null;
    }

    /** One of {@code values} (case-sensitive, as WiX), or {@code fallback} when absent or bad. */
    public String oneOf(String name, String fallback, String... values) {
        String v = str(name);
        if (v == null) return fallback;
        if (List.of(values).contains(v)) return v;
        ctx.report(CompilerMessage.BAD_ENUM, at(name), name, v, String.join(", ", values));
        return fallback;
    }

    public Integer integer(String name, Integer fallback, long min, long max) {
        String v = str(name);
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min && n <= max) return (int) n;
        } catch (NumberFormatException e) {
            // reported below
        }
        ctx.report(CompilerMessage.BAD_INTEGER, at(name), name, v, min + ".." + max);
        return fallback;
    }

    /**
     * An integer a .wxl may supply ({@code X="!(loc.InstallDirDlgX)"}, as WiX allows for control geometry and font
     * sizes): the number, the bind-time variable text for the binder to resolve, or null when absent or bad.
     */
    public Object localizableInteger(String name, long min, long max) {
        String v = str(name);
        if (v != null && v.contains("!(")) return v;
        return integer(name, null, min, max);
    }

    /** A GUID, normalized; {@code "*"} when {@code star} allows it; {@code ""} when {@code empty} allows it; else null. */
    public String guid(String name, boolean required, boolean star, boolean empty) {
        String v = required ? required(name) : str(name);
        if (v == null) return null;
        if (star && v.equals("*")) return "*";
        if (empty && v.isEmpty()) return "";
        if (deferred(v)) return v;
        if (!Guids.isGuid(v)) {
            ctx.report(CompilerMessage.BAD_GUID, at(name), name, v, star ? ", or * to generate a stable one" : "");
            return null;
        }
        return Guids.normalize(v);
    }

    /**
     * A product or file version: two to four dot-separated fields of at most 65535. Major or minor above 255 is a
     * warning (WiX v4+ warns, wixl accepts, real projects ship year-based versions): Windows Installer keeps only
     * 8 bits of each, so upgrade detection between such versions can go wrong.
     */
    public String version(String name, boolean required) {
        return checkedVersion(name, required ? required(name) : str(name), false);
    }

    /**
     * A v4+ Package/@Version, read as WiX v4+ reads it (WixVersion): a leading {@code v} or {@code V} is allowed and
     * dropped (WiX's binder writes ProductVersion without it), and one field is enough ({@code Version="1"}).
     */
    public String packageVersion(String name) {
        String written = required(name);
        String v = withoutVersionPrefix(written);
        if (v != null && !deferred(v) && isLabelledVersion(v)) {
            // WiX v4+ parses a package version as a WixVersion: numbers, then "-" labels and/or "+" metadata; such a
            // version passes the compiler and only draws a warning at bind (BindDatabaseCommand.ProcessProductVersion),
            // which leaves it as written in ProductVersion
            ctx.report(CompilerMessage.VERSION_WITH_LABEL, at(name), name, v);
            return written;
        }
        return checkedVersion(name, v, true);
    }

    /** A WixVersion with a release label and/or build metadata: {@code 1.2.3-beta.1}, {@code 0.18.0-dev}, {@code 1.0+abc}. */
    public static boolean isLabelledVersion(String v) {
        return LABELLED_VERSION.matcher(v).matches();
    }

    private static final Pattern LABELLED_VERSION = Pattern.compile("\\d{1,10}(\\.\\d{1,10}){0,3}(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*(\\+.*)?|\\+.*)");

    /** The version without WiX's optional {@code v}/{@code V} prefix (only when a digit follows it). */
    public static String withoutVersionPrefix(String v) {
        if (v != null && v.length() > 1 && (v.charAt(0) == 'v' || v.charAt(0) == 'V') && Character.isDigit(v.charAt(1))) {
            return v.substring(1);
        }
        return v;
    }

    private String checkedVersion(String name, String v, boolean oneFieldAllowed) {
        if (v == null || deferred(v)) return v;
        if (!VERSION.matcher(v).matches() || (!oneFieldAllowed && !v.contains("."))) {
            ctx.report(CompilerMessage.BAD_VERSION, at(name), name, v);
            return null;
        }
        String[] p = v.split("\\.");
        for (String part : p) {
            if (Long.parseLong(part) > 4294967295L) {
                ctx.report(CompilerMessage.BAD_VERSION, at(name), name, v);
                return null;
            }
        }
        // WiX accepts 32-bit fields; Windows Installer keeps 8.8.16 bits of a ProductVersion (and ignores the 4th)
        if (Long.parseLong(p[0]) > 255 || (p.length > 1 && Long.parseLong(p[1]) > 255) || (p.length > 2 && Long.parseLong(p[2]) > 65535)) {
            ctx.report(CompilerMessage.VERSION_FIELD_OVER_255, at(name), name, v);
        }
        return v;
    }

    /** Reports WIX0108 when more than one of {@code names} is present; returns how many are. */
    public int exclusive(String... names) {
        List<String> present = java.util.Arrays.stream(names).filter(this::has).toList();
        if (present.size() > 1) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, at(present.get(1)), element.localName(),
                    String.join(" and ", present), "use only one of " + String.join(", ", names));
        }
        return present.size();
    }

    /** Reports that an attribute we read but do not act on yet is present with a value that matters. */
    public void unsupported(String name, String why) {
        if (has(name)) ctx.report(CompilerMessage.NOT_SUPPORTED_YET, at(name), element.localName() + "/@" + name, why);
    }
}
