package dev.ssprkit.wix.harvest;

import dev.ssprkit.builder.Guids;
import dev.ssprkit.wix.compile.CompileContext;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a WiX fragment for a folder tree, as heat and wixl-heat do: one component per file with the file as key
 * path, directories mirroring the tree under a DirectoryRef, a ComponentGroup listing every component. Ids and GUIDs
 * are derived from the relative path (and the group), so harvesting the same tree gives the same fragment, and a file
 * keeps its component GUID from one release to the next.
 *
 * @param directoryRef  the directory the tree is placed in ({@code -dr})
 * @param componentGroup the group listing the components ({@code -cg})
 * @param sourceVariable the preprocessor variable Source paths start with ({@code -var var.X}), or null for paths
 *                       relative to the folder's parent ({@code SourceDir\...})
 * @param v3            write WiX v3 syntax (Guid attributes, v3 namespace) instead of v4
 * @param suppressRoot  place the folder's content directly in {@code directoryRef} ({@code -srd})
 * @param autoGuids     write {@code Guid="*"} (the build derives them) instead of explicit stable GUIDs
 */
public record Harvester(String directoryRef, String componentGroup, String sourceVariable, boolean v3,
                        boolean suppressRoot, boolean autoGuids, List<String> includes, List<String> excludes) {
    /** The namespace of the GUIDs harvesting writes (ours): the relative path is the name. */
    static final String GUID_NAMESPACE = "{A7E4C2B9-5D18-5F3A-8C6E-1B9D4F270E53}";

    public Harvester {
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }

    /** The fragment for {@code root}. */
    public String harvest(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        List<PathMatcher> in = matchers(includes), out = matchers(excludes);
        List<Path> files;
        try (Stream<Path> s = Files.walk(base)) {
            files = s.filter(Files::isRegularFile).map(base::relativize)
                    .filter(p -> (in.isEmpty() || in.stream().anyMatch(m -> m.matches(p))) && out.stream().noneMatch(m -> m.matches(p)))
                    .sorted().toList();
        }
        Node tree = new Node(suppressRoot ? "" : base.getFileName().toString());
        for (Path f : files) {
            Node n = tree;
            for (int i = 0; i < f.getNameCount() - 1; i++) n = n.child(f.getName(i).toString());
            n.files.add(f);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.append("<!-- Harvested by sspr harvest from ").append(escape(base.getFileName().toString())).append(". -->\n");
        sb.append("<Wix xmlns=\"").append(v3 ? "http://schemas.microsoft.com/wix/2006/wi" : "http://wixtoolset.org/schemas/v4/wxs").append("\">\n");
        sb.append("  <Fragment>\n    <DirectoryRef Id=\"").append(escape(directoryRef)).append("\">\n");
        List<String> components = new ArrayList<>();
        String prefix = sourceVariable != null ? "$(" + sourceVariable + ")\\" : "SourceDir\\" + (suppressRoot ? "" : base.getFileName() + "\\");
        if (suppressRoot) body(tree, "", "      ", sb, components, prefix);
        else directory(tree, tree.name, "      ", sb, components, prefix);
        sb.append("    </DirectoryRef>\n  </Fragment>\n");
        sb.append("  <Fragment>\n    <ComponentGroup Id=\"").append(escape(componentGroup)).append("\">\n");
        for (String c : components) sb.append("      <ComponentRef Id=\"").append(c).append("\" />\n");
        sb.append("    </ComponentGroup>\n  </Fragment>\n</Wix>\n");
        return sb.toString();
    }

    private void directory(Node n, String rel, String indent, StringBuilder sb, List<String> components, String prefix) {
        sb.append(indent).append("<Directory Id=\"").append(CompileContext.generatedId("dir", componentGroup, rel))
                .append("\" Name=\"").append(escape(n.name)).append("\">\n");
        body(n, rel, indent + "  ", sb, components, prefix);
        sb.append(indent).append("</Directory>\n");
    }

    private void body(Node n, String rel, String indent, StringBuilder sb, List<String> components, String prefix) {
        for (Path f : n.files) {
            String relative = f.toString().replace('\\', '/');
            String key = relative.toLowerCase(Locale.ROOT);
            String cmp = CompileContext.generatedId("cmp", componentGroup, key);
            String fil = CompileContext.generatedId("fil", componentGroup, key);
            String guid = autoGuids ? "*" : Guids.nameBased(GUID_NAMESPACE, componentGroup, key);
            String source = prefix + relative.replace('/', '\\');
            sb.append(indent).append("<Component Id=\"").append(cmp).append("\" Guid=\"").append(guid).append("\">\n");
            sb.append(indent).append("  <File Id=\"").append(fil).append("\" KeyPath=\"yes\" Source=\"").append(escape(source)).append("\" />\n");
            sb.append(indent).append("</Component>\n");
            components.add(cmp);
        }
        for (Map.Entry<String, Node> c : n.children.entrySet()) {
            directory(c.getValue(), (rel.isEmpty() ? "" : rel + "/") + c.getKey(), indent, sb, components, prefix);
        }
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        for (String g : globs) out.add(FileSystems.getDefault().getPathMatcher("glob:" + g.replace('\\', '/')));
        return out;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class Node {
        final String name;
        final Map<String, Node> children = new TreeMap<>();
        final List<Path> files = new ArrayList<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String n) {
            return children.computeIfAbsent(n, Node::new);
        }
    }
}
