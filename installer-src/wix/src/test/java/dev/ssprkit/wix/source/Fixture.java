package dev.ssprkit.wix.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ssprkit.wix.diag.Diagnostic;
import dev.ssprkit.wix.diag.Diagnostics;
import dev.ssprkit.wix.diag.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A scenario folder in a temporary directory: write sources, run the preprocessor, look at the result. */
final class Fixture {

    static final String V3 = "http://schemas.microsoft.com/wix/2006/wi";
    static final String V4 = "http://wixtoolset.org/schemas/v4/wxs";

    final Path dir;
    final Diagnostics diagnostics = new Diagnostics();
    final PreprocessorOptions.Builder options;

    Fixture(Path dir) {
        this.dir = dir;
        this.options = PreprocessorOptions.builder().environment(Map.of()).currentDir(dir);
    }

    /** A v4 document whose first line is {@code <Wix ...>}, so the body starts on line 2. */
    static String wix(String body) {
        return "<Wix xmlns=\"" + V4 + "\">\n" + body + "\n</Wix>\n";
    }

    static String include(String body) {
        return "<Include xmlns=\"" + V4 + "\">\n" + body + "\n</Include>\n";
    }

    Path write(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SourceDocument process(Path file) {
        return new Preprocessor(options.build(), diagnostics).process(file);
    }

    /** Processes {@code wix(body)} and expects no errors. */
    SourceElement root(String body) {
        SourceDocument doc = process(write("main.wxs", wix(body)));
        assertFalse(diagnostics.hasErrors(), diagnostics::toString);
        return doc.root();
    }

    /** Processes {@code wix(body)}, expecting errors or warnings. */
    SourceDocument processBody(String body) {
        return process(write("main.wxs", wix(body)));
    }

    /** "ID@line" for every diagnostic, in report order. */
    List<String> reported() {
        return diagnostics.all().stream().map(d -> d.id() + "@" + d.line()).collect(Collectors.toList());
    }

    void assertReported(String... expected) {
        assertEquals(List.of(expected), reported(), diagnostics::toString);
    }

    Diagnostic only(Message message) {
        List<Diagnostic> matching = diagnostics.all().stream().filter(d -> d.message() == message)
                .collect(Collectors.toList());
        assertEquals(1, matching.size(), diagnostics::toString);
        return matching.get(0);
    }

    /** The Id attributes of the root's children, comma-separated. */
    static String ids(SourceElement parent) {
        return parent.children().stream().map(e -> e.attr("Id")).collect(Collectors.joining(","));
    }
}
