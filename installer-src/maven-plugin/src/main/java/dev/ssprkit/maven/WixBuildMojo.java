package dev.ssprkit.maven;

import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import dev.ssprkit.wix.diag.Diagnostic;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an MSI from WiX sources ({@code ssprkit:build}). Only adapts Maven configuration to {@link WixBuild}; every
 * diagnostic is logged with its {@code file:line:column}, and errors fail the build with no output file.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.ssprkit</groupId><artifactId>ssprkit-maven-plugin</artifactId>
 *   <executions><execution><id>x64</id><goals><goal>build</goal></goals>
 *     <configuration>
 *       <sources><source>SsprWindowsLogon.wxs</source></sources>
 *       <platform>x64</platform>
 *       <outputFile>${project.build.directory}/x64/SsprWindowsLogon.PROD.msi</outputFile>
 *       <defines><PayloadDir>${sspr.payload}</PayloadDir></defines>
 *     </configuration></execution></executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class WixBuildMojo extends AbstractMojo {
    /** The .wxs files to compile and link together. */
    @Parameter(required = true)
    private List<File> sources;

    /** The MSI to write. */
    @Parameter(required = true)
    private File outputFile;

    /** x86 or x64. */
    @Parameter(defaultValue = "x64")
    private String platform;

    /**
     * Preprocessor variables ({@code -d NAME=VALUE}). A blank value leaves the variable undefined, so that the
     * source's own {@code <?ifndef?>} default applies (Maven cannot unset a property).
     */
    @Parameter
    private Map<String, String> defines = new HashMap<>();

    /** Folders searched by {@code <?include?>}. */
    @Parameter
    private List<File> includeDirs = new ArrayList<>();

    /** Build time for reproducible output, in seconds since 1970 (defaults to SOURCE_DATE_EPOCH, then now). */
    @Parameter(property = "ssprkit.buildTime")
    private Long buildTime;

    @Parameter(property = "ssprkit.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ssprkit build skipped");
            return;
        }
        List<Path> srcs = sources.stream().map(File::toPath).toList();
        List<Path> includes = includeDirs.stream().map(File::toPath).toList();
        Map<String, String> vars = new java.util.LinkedHashMap<>();
        if (defines != null) defines.forEach((k, v) -> {
            if (v != null && !v.isBlank()) vars.put(k, v);
        });
        BuildRequest request = new BuildRequest(srcs, outputFile.toPath(), platform, vars,
                includes, System.getenv(), buildTime == null ? null : Instant.ofEpochSecond(buildTime));
        BuildResult result;
        try {
            result = WixBuild.build(request);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("ssprkit build of " + srcs + " failed: " + e.getMessage(), e);
        }
        for (Diagnostic d : result.diagnostics()) {
            if (d.isError()) getLog().error(d.toString());
            else getLog().warn(d.toString());
        }
        if (!result.success()) {
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            throw new MojoFailureException("ssprkit build of " + srcs + " failed with " + errors + " error(s); see above");
        }
        getLog().info("ssprkit built " + result.output());
    }
}
