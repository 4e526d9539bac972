package dev.ssprkit.wix.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the preprocessor needs from outside the source: command-line defines ({@code -d}), include directories
 * ({@code -I}), the environment for {@code $(env.X)}, the platform and current directory for {@code $(sys.X)}, and
 * input limits. Immutable; build with {@link #builder()}.
 */
public final class PreprocessorOptions {

    private final Map<String, String> defines;
    private final List<Path> includeDirs;
    private final Map<String, String> environment;
    private final Platform platform;
    private final Path currentDir;
    private final ParseLimits limits;
    private final SourceRoots roots;

    private PreprocessorOptions(Builder b) {
        this.defines = Map.copyOf(b.defines);
        this.includeDirs = List.copyOf(b.includeDirs);
        this.environment = Map.copyOf(b.environment);
        this.platform = b.platform;
        this.currentDir = b.currentDir;
        this.limits = b.limits;
        this.roots = b.roots;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No defines or include directories, the process environment, x86, the process's working directory. */
    public static PreprocessorOptions defaults() {
        return builder().build();
    }

    public Map<String, String> defines() {
        return defines;
    }

    public List<Path> includeDirs() {
        return includeDirs;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Platform platform() {
        return platform;
    }

    public Path currentDir() {
        return currentDir;
    }

    public ParseLimits limits() {
        return limits;
    }

    /** The folders {@code <?include?>} may read from (default: unconfined). */
    public SourceRoots roots() {
        return roots;
    }

    public static final class Builder {
        private final Map<String, String> defines = new LinkedHashMap<>();
        private final List<Path> includeDirs = new ArrayList<>();
        private Map<String, String> environment = System.getenv();
        private Platform platform = Platform.X86;
        private Path currentDir = Path.of("").toAbsolutePath();
        private ParseLimits limits = ParseLimits.DEFAULT;
        private SourceRoots roots = SourceRoots.unconfined();

        private Builder() {
        }

        /** Defines a variable as {@code -d NAME=VALUE} does; a later call for the same name wins. */
        public Builder define(String name, String value) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("define needs a name");
            }
            defines.put(name.startsWith("var.") ? name.substring(4) : name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Parses a command-line argument {@code NAME=VALUE}, or {@code NAME} alone for an empty value. */
        public Builder define(String argument) {
            int eq = argument.indexOf('=');
            return eq < 0 ? define(argument.trim(), "") : define(argument.substring(0, eq).trim(),
                    argument.substring(eq + 1));
        }

        public Builder defines(Map<String, String> all) {
            all.forEach(this::define);
            return this;
        }

        /** Adds a directory searched, in order of addition, after the including file's own directory. */
        public Builder includeDir(Path dir) {
            includeDirs.add(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /** Replaces the variables {@code $(env.X)} reads (default: the process environment). */
        public Builder environment(Map<String, String> env) {
            this.environment = Objects.requireNonNull(env, "env");
            return this;
        }

        public Builder platform(Platform platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
            return this;
        }

        /** The directory {@code $(sys.CURRENTDIR)} names (default: the process's working directory). */
        public Builder currentDir(Path dir) {
            this.currentDir = dir.toAbsolutePath();
            return this;
        }

        public Builder limits(ParseLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Confines {@code <?include?>} to these folders; an include that resolves elsewhere is an error. */
        public Builder roots(SourceRoots roots) {
            this.roots = Objects.requireNonNull(roots, "roots");
            return this;
        }

        public PreprocessorOptions build() {
            return new PreprocessorOptions(this);
        }
    }
}
