package dev.ssprkit.wix.source;

import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.PreprocessorMessage;
import dev.ssprkit.wix.diag.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one file into a located {@link RawNode} tree with the JDK's StAX parser, hardened: no DTD (so no entity
 * expansion and no external entities), bounded file size, nesting depth and attribute length. Every failure is
 * reported to the diagnostics with a location; StAX exceptions do not leave this class.
 */
final class LocatedXmlParser {

    private static final Pattern STAX_PREFIX = Pattern.compile("^ParseError at \\[row,col\\]:\\[-?\\d+,-?\\d+\\]\\s*"
            + "Message:\\s*", Pattern.DOTALL);

    private final ParseLimits limits;
    private final Diagnostics diagnostics;
    private final XMLInputFactory factory;

    LocatedXmlParser(ParseLimits limits, Diagnostics diagnostics) {
        this.limits = limits;
        this.diagnostics = diagnostics;
        // The JDK's own implementation, not whatever is on the class path: the location code below relies on how
        // it reports line and column.
        this.factory = LocatedXml.hardenedFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /**
     * Parses {@code file}; {@code includedFrom} becomes the parent of every location in it. Returns {@code null}
     * after reporting when the file cannot be read or is not acceptable XML.
     */
    RawNode.Document parse(Path file, SourceLocation includedFrom) {
        SourceLocation wholeFile = new SourceLocation(file, 0, 0, includedFrom);
        SourceText source;
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                diagnostics.report(PreprocessorMessage.FILE_TOO_LARGE, wholeFile, size, limits.maxFileBytes());
                return null;
            }
            source = SourceText.decode(dev.ssprkit.common.FileBytes.read(file));
        } catch (IOException e) {
            diagnostics.report(PreprocessorMessage.CANNOT_READ_FILE, wholeFile, e.toString());
            return null;
        } catch (SourceText.DecodeException e) {
            diagnostics.report(PreprocessorMessage.BAD_ENCODING,
                    new SourceLocation(file, e.line, e.column, includedFrom), e.encoding, e.getMessage());
            return null;
        }
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new StringReader(source.text()));
            return new Walk(file, includedFrom, source, reader).run();
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            SourceLocation where = at == null ? wholeFile
                    : new SourceLocation(file, Math.max(at.getLineNumber(), 0), Math.max(at.getColumnNumber(), 0),
                            includedFrom);
            diagnostics.report(PreprocessorMessage.MALFORMED_XML, where, cleanMessage(e));
            return null;
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Nothing is held open: the input is a string.
                }
            }
        }
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "parse error" : e.getMessage();
        return STAX_PREFIX.matcher(m).replaceFirst("").trim();
    }

    /** One pass over one file's events. */
    private final class Walk {
        private final Path file;
        private final SourceLocation includedFrom;
        private final SourceText source;
        private final String text;
        private final XMLStreamReader reader;
        private final Deque<OpenElement> open = new ArrayDeque<>();
        private final ArrayList<RawNode> documentNodes = new ArrayList<>();
        /** Offset just past the last event whose end StAX reports exactly (tags, instructions, comments). */
        private int lastEnd;

        Walk(Path file, SourceLocation includedFrom, SourceText source, XMLStreamReader reader) {
            this.file = file;
            this.includedFrom = includedFrom;
            this.source = source;
            this.text = source.text();
            this.reader = reader;
            this.lastEnd = endOffset();
        }

        RawNode.Document run() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT:
                        if (!startElement()) {
                            return null;
                        }
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        endElement();
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        characters();
                        break;
                    case XMLStreamConstants.PROCESSING_INSTRUCTION:
                        instruction();
                        break;
                    case XMLStreamConstants.COMMENT:
                        lastEnd = endOffset();
                        break;
                    case XMLStreamConstants.DTD:
                        int doctype = text.indexOf("<!DOCTYPE", lastEnd);
                        diagnostics.report(PreprocessorMessage.DOCTYPE_NOT_ALLOWED,
                                at(doctype < 0 ? lastEnd : doctype));
                        return null;
                    default:
                        break;
                }
            }
            return new RawNode.Document(file, RawNode.children(documentNodes));
        }

        private static final int[] NO_NAMES = new int[0];
        /**
         * Short attribute values ({@code yes}, {@code no}, {@code *}, {@code 1}), one string each per document: the
         * XML reader makes a new string for every value, and a 100,000-file source that says {@code KeyPath="yes"} on
         * every file held 100,000 copies (4.8 MB) until compiling ended.
         */
        private final java.util.Map<String, String> shortValues = new java.util.HashMap<>();
        private static final int SHORT_VALUE = 4;

        private boolean startElement() {
            int end = endOffset();
            int start = Math.max(0, text.lastIndexOf('<', end - 1));
            SourceLocation location = at(start);
            if (open.size() >= limits.maxDepth()) {
                diagnostics.report(PreprocessorMessage.NESTING_TOO_DEEP, location, limits.maxDepth());
                return false;
            }
            int count = reader.getAttributeCount();
            int[] nameStarts = count == 0 ? NO_NAMES : attributeNames(start, end);
            List<RawNode.Attribute> attributes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String prefix = reader.getAttributePrefix(i);
                String local = reader.getAttributeLocalName(i);
                String qualified = prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
                int offset = nameOffset(nameStarts, qualified);
                SourceLocation attrLocation = offset < 0 ? location : at(offset);
                String value = reader.getAttributeValue(i);
                if (value.length() > limits.maxAttributeLength()) {
                    diagnostics.report(PreprocessorMessage.ATTRIBUTE_TOO_LONG, attrLocation, qualified,
                            value.length(), limits.maxAttributeLength());
                    value = "";
                }
                if (value.length() <= SHORT_VALUE) value = shortValues.computeIfAbsent(value, v -> v);
                attributes.add(new RawNode.Attribute(nullToEmpty(reader.getAttributeNamespace(i)), local, qualified,
                        value, attrLocation.line(), attrLocation.column()));
            }
            String prefix = reader.getPrefix();
            String local = reader.getLocalName();
            open.push(new OpenElement(nullToEmpty(reader.getNamespaceURI()), local,
                    prefix == null || prefix.isEmpty() ? local : prefix + ":" + local, attributes, location));
            lastEnd = end;
            return true;
        }

        private void endElement() {
            OpenElement e = open.pop();
            add(new RawNode.Element(e.namespaceUri, e.localName, e.qualifiedName, List.copyOf(e.attributes),
                    RawNode.children(e.children), e.location));
            lastEnd = endOffset();
        }

        private void characters() {
            if (open.isEmpty()) {
                return; // whitespace around the root element
            }
            // StAX reports the end of a text event after some look-ahead, so locate the text from the previous
            // exact end instead: its first non-blank character, else where it starts.
            int start = lastEnd;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            if (start >= text.length() || text.charAt(start) == '<' && !text.startsWith("<![CDATA[", start)) {
                start = lastEnd;
            }
            open.peek().children.add(new RawNode.Text(reader.getText(), at(start)));
        }

        private void instruction() {
            int end = endOffset();
            int start = Math.max(0, text.lastIndexOf("<?", Math.max(0, end - 2)));
            String data = reader.getPIData();
            add(new RawNode.Instruction(reader.getPITarget(), data == null ? "" : data, at(start)));
            lastEnd = end;
        }

        private void add(RawNode node) {
            if (open.isEmpty()) {
                documentNodes.add(node);
            } else {
                open.peek().children.add(node);
            }
        }

        /**
         * Where the current event ends. StAX's line and column are exact for tags, instructions and comments, but its
         * character offset drifts (the JDK miscounts it across buffer refills), so the offset is computed from them.
         */
        private int endOffset() {
            Location at = reader.getLocation();
            return at.getLineNumber() < 1 ? lastEnd : source.offset(at.getLineNumber(), at.getColumnNumber());
        }

        /**
         * Where each attribute's name starts and ends inside the start tag {@code text[start, end)}, as start, end,
         * start, end... StAX has already checked the tag is well-formed, so a plain scan suffices; {@code <} cannot
         * occur in attribute values. (Pairs of offsets, looked up by comparing text in place: a map and a substring
         * per attribute were a tenth of the time spent reading a 20,000-file source.)
         */
        private int[] attributeNames(int start, int end) {
            int[] names = new int[8];
            int found = 0;
            int i = start + 1;
            while (i < end && !isTagSpace(text.charAt(i)) && text.charAt(i) != '>' && text.charAt(i) != '/') {
                i++;
            }
            while (i < end) {
                while (i < end && isTagSpace(text.charAt(i))) {
                    i++;
                }
                if (i >= end || text.charAt(i) == '>' || text.charAt(i) == '/') {
                    break;
                }
                int nameStart = i;
                while (i < end && text.charAt(i) != '=' && !isTagSpace(text.charAt(i))) {
                    i++;
                }
                if (found + 2 > names.length) names = java.util.Arrays.copyOf(names, names.length * 2);
                names[found++] = nameStart;
                names[found++] = i;
                while (i < end && text.charAt(i) != '\'' && text.charAt(i) != '"') {
                    i++;
                }
                if (i >= end) {
                    break;
                }
                char quote = text.charAt(i);
                int close = text.indexOf(quote, i + 1);
                i = close < 0 ? end : close + 1;
            }
            return names; // unused pairs are (0, 0): no name matches them
        }

        /** Where the first attribute named {@code qualified} starts, from {@link #attributeNames}; -1 when not found. */
        private int nameOffset(int[] names, String qualified) {
            for (int k = 0; k + 1 < names.length; k += 2) {
                int length = names[k + 1] - names[k];
                if (length == qualified.length() && text.regionMatches(names[k], qualified, 0, length)) return names[k];
            }
            return -1;
        }

        private SourceLocation at(int offset) {
            return new SourceLocation(file, source.line(offset), source.column(offset), includedFrom);
        }
    }

    private static boolean isTagSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static final class OpenElement {
        final String namespaceUri;
        final String localName;
        final String qualifiedName;
        final List<RawNode.Attribute> attributes;
        final SourceLocation location;
        final ArrayList<RawNode> children = new ArrayList<>();

        OpenElement(String namespaceUri, String localName, String qualifiedName, List<RawNode.Attribute> attributes,
                    SourceLocation location) {
            this.namespaceUri = namespaceUri;
            this.localName = localName;
            this.qualifiedName = qualifiedName;
            this.attributes = attributes;
            this.location = location;
        }
    }
}
