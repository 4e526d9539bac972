package dev.ssprkit.kit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${NAME}} substitution in the templates under deploy-scripts/templates; an unknown name is an error. */
final class Templates {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Z_]+)}");

    private Templates() {}

    static String render(String template, Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = Templates.class.getResourceAsStream("templates/" + template)) {
            if (in == null) throw new IOException("kit template " + template + " is missing from the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new IllegalStateException("template " + template + " uses ${" + m.group(1) + "} which the kit does not define");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
