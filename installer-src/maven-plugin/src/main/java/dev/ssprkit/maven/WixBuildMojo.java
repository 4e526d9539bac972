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
 *       <sign><keystore>codesign.p12</keystore><storepassEnv>SIGN_PASS</storepassEnv></sign>
 *     </configuration></execution></executions>
 * </plugin>
 * }</pre>
 *
 * <p>Reading is confined: sources, includes and payload must lie under the folders of the sources, the include
 * directories, {@code <allowedRoots>}, or the folder the {@code PayloadDir} define names (a payload folder given on
 * the command line, {@code -Dsspr.payload=DIR}, is allowed by being given).
 *
 * <p>Signing ({@code <sign>}, off unless it names a keystore) is the last write: the package, then
 * {@code <sign><files>}. A failed signing fails the build and removes the unsigned package, so that an unsigned
 * file is never mistaken for a release.
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

    /** Folders besides those of the sources and includes that the build may read payload from. */
    @Parameter
    private List<File> allowedRoots = new ArrayList<>();

    /**
     * Cabinet compression where the sources name none, as WiX's {@code -dcl}: {@code none}, {@code low} (LZX:15),
     * {@code medium} (LZX:18), {@code high} (LZX:21) or {@code mszip}. Default: WiX's (v3 sources: mszip, v4 and
     * later: medium).
     */
    @Parameter(property = "ssprkit.compression")
    private String compression;

    /** Authenticode signing of the built package (see {@link SignConfig}); skipped unless a keystore is set. */
    @Parameter
    private SignConfig sign;

    /** Where passwords named by {@code <sign>} are read from (tests replace it). */
    java.util.function.Function<String, String> environment = System::getenv;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ssprkit build skipped");
            return;
        }
        if (compression != null) {
            dev.ssprkit.cab.WixCompressionLevel level = dev.ssprkit.cab.WixCompressionLevel.parseIgnoringCase(compression)
                    .orElseThrow(() -> new MojoExecutionException("ssprkit: <compression> must be one of "
                            + dev.ssprkit.cab.WixCompressionLevel.accepted() + ", not '" + compression + "'"));
            // BuildRequest has no field for it yet: say so rather than ignore it silently
            getLog().warn("ssprkit: <compression>" + level.wixName() + "</compression> is not applied yet; the sources' "
                    + "CompressionLevel (or WiX's default) decides");
        }
        List<Path> srcs = sources.stream().map(File::toPath).toList();
        List<Path> includes = includeDirs.stream().map(File::toPath).toList();
        Map<String, String> vars = new java.util.LinkedHashMap<>();
        if (defines != null) defines.forEach((k, v) -> {
            if (v != null && !v.isBlank()) vars.put(k, v);
        });
        BuildRequest request = new BuildRequest(srcs, outputFile.toPath(), platform, vars,
                includes, System.getenv(), buildTime == null ? null : Instant.ofEpochSecond(buildTime))
                .withAllowedRoots(roots(srcs, vars));
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
        if (sign != null && sign.enabled()) sign(result.output());
    }

    private void sign(Path msi) throws MojoExecutionException {
        try {
            for (Path p : Signing.sign(sign, msi, environment)) getLog().info("ssprkit signed " + p);
        } catch (IllegalArgumentException e) {
            deleteUnsigned(msi);
            throw new MojoExecutionException("ssprkit: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            deleteUnsigned(msi);
            // the signer's messages carry no secret (see dev.ssprkit.sign.Scrubbed)
            throw new MojoExecutionException("ssprkit: " + e.getMessage() + "; the unsigned " + msi.getFileName() + " was removed", e);
        }
    }

    private void deleteUnsigned(Path msi) {
        try {
            java.nio.file.Files.deleteIfExists(msi);
        } catch (java.io.IOException e) {
            getLog().warn("cannot remove the unsigned " + msi + ": " + e.getMessage());
        }
    }

    /**
     * The explicitly allowed roots: {@code <allowedRoots>}, and the folder of the {@code PayloadDir} define (resolved
     * against the first source's folder, as the compiler resolves {@code File/@Source}).
     */
    List<Path> roots(List<Path> srcs, Map<String, String> vars) {
        List<Path> roots = new ArrayList<>(allowedRoots.stream().map(File::toPath).toList());
        String payload = vars.get("PayloadDir");
        if (payload != null && !srcs.isEmpty()) {
            try {
                Path dir = srcs.get(0).toAbsolutePath().getParent().resolve(Path.of(payload.replace('\\', '/')));
                roots.add(dir.normalize());
            } catch (java.nio.file.InvalidPathException e) {
                getLog().warn("PayloadDir '" + payload + "' is not a path; it is not added to the allowed roots");
            }
        }
        return roots;
    }
}
