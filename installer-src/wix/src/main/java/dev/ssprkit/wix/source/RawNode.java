package dev.ssprkit.wix.source;

import dev.ssprkit.wix.diag.SourceLocation;
import java.util.List;

/**
 * The file as parsed, before preprocessing: elements, text and processing instructions, each located. The
 * preprocessor walks this tree; keeping it (rather than evaluating while StAX streams) lets a {@code <?foreach?>}
 * body be replayed once per value with its original locations. Child lists are modifiable (for the preprocessor
 * only): a main document's nodes are let go as soon as they are processed, so the raw tree and the processed tree
 * are not both held whole (a 100,000-file source's raw tree is about 40 MB).
 */
sealed interface RawNode {

    SourceLocation location();

    /** A child list the preprocessor may release nodes from: the parser's list, trimmed, or a shared empty one. */
    static List<RawNode> children(java.util.ArrayList<RawNode> parsed) {
        if (parsed.isEmpty()) return List.of();
        parsed.trimToSize();
        return parsed;
    }

    /**
     * An attribute exactly as written (entities resolved, variables not yet substituted), with the line and column
     * of its name: its file and include chain are its element's, so no location object per attribute is held
     * (600,000 of them in a 100,000-file source).
     */
    record Attribute(String namespaceUri, String localName, String qualifiedName, String value, int line, int column) {
        /** Where the attribute's name starts; {@code element} is its element's location. */
        SourceLocation location(SourceLocation element) {
            return element.line() == line && element.column() == column ? element
                    : new SourceLocation(element.file(), line, column, element.parent());
        }
    }

    record Element(String namespaceUri, String localName, String qualifiedName, List<Attribute> attributes,
                   List<RawNode> children, SourceLocation location) implements RawNode {
    }

    record Text(String text, SourceLocation location) implements RawNode {
    }

    /** A processing instruction: {@code <?target data?>}. */
    record Instruction(String target, String data, SourceLocation location) implements RawNode {
    }

    /** A parsed file: the nodes at document level (instructions and the one root element). */
    record Document(java.nio.file.Path file, List<RawNode> nodes) {
    }
}
