package dev.ssprkit.wix.source;

import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.PreprocessorMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One preprocessing run: walks the parsed tree in document order, evaluating instructions as they come, and
 * builds the output tree. Conditional and foreach blocks must open and close among the same siblings.
 */
final class PreprocessorRun {

    /** WiX's define syntax: {@code NAME}, {@code NAME = value}, {@code NAME="value"}. */
    private static final Pattern DEFINE = Pattern.compile("^\\s*(?<name>.+?)\\s*(=\\s*(?<value>.*?)\\s*)?$",
            Pattern.DOTALL);
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final PreprocessorOptions options;
    private final Diagnostics diagnostics;
    private final Variables variables;
    private final Conditions conditions;
    private final LocatedXmlParser parser;
    private final IncludeResolver includes;
    /** Real paths of the files being processed, outermost last, to detect include cycles. */
    private final Deque<Path> fileStack = new ArrayDeque<>();
    private final Set<Path> includedFiles = new LinkedHashSet<>();
    /** Parsed include files by file and include site, so a loop does not re-read and re-report the same file. */
    private final Map<IncludeSite, Optional<RawNode.Document>> parsedIncludes = new HashMap<>();
    /** Real paths brought in by {@code <?require?>}, which includes a file once per run (wixl's directive). */
    private final Set<Path> required = new java.util.HashSet<>();
    /** The main document's root namespace, given to elements of {@code <Include>} files written without one. */
    private String documentNamespace = "";
    /** Non-empty while splicing an include whose root has no namespace. */
    private String namespaceOverride = "";
    private int nodeCount;
    private int depth;
    private boolean aborted;
    /** True while the main document is processed: each raw node is released once processed (see {@link RawNode}). */
    private boolean consuming;

    PreprocessorRun(PreprocessorOptions options, Diagnostics diagnostics) {
        this.options = options;
        this.diagnostics = diagnostics;
        this.variables = new Variables(options, diagnostics);
        this.conditions = new Conditions(variables, diagnostics);
        this.parser = new LocatedXmlParser(options.limits(), diagnostics);
        this.includes = new IncludeResolver(options.includeDirs());
    }

    SourceDocument run(Path wxs) {
        Path file = wxs.normalize();
        RawNode.Document document = parser.parse(file, null);
        if (document == null) {
            return new SourceDocument(file, null, null, List.of());
        }
        fileStack.push(realPath(file));
        variables.setCurrentFile(file);
        for (RawNode n : document.nodes()) {
            if (n instanceof RawNode.Element e) {
                documentNamespace = e.namespaceUri();
                break;
            }
        }
        Output out = new Output();
        consuming = true; // the main document is processed once: each node is let go once processed
        try {
            process(document.nodes(), out, false);
        } finally {
            consuming = false;
        }
        SourceElement root = null;
        if (out.elements.isEmpty()) {
            diagnostics.report(PreprocessorMessage.NO_ROOT_ELEMENT, SourceLocation.ofFile(file));
        } else {
            root = out.elements.get(0);
            for (SourceElement extra : out.elements.subList(1, out.elements.size())) {
                diagnostics.report(PreprocessorMessage.EXTRA_ROOT_ELEMENT, extra.location(), extra.localName());
            }
        }
        WixNamespace namespace = root == null ? null : checkRoot(root);
        return new SourceDocument(file, root, namespace, List.copyOf(includedFiles));
    }

    /** The namespaces of WiX localization files ({@code .wxl}), v3 and v4+. */
    static final Set<String> LOCALIZATION_NAMESPACES = Set.of("http://schemas.microsoft.com/wix/2006/localization",
            "http://wixtoolset.org/schemas/v4/wxl");

    private WixNamespace checkRoot(SourceElement root) {
        if (root.localName().equals("WixLocalization") && LOCALIZATION_NAMESPACES.contains(root.namespaceUri())) {
            return null; // a .wxl: read by the localization loader, not compiled
        }
        Optional<WixNamespace> namespace = WixNamespace.fromUri(root.namespaceUri());
        if (namespace.isEmpty()) {
            diagnostics.report(PreprocessorMessage.UNKNOWN_ROOT_NAMESPACE, root.location(), root.localName(),
                    root.namespaceUri());
        } else if (!root.localName().equals("Wix")) {
            diagnostics.report(PreprocessorMessage.ROOT_NOT_WIX, root.location(), root.localName());
        }
        return namespace.orElse(null);
    }

    private record IncludeSite(Path file, SourceLocation site) {
    }

    /**
     * Counts one unit of output or repetition against {@link ParseLimits#maxNodes()}; false, after reporting once,
     * when the budget is spent and the run must stop.
     */
    private boolean spend(SourceLocation location) {
        if (++nodeCount > options.limits().maxNodes()) {
            if (!aborted) {
                diagnostics.report(PreprocessorMessage.EXPANSION_TOO_LARGE, location, options.limits().maxNodes());
            }
            aborted = true;
            return false;
        }
        return true;
    }

