package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Knowledge;
import dev.ssprkit.validate.Rule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-user versus per-machine data.
 * <ul>
 * <li>ICE38: a component installed into the user profile has an HKCU registry value as its key path (a file in
 *     one user's profile cannot tell whether the component is installed for another user).</li>
 * <li>ICE43: a component with non-advertised shortcuts in the user profile has an HKCU registry key path. In a
 *     per-machine package (ALLUSERS=1) the shell folders shortcuts go to (Desktop, Start menu, Programs, Startup,
 *     Templates) are the All Users ones (the SDK's ALLUSERS page), so their shortcuts are not per-user: WiX-built
 *     per-machine packages with a desktop shortcut in a file-keyed component (netbird's) pass Windows' ICE43.</li>
 * <li>ICE57: a component does not mix per-user data (profile files, HKCU values) and per-machine data (other
 *     files, HKLM/HKCR values) and its key path matches what it holds; an HKMU key path with per-user data, and
 *     mixed data with an HKCU registry key path (the SDK page's own example of a warning), are warnings.</li>
 * <li>ICE64: every directory created below a profile folder is removed by a RemoveFile row (its DirProperty with a
 *     null FileName), since roaming profiles keep what is left behind.</li>
 * <li>ICE90: a shortcut's directory below the profile is not a public property (warning).</li>
 * <li>ICE91: files going to a per-user-only folder (AppDataFolder, PersonalFolder...) in a package that may install
 *     per-machine (warning).</li>
 * <li>ICE105: a per-user-only package (ALLUSERS absent, or ALLUSERS=2 with MSIINSTALLPERUSER=1) writes no
 *     per-machine folders or HKLM values.</li>
 * </ul>
 * The SDK's ICE91 also covers IniFile rows, which we do not declare.
 */
public final class Profiles implements Rule {
    static final int HKMU = -1, HKCR = 0, HKCU = 1, HKLM = 2, HKU = 3;
    /** Shell folders Windows Installer points at the All Users profile when ALLUSERS=1. */
    static final Set<String> ALL_USERS_SHELL_FOLDERS = Set.of("DesktopFolder", "ProgramMenuFolder", "StartMenuFolder", "StartupFolder", "TemplateFolder");

    @Override
    public List<String> ices() {
        return List.of("ICE38", "ICE43", "ICE57", "ICE64", "ICE90", "ICE91", "ICE105");
    }

    @Override
    public void check(Context ctx) {
        String allUsers = ctx.property("ALLUSERS");
        boolean perUserOnly = allUsers == null || ("2".equals(allUsers) && "1".equals(ctx.property("MSIINSTALLPERUSER")));
        boolean perMachine = "1".equals(allUsers);
        for (Row c : ctx.rows("Component")) component(ctx, c, perUserOnly, perMachine);
        profileDirectories(ctx);
        for (Row s : ctx.rows("Shortcut")) {
            String dir = Context.text(s, "Directory_");
            if (dir != null && dir.equals(dir.toUpperCase(java.util.Locale.ROOT)) && ctx.isUnder(dir, Knowledge.PROFILE_FOLDERS)
                    && !Knowledge.FOLDER_PROPERTIES.contains(dir)) {
                ctx.warning("ICE90", s, "Directory_", "shortcut " + Context.text(s, "Shortcut") + " is in " + dir
                        + ", a public property below the user profile: it breaks if ALLUSERS changes in the UI sequence");
            }
        }
        if (!perUserOnly) {
            for (Row f : ctx.rows("File")) {
                Row c = ctx.find("Component", Context.text(f, "Component_"));
                String folder = c == null ? null : ctx.folderOf(Context.text(c, "Directory_"), Knowledge.PER_USER_ONLY_FOLDERS);
                if (folder != null) {
                    ctx.warning("ICE91", f, "Component_", "file " + Context.text(f, "File") + " goes to the per-user folder " + folder
                            + ", which does not follow ALLUSERS: other users of a per-machine installation will not get it");
                }
            }
        }
    }

    private void component(Context ctx, Row c, boolean perUserOnly, boolean perMachine) {
        String id = Context.text(c, "Component"), dir = Context.text(c, "Directory_");
        boolean inProfile = ctx.isUnder(dir, Knowledge.PROFILE_FOLDERS);
        boolean perUserData = false, perMachineData = false;
        boolean hasFiles = !ctx.rowsWith("File", "Component_", id).isEmpty();
        if (hasFiles) {
            if (inProfile) perUserData = true;
            else perMachineData = true;
        }
        Set<Integer> roots = new HashSet<>();
        for (Row r : ctx.rowsWith("Registry", "Component_", id)) {
            int root = Context.integer(r, "Root", HKLM);
            roots.add(root);
            if (root == HKCU) perUserData = true;
            else if (root != HKMU) perMachineData = true;
        }
        String keyPath = Context.text(c, "KeyPath");
        boolean registryKey = (Context.integer(c, "Attributes", 0) & Components.REGISTRY_KEY_PATH) != 0;
        Row keyReg = keyPath != null && registryKey ? ctx.find("Registry", keyPath) : null;
        int keyRoot = keyReg == null ? Integer.MIN_VALUE : Context.integer(keyReg, "Root", HKLM);
        // the SDK's ICE43 page gives the fix for a profile component's key path as "change the root value to -1 or 1":
        // HKMU (-1) is HKCU in a per-user installation, and ICE38 (the same rule for files) accepts it alike
        // (PowerShell's per-machine package keys its Start-menu component with an HKMU value and passes light's ICEs)
        boolean hkcuKeyPath = keyRoot == HKCU || keyRoot == HKMU;

        if (inProfile && !hkcuKeyPath) {
            ctx.error("ICE38", c, "KeyPath", "component " + id + " installs to the user profile (" + dir
                    + ") and must use an HKCU registry value as its key path");
        }
        for (Row s : ctx.rowsWith("Shortcut", "Component_", id)) {
            boolean advertised = ctx.find("Feature", Context.text(s, "Target")) != null;
            String shortcutDir = Context.text(s, "Directory_");
            boolean allUsers = perMachine && ctx.isUnder(shortcutDir, ALL_USERS_SHELL_FOLDERS);
            if (!advertised && !allUsers && ctx.isUnder(shortcutDir, Knowledge.PROFILE_FOLDERS) && !hkcuKeyPath) {
                ctx.error("ICE43", c, "KeyPath", "component " + id + " has the non-advertised shortcut " + Context.text(s, "Shortcut")
                        + " in the user profile and must use an HKCU registry value as its key path");
                break;
            }
        }
        boolean perUserKey = keyReg != null ? keyRoot == HKCU : inProfile;
        boolean perMachineKey = keyReg != null ? keyRoot != HKCU && keyRoot != HKMU : !inProfile;
        if (perUserData && perMachineData && keyRoot == HKCU) {
            // the SDK's ICE57 page gives this case (its Component2) as a warning, not an error: light's validation passes
            // it (seafile's shell-extension components)
            ctx.warning("ICE57", c, "KeyPath", "component " + id + " has both per-user and per-machine data with an HKCU registry key path");
        } else if (perUserData && perMachineData) {
            ctx.error("ICE57", c, "Component", "component " + id + " has both per-user and per-machine data with a "
                    + (perUserKey ? "per-user" : perMachineKey ? "per-machine" : "per-user or per-machine") + " key path");
        } else if (perUserData && perMachineKey && keyPath != null) {
            ctx.error("ICE57", c, "KeyPath", "component " + id + " has per-user data but a per-machine key path");
        } else if (perUserData && keyRoot == HKMU) {
            ctx.warning("ICE57", c, "KeyPath", "component " + id + " has per-user data and an HKMU key path, which is per-user or per-machine depending on ALLUSERS");
        }
        if (perUserOnly) {
            String folder = ctx.folderOf(dir, Knowledge.PER_MACHINE_FOLDERS);
            if (folder != null && (hasFiles || keyPath == null)) {
                ctx.error("ICE105", c, "Directory_", "component " + id + " of a per-user-only package installs to the per-machine folder " + folder);
            }
            // HKCR is the user's own Software\Classes in a per-user installation: only HKLM is per-machine (SDK ICE105 page)
            if (roots.contains(HKLM)) {
                ctx.error("ICE105", c, "Component", "component " + id + " of a per-user-only package writes HKLM registry values");
            }
        }
    }

    private void profileDirectories(Context ctx) {
        Set<String> removed = new HashSet<>();
        for (Row r : ctx.rows("RemoveFile")) if (Context.text(r, "FileName") == null) removed.add(Context.text(r, "DirProperty"));
        for (Row d : ctx.rows("Directory")) {
            String id = Context.text(d, "Directory");
            if (Knowledge.PROFILE_FOLDERS.contains(id) || Knowledge.FOLDER_PROPERTIES.contains(id)) continue;
            if (!ctx.isUnder(id, Knowledge.PROFILE_FOLDERS)) continue;
            String name = Context.targetLongName(Context.text(d, "DefaultDir"));
            if (".".equals(name)) continue;
            if (!removed.contains(id)) {
                ctx.error("ICE64", d, "Directory", "directory " + id + " is in the user profile but is not removed by a RemoveFile row");
            }
        }
    }
}
