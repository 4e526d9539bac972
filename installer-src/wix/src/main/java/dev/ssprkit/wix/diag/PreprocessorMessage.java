package dev.ssprkit.wix.diag;

import static dev.ssprkit.wix.diag.Severity.ERROR;
import static dev.ssprkit.wix.diag.Severity.WARNING;

/**
 * Messages of the source layer: reading XML safely, the preprocessor, and the document's root. Numbers are stable;
 * retire an entry rather than renumber it. Gaps leave room for related messages. Templates use only {@code %s}, so
 * any argument formats.
 */
public enum PreprocessorMessage implements Message {

    // Reading the file (1..19)
    CANNOT_READ_FILE(1, ERROR, "cannot read the source file: %s", ""),
    FILE_TOO_LARGE(2, ERROR, "the source file is %s bytes; the limit is %s", "split it with <?include?>"),
    BAD_ENCODING(3, ERROR, "the source file is not valid %s: %s",
            "save it as UTF-8, or declare its real encoding in <?xml encoding=\"...\"?>"),
    MALFORMED_XML(4, ERROR, "the XML is not well-formed: %s", ""),
    DOCTYPE_NOT_ALLOWED(5, ERROR, "a <!DOCTYPE> declaration is not allowed",
            "WiX sources need no DTD; entities and external references are refused so that a source file cannot "
                    + "read other files or expand without bound; use <?define?> instead"),
    NESTING_TOO_DEEP(6, ERROR, "elements are nested deeper than %s levels", ""),
    ATTRIBUTE_TOO_LONG(7, ERROR, "attribute %s is %s characters long; the limit is %s", ""),
    EXPANSION_TOO_LARGE(8, ERROR, "preprocessing expanded to more than %s elements, text runs and loop iterations",
            "a <?foreach?> or nested <?include?> multiplies the output; check for runaway repetition"),

    // Document structure (20..29)
    UNKNOWN_ROOT_NAMESPACE(20, ERROR, "root element <%s> is in namespace '%s', which is not a WiX namespace",
            "use xmlns=\"http://schemas.microsoft.com/wix/2006/wi\" (WiX v3) or "
                    + "xmlns=\"http://wixtoolset.org/schemas/v4/wxs\" (WiX v4 and later)"),
    ROOT_NOT_WIX(21, ERROR, "root element is <%s>; a WiX source's root is <Wix>", ""),
    NO_ROOT_ELEMENT(22, ERROR, "no root element remains after preprocessing", ""),
    EXTRA_ROOT_ELEMENT(23, ERROR, "element <%s> after the root element; a document has one root", ""),
    INCLUDE_ROOT_NOT_INCLUDE(24, ERROR, "the root element of an included file is <%s>; it must be <Include>", ""),
    INCLUDE_ROOT_NAMESPACE(25, ERROR, "<Include> is in namespace '%s', which is not a WiX namespace",
            "use xmlns=\"http://schemas.microsoft.com/wix/2006/wi\" (WiX v3) or "
                    + "xmlns=\"http://wixtoolset.org/schemas/v4/wxs\" (WiX v4 and later)"),

    // Variables (30..39)
    UNDEFINED_VARIABLE(30, ERROR, "undefined preprocessor variable $(%s)",
            "define it with <?define?> or -d NAME=VALUE, or test it first with <?ifdef?>"),
    INVALID_VARIABLE_REFERENCE(31, ERROR, "ill-formed variable reference '%s'",
            "write $(var.NAME), $(env.NAME) or $(sys.NAME); write $$ for a literal $"),
    UNSUPPORTED_FUNCTION(32, ERROR, "preprocessor function $(%s) is not supported", ""),
    ILLEGAL_DEFINE(33, ERROR, "ill-formed <?define %s?>", "write <?define NAME = \"value\"?>"),
    SUBSTITUTION_TOO_LONG(36, ERROR, "substituting variables produced more than %s characters",
            "a variable defined from itself (<?define v2 = \"$(var.v1)$(var.v1)\"?>) doubles at each step; check for runaway definitions"),
    VARIABLE_REDEFINED(34, WARNING, "variable '%s' redefined as '%s' (was '%s')", ""),
    UNDEFINE_UNDEFINED(35, ERROR, "cannot undefine '%s': it is not defined", ""),

    // Directives (40..59)
    UNMATCHED_DIRECTIVE(40, ERROR, "<?%s?> without a matching <?%s?> before it", ""),
    UNTERMINATED_DIRECTIVE(41, ERROR, "<?%s?> is not closed by <?%s?> within the same element",
            "an <?if?> or <?foreach?> block must open and close between the same sibling elements"),
    EXPRESSION_SYNTAX(42, ERROR, "invalid expression '%s': %s",
            "compare with = != ~= < > <= >=, combine with AND OR NOT and parentheses; quote strings with \"\""),
    NOT_AN_INTEGER(43, ERROR, "operator %s compares integers, but '%s' is not one (in '%s')", ""),
    UNEXPECTED_LITERAL(44, ERROR, "'%s' alone is not a condition (in '%s')",
            "compare it, as in $(var.X) = \"a\", or test a variable, as in $(var.X) or <?ifdef X?>"),
    ILLEGAL_FOREACH(45, ERROR, "ill-formed <?foreach %s?>", "write <?foreach NAME in a;b;c?>"),
    UNKNOWN_INSTRUCTION(46, ERROR, "unknown processing instruction <?%s?>",
            "the preprocessor knows define, undef, include, if, ifdef, ifndef, elseif, else, endif, foreach, "
                    + "endforeach, error, warning and pragma"),
    USER_ERROR(47, ERROR, "%s", ""),
    USER_WARNING(48, WARNING, "%s", ""),
    PRAGMA_IGNORED(49, WARNING, "<?pragma %s?> is not supported and was ignored", ""),
    DIRECTIVE_AFTER_ELSE(50, ERROR, "<?%s?> after the <?else?> of the same <?if?>", ""),

    // Includes (60..69)
    INCLUDE_NOT_FOUND(60, ERROR, "include file '%s' not found", "looked in: %2$s"),
    INCLUDE_CYCLE(61, ERROR, "include cycle: %s", ""),
    INCLUDE_TOO_DEEP(62, ERROR, "includes are nested deeper than %s levels", ""),
    INCLUDE_OUTSIDE_ROOTS(63, ERROR, "include file '%s' resolves to %s, outside the folders this build may read (%s)",
            "keep includes next to the sources or in an include directory (-I), or allow the folder explicitly "
                    + "(BuildRequest allowedRoots, <allowedRoots> in the Maven plugin, sspr build --allow-path)");

    private final Entry entry;

    PreprocessorMessage(int number, Severity severity, String template, String hint) {
        this.entry = new Entry(number, severity, template, hint);
    }

    @Override
    public Entry entry() {
        return entry;
    }
}
