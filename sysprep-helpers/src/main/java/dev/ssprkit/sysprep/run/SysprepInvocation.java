package dev.ssprkit.sysprep.run;

import java.nio.file.Path;
import java.util.List;

/** The sysprep command line for CopyProfile images. */
public final class SysprepInvocation {
    private SysprepInvocation() {}

    /** {@code %WINDIR%\System32\Sysprep\sysprep.exe /generalize /oobe /shutdown /unattend:FILE}. */
    public static List<String> command(Path windowsDir, Path unattend) {
        String exe = windowsDir.toString().replaceAll("[\\\\/]+$", "") + "\\System32\\Sysprep\\sysprep.exe";
        return List.of(exe, "/generalize", "/oobe", "/shutdown", "/unattend:" + unattend.toAbsolutePath());
    }
}