    /** Elements and text produced for one parent. */
    private static final class Output {
        final List<SourceElement> elements = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
    }

    /** One open {@code <?if?>}, {@code <?ifdef?>} or {@code <?ifndef?>}. */
    private static final class IfFrame {
        final String directive;
        final SourceLocation location;
        final boolean enclosingActive;
        boolean current;
        boolean taken;
        boolean inElse;

        IfFrame(String directive, SourceLocation location, boolean enclosingActive, boolean current) {
            this.directive = directive;
            this.location = location;
            this.enclosingActive = enclosingActive;
            this.current = current;
            this.taken = current;
        }

        boolean active() {
            return enclosingActive && current;
        }
    }

    /**
     * Processes sibling nodes into {@code out}. At the document level of an included file ({@code includeLevel})
     * the {@code <Include>} root is replaced by its processed children.
     */
    private void process(List<RawNode> nodes, Output out, boolean includeLevel) {
        Deque<IfFrame> ifs = new ArrayDeque<>();
        boolean release = consuming && !nodes.isEmpty();
        for (int i = 0; i < nodes.size() && !aborted; i++) {
            if (release && i > 0) nodes.set(i - 1, null); // processed (a foreach's body too: the loop skipped past it)
            RawNode node = nodes.get(i);
            boolean active = ifs.isEmpty() || ifs.peek().active();
            if (node instanceof RawNode.Instruction) {
                RawNode.Instruction pi = (RawNode.Instruction) node;
                if (conditional(pi, ifs, active) || !active) {
                    continue;
                }
                if (pi.target().equals("foreach")) {
                    i = foreach(nodes, i, out, includeLevel);
                } else {
                    instruction(pi, out);
                }
            } else if (!active) {
                continue;
            } else if (node instanceof RawNode.Element) {
                RawNode.Element element = (RawNode.Element) node;
                if (includeLevel) {
                    spliceIncludeRoot(element, out);
                } else {
                    SourceElement produced = element(element);
                    if (produced != null) {
                        out.elements.add(produced);
                    }
                }
            } else if (node instanceof RawNode.Text) {
                RawNode.Text text = (RawNode.Text) node;
                if (!text.text().isBlank() && spend(text.location())) {
                    out.text.append(variables.substitute(text.text(), text.location()));
                }
            }
        }
        if (!aborted) {
            for (Iterator<IfFrame> open = ifs.descendingIterator(); open.hasNext(); ) {
                IfFrame frame = open.next();
                diagnostics.report(PreprocessorMessage.UNTERMINATED_DIRECTIVE, frame.location, frame.directive,
                        "endif");
            }
        }
    }

    /** Handles if/ifdef/ifndef/elseif/else/endif; false when {@code pi} is none of them. */
    private boolean conditional(RawNode.Instruction pi, Deque<IfFrame> ifs, boolean active) {
        String target = pi.target();
        switch (target) {
            case "if":
                ifs.push(new IfFrame(target, pi.location(), active,
                        active && conditions.evaluate(pi.data(), pi.location())));
                return true;
            case "ifdef":
            case "ifndef":
                boolean defined = active && isDefined(pi);
                ifs.push(new IfFrame(target, pi.location(), active, active && defined == target.equals("ifdef")));
                return true;
            case "elseif":
            case "else":
                if (ifs.isEmpty()) {
                    diagnostics.report(PreprocessorMessage.UNMATCHED_DIRECTIVE, pi.location(), target, "if");
                    return true;
                }
                IfFrame frame = ifs.peek();
                if (frame.inElse) {
                    diagnostics.report(PreprocessorMessage.DIRECTIVE_AFTER_ELSE, pi.location(), target);
                    frame.current = false;
                    return true;
                }
                if (target.equals("else")) {
                    frame.inElse = true;
                    frame.current = !frame.taken;
                } else {
                    // Once a branch was taken the rest are skipped unevaluated, as WiX does.
                    frame.current = !frame.taken && frame.enclosingActive
                            && conditions.evaluate(pi.data(), pi.location());
                }
                frame.taken |= frame.current;
                return true;
            case "endif":
                if (ifs.isEmpty()) {
                    diagnostics.report(PreprocessorMessage.UNMATCHED_DIRECTIVE, pi.location(), target, "if");
                } else {
                    ifs.pop();
                }
                return true;
            default:
                return false;
        }
    }

    private boolean isDefined(RawNode.Instruction pi) {
        String name = pi.data().trim();
        if (name.isEmpty()) {
            diagnostics.report(PreprocessorMessage.EXPRESSION_SYNTAX, pi.location(), "",
                    "<?" + pi.target() + "?> needs a variable name");
            return false;
        }
        return variables.isDefined(name);
    }

