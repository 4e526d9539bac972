package dev.ssprkit.sysprep.profile;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinReg;

import java.nio.file.Path;

/**
 * Profiles of the running Windows (thin JNA code, exercised only on Windows).
 *
 * <p>The built-in Administrator is the local account whose SID is the machine SID followed by RID 500; its profile
 * folder is {@code ProfileImagePath} under {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\<SID>}.
 * The Default profile is that key's {@code Default} value.
 */
public final class WindowsProfileLocator implements ProfileLocator {
    static final String PROFILE_LIST = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList";

    @Override
    public UserProfile builtInAdministrator() {
        // LookupAccountName on the computer name yields the machine (local account domain) SID.
        String machineSid = Advapi32Util.getAccountByName(Kernel32Util.getComputerName()).sidString;
        String adminSid = machineSid + "-500";
        String name = Advapi32Util.getAccountBySid(adminSid).name;
        String key = PROFILE_LIST + "\\" + adminSid;
        if (!Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, key)) {
            throw new IllegalStateException("the built-in Administrator (" + name + ", " + adminSid
                    + ") has no profile yet (no HKLM\\" + key + "): sign in once as that account first");
        }
        String path = Advapi32Util.registryGetStringValue(WinReg.HKEY_LOCAL_MACHINE, key, "ProfileImagePath");
        return new UserProfile(name, adminSid, Path.of(Kernel32Util.expandEnvironmentStrings(path)));
    }

    @Override
    public UserProfile defaultProfile() {
        String path = Advapi32Util.registryGetStringValue(WinReg.HKEY_LOCAL_MACHINE, PROFILE_LIST, "Default");
        return new UserProfile("Default", null, Path.of(Kernel32Util.expandEnvironmentStrings(path)));
    }
}
