package dev.ssprkit.wix.source;

import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.PreprocessorMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Preprocessor variables and {@code $(...)} substitution, following WiX's rules: {@code $(var.X)} (or {@code $(X)}),
 * {@code $(env.X)}, {@code $(sys.X)}; {@code $$} is a literal {@code $}; {@code $(loc.X)} is left for the binder; a
 * {@code $} not followed by {@code (} or {@code $} is kept as it is. An unresolved reference is reported and left in
 * the text unchanged.
 */
final class Variables {

    private final Map<String, String> defines = new LinkedHashMap<>();
    private final Map<String, String> environment;
    private final PreprocessorOptions options;
    private final Diagnostics diagnostics;
    private Path currentFile;

    Variables(PreprocessorOptions options, Diagnostics diagnostics) {
        this.options = options;
        this.environment = options.environment();
        this.diagnostics = diagnostics;
        this.defines.putAll(options.defines());
    }

    /** The file whose text is being processed: what {@code $(sys.SOURCEFILEPATH)} and its directory name. */
    void setCurrentFile(Path file) {
        this.currentFile = file.toAbsolutePath().normalize();
    }

    Path currentFile() {
        return currentFile;
    }

    /** Sets {@code name} (a {@code var.} prefix is dropped); warns when a different value was already set. */
    void define(String name, String value, SourceLocation location) {
        String key = withoutVarPrefix(name);
        String previous = defines.put(key, value);
        if (previous != null && !previous.equals(value)) {
            diagnostics.report(PreprocessorMessage.VARIABLE_REDEFINED, location, key, value, previous);
        }
    }

    /** Sets a loop variable; {@code <?foreach?>} overwrites silently, as WiX does. */
    void assign(String name, String value) {
        defines.put(withoutVarPrefix(name), value);
    }

    /** Removes a variable; false when it was not defined. */
    boolean undefine(String name) {
        return defines.remove(withoutVarPrefix(name)) != null;
    }

    /** Whether a reference such as {@code X}, {@code var.X}, {@code env.X} or {@code $(var.X)} resolves. */
    boolean isDefined(String reference) {
        String ref = reference.trim();
        if (ref.startsWith("$(") && ref.endsWith(")")) {
            ref = ref.substring(2, ref.length() - 1);
        }
        return !ref.isEmpty() && resolve(ref) != null;
    }

    /**
     * The value of a reference without its {@code $( )}: no prefix means {@code var}; an unknown prefix, or a known
     * one that finds nothing, falls back to a {@code var} whose name contains the dot. {@code null} when undefined.
     */
    String resolve(String reference) {
        int dot = reference.indexOf('.');
        if (dot < 0) {
            return defines.get(reference);
        }
        String prefix = reference.substring(0, dot);
        String name = reference.substring(dot + 1);
        String value;
        switch (prefix) {
            case "var":
                value = defines.get(name);
                break;
            case "env":
                value = environment.get(name);
                break;
            case "sys":
                value = system(name);
                break;
            default:
                value = null;
                break;
        }
        return value != null ? value : defines.get(reference);
    }

    private String system(String name) {
        switch (name) {
            case "CURRENTDIR":
                return withSeparator(options.currentDir());
            case "SOURCEFILEDIR":
                return currentFile == null || currentFile.getParent() == null ? null
                        : withSeparator(currentFile.getParent());
            case "SOURCEFILEPATH":
                return currentFile == null ? null : currentFile.toString();
            case "PLATFORM":
            case "BUILDARCH":
                return options.platform().wixName();
            case "BUILDARCHSHORT":
                return options.platform() == Platform.ARM64 ? "A64" : options.platform().name();
            default:
                return null;
        }
    }

    private static String withSeparator(Path dir) {
        String s = dir.toString();
        return s.endsWith(File.separator) ? s : s + File.separator;
    }

    /** Replaces every {@code $(...)} in {@code value}; problems are reported at {@code location}. */
    String substitute(String value, SourceLocation location) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf('$') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int end = 0;
        int dollar;
        while ((dollar = value.indexOf('$', end)) >= 0) {
            out.append(value, end, dollar);
            end = dollar + 1;
            if (value.startsWith("$", end)) {
                out.append('$');
                end++;
            } else if (value.startsWith("(loc.", end)) {
                int close = value.indexOf(')', end);
                if (close < 0) {
                    diagnostics.report(PreprocessorMessage.INVALID_VARIABLE_REFERENCE, location,
                            value.substring(dollar));
                    out.append(value, dollar, value.length());
                    return out.toString();
                }
                out.append(value, dollar, close + 1);
                end = close + 1;
            } else if (value.startsWith("(", end)) {
                end = reference(value, dollar, out, location);
                // A <?define?> built from itself doubles with each step: stop before memory does. Up to twice the
                // attribute limit is left to the attribute check, which reports the real length (WIX0007).
                int cap = (int) Math.min(Integer.MAX_VALUE - 16, 2L * options.limits().maxAttributeLength());
                if (out.length() > cap) {
                    diagnostics.report(PreprocessorMessage.SUBSTITUTION_TOO_LONG, location, cap);
                    out.setLength(cap);
                    return out.toString();
                }
            } else {
                out.append('$');
            }
        }
        out.append(value, end, value.length());
        return out.toString();
    }

    /** Handles the reference starting at {@code value[dollar]}; returns the offset just past it. */
    private int reference(String value, int dollar, StringBuilder out, SourceLocation location) {
        int depth = 0;
        boolean nested = false;
        int close = -1;
        for (int i = dollar + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                nested |= depth > 0;
                depth++;
            } else if (c == ')' && --depth == 0) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            diagnostics.report(PreprocessorMessage.INVALID_VARIABLE_REFERENCE, location, value.substring(dollar));
            out.append(value, dollar, value.length());
            return value.length();
        }
        String inner = value.substring(dollar + 2, close);
        String written = value.substring(dollar, close + 1);
        // Environment names may hold parentheses ($(env.ProgramFiles(x86))); anything else nested is a function.
        if (nested && !inner.startsWith("env.")) {
            diagnostics.report(PreprocessorMessage.UNSUPPORTED_FUNCTION, location, inner);
            out.append(written);
        } else if (inner.isEmpty() || inner.startsWith(".") || inner.endsWith(".")) {
            diagnostics.report(PreprocessorMessage.INVALID_VARIABLE_REFERENCE, location, written);
            out.append(written);
        } else {
            String resolved = resolve(inner);
            if (resolved == null) {
                diagnostics.report(PreprocessorMessage.UNDEFINED_VARIABLE, location, inner);
                out.append(written);
            } else {
                out.append(resolved);
            }
        }
        return close + 1;
    }

    private static String withoutVarPrefix(String name) {
        return name.startsWith("var.") ? name.substring(4) : name;
    }
}