    /** Instructions other than conditionals and foreach, in an active region. */
    private void instruction(RawNode.Instruction pi, Output out) {
        switch (pi.target()) {
            case "define":
                define(pi);
                break;
            case "undef":
                String name = variables.substitute(pi.data().trim(), pi.location());
                if (!variables.undefine(name)) {
                    diagnostics.report(PreprocessorMessage.UNDEFINE_UNDEFINED, pi.location(), name);
                }
                break;
            case "include":
                include(pi, out);
                break;
            case "require":
                // wixl's <?require file?>: include a file once per run (sources written for wixl keep building)
                String written = IncludeResolver.unquote(variables.substitute(pi.data(), pi.location()));
                Optional<Path> found = includes.find(written.isEmpty() ? List.of() : includes.candidates(written, variables.currentFile()));
                if (found.isPresent() && !required.add(realPath(found.get()))) break;
                include(pi, out);
                break;
            case "error":
                diagnostics.report(PreprocessorMessage.USER_ERROR, pi.location(),
                        variables.substitute(pi.data().trim(), pi.location()));
                break;
            case "warning":
                diagnostics.report(PreprocessorMessage.USER_WARNING, pi.location(),
                        variables.substitute(pi.data().trim(), pi.location()));
                break;
            case "pragma":
                diagnostics.report(PreprocessorMessage.PRAGMA_IGNORED, pi.location(), pi.data().trim());
                break;
            case "endforeach":
                diagnostics.report(PreprocessorMessage.UNMATCHED_DIRECTIVE, pi.location(), "endforeach", "foreach");
                break;
            default:
                diagnostics.report(PreprocessorMessage.UNKNOWN_INSTRUCTION, pi.location(), pi.target());
                break;
        }
    }

    private void define(RawNode.Instruction pi) {
        Matcher m = DEFINE.matcher(pi.data());
        String name = m.matches() ? m.group("name") : "";
        if (name.startsWith("var.")) {
            name = name.substring(4);
        }
        if (!VARIABLE_NAME.matcher(name).matches()) {
            diagnostics.report(PreprocessorMessage.ILLEGAL_DEFINE, pi.location(), pi.data().trim());
            return;
        }
        String value = m.group("value") == null ? "" : m.group("value");
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        variables.define(name, variables.substitute(value, pi.location()), pi.location());
    }

    /**
     * Repeats the nodes up to the matching {@code <?endforeach?>} once per value; returns the index of that
     * instruction so the caller continues after it.
     */
    private int foreach(List<RawNode> nodes, int start, Output out, boolean includeLevel) {
        RawNode.Instruction pi = (RawNode.Instruction) nodes.get(start);
        int end = matchingEndforeach(nodes, start);
        if (end < 0) {
            diagnostics.report(PreprocessorMessage.UNTERMINATED_DIRECTIVE, pi.location(), "foreach", "endforeach");
            return nodes.size();
        }
        String data = pi.data();
        int in = data.indexOf(" in ");
        String name = in < 0 ? "" : data.substring(0, in).trim();
        if (name.startsWith("var.")) {
            name = name.substring(4);
        }
        if (!VARIABLE_NAME.matcher(name).matches()) {
            diagnostics.report(PreprocessorMessage.ILLEGAL_FOREACH, pi.location(), data.trim());
            return end;
        }
        String list = IncludeResolver.unquote(data.substring(in + 4));
        List<RawNode> body = nodes.subList(start + 1, end);
        boolean outer = consuming;
        consuming = false; // the body is replayed once per value
        try {
            // WiX splits on every ';', so "a;;b" has an empty middle value.
            for (String value : variables.substitute(list, pi.location()).split(";", -1)) {
                if (!spend(pi.location())) {
                    break;
                }
                variables.assign(name, value);
                process(body, out, includeLevel);
            }
        } finally {
            consuming = outer;
        }
        if (outer) {
            for (int i = start + 1; i < end; i++) nodes.set(i, null);
        }
        return end;
    }

    private static int matchingEndforeach(List<RawNode> nodes, int start) {
        int open = 0;
        for (int i = start; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof RawNode.Instruction) {
                String target = ((RawNode.Instruction) nodes.get(i)).target();
                if (target.equals("foreach")) {
                    open++;
                } else if (target.equals("endforeach") && --open == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private void include(RawNode.Instruction pi, Output out) {
        String written = IncludeResolver.unquote(variables.substitute(pi.data(), pi.location()));
        List<Path> candidates = written.isEmpty() ? List.of() : includes.candidates(written, variables.currentFile());
        Optional<Path> found = includes.find(candidates);
        if (found.isEmpty()) {
            diagnostics.report(PreprocessorMessage.INCLUDE_NOT_FOUND, pi.location(), written,
                    candidates.isEmpty() ? "(nowhere: the path is empty or invalid)"
                            : candidates.stream().map(p -> p.getParent() == null ? p.toString()
                                    : p.getParent().toString()).collect(Collectors.joining(", ")));
            return;
        }
        Path file = found.get();
        if (!options.roots().allows(file)) {
            diagnostics.report(PreprocessorMessage.INCLUDE_OUTSIDE_ROOTS, pi.location(), written,
                    SourceRoots.resolve(file), options.roots().describe());
            return;
        }
        Path real = realPath(file);
        if (fileStack.contains(real)) {
            List<Path> chain = new ArrayList<>(fileStack);
            java.util.Collections.reverse(chain);
            chain.add(real);
            diagnostics.report(PreprocessorMessage.INCLUDE_CYCLE, pi.location(),
                    chain.stream().map(p -> String.valueOf(p.getFileName())).collect(Collectors.joining(" -> ")));
            return;
        }
        if (fileStack.size() > options.limits().maxIncludeDepth()) {
            diagnostics.report(PreprocessorMessage.INCLUDE_TOO_DEEP, pi.location(), options.limits().maxIncludeDepth());
            return;
        }
        RawNode.Document document = parsedIncludes.computeIfAbsent(new IncludeSite(real, pi.location()),
                key -> Optional.ofNullable(parser.parse(shownAs(file, pi.location()), pi.location()))).orElse(null);
        if (document == null) {
            return;
        }
        includedFiles.add(file);
        Path outer = variables.currentFile();
        fileStack.push(real);
        variables.setCurrentFile(file);
        boolean wasConsuming = consuming;
        consuming = false; // a parsed include is kept for the next visit of its site (a foreach)
        try {
            process(document.nodes(), out, true);
        } finally {
            consuming = wasConsuming;
            variables.setCurrentFile(outer);
            fileStack.pop();
        }
    }

    private void spliceIncludeRoot(RawNode.Element root, Output out) {
        if (!root.localName().equals("Include")) {
            diagnostics.report(PreprocessorMessage.INCLUDE_ROOT_NOT_INCLUDE, root.location(), root.qualifiedName());
            return;
        }
        if (root.namespaceUri().isEmpty()) {
            // candle gives the elements of a namespace-less <Include> the including document's namespace
            String was = namespaceOverride;
            namespaceOverride = documentNamespace;
            try {
                process(root.children(), out, false);
            } finally {
                namespaceOverride = was;
            }
            return;
        }
        if (WixNamespace.fromUri(root.namespaceUri()).isEmpty()) {
            diagnostics.report(PreprocessorMessage.INCLUDE_ROOT_NAMESPACE, root.location(), root.namespaceUri());
        }
        process(root.children(), out, false);
    }

    /** Builds one output element; {@code null} once the run has hit a limit. */
    private SourceElement element(RawNode.Element raw) {
        ParseLimits limits = options.limits();
        if (!spend(raw.location())) {
            return null;
        }
        if (depth >= limits.maxDepth()) {
            // Each file is bounded by the parser; this bounds the tree that includes nest together.
            diagnostics.report(PreprocessorMessage.NESTING_TOO_DEEP, raw.location(), limits.maxDepth());
            return null;
        }
        List<SourceAttribute> attributes = new ArrayList<>(raw.attributes().size());
        for (RawNode.Attribute a : raw.attributes()) {
            SourceLocation at = a.location(raw.location());
            String value = variables.substitute(a.value(), at);
            if (value.length() > limits.maxAttributeLength()) {
                diagnostics.report(PreprocessorMessage.ATTRIBUTE_TOO_LONG, at, a.qualifiedName(),
                        value.length(), limits.maxAttributeLength());
                value = "";
            }
            attributes.add(new SourceAttribute(a.namespaceUri(), a.localName(), value, raw.location(), a.line(), a.column()));
        }
        Output children = new Output();
        depth++;
        try {
            process(raw.children(), children, false);
        } finally {
            depth--;
        }
        String ns = raw.namespaceUri().isEmpty() && !namespaceOverride.isEmpty() ? namespaceOverride : raw.namespaceUri();
        return new SourceElement(ns, raw.localName(), attributes, children.elements, children.text.toString(), raw.location());
    }

    /**
     * How an included file is named in locations: like the file that includes it, so that a build run with relative
     * source paths reports relative paths throughout (relative to the working directory, which is also what a
     * relative path is read against), and one run with absolute paths reports absolute ones.
     */
    static Path shownAs(Path file, SourceLocation site) {
        if (site.file().isAbsolute()) return file;
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd.getRoot()) ? cwd.relativize(file) : file;
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
