package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Knowledge;
import dev.ssprkit.validate.Rule;
import dev.ssprkit.validate.Severity;

import java.util.List;

/**
 * ICE80: 64-bit components (Attributes 0x100) and 64-bit folders (ProgramFiles64Folder, CommonFiles64Folder,
 * System64Folder) only in a 64-bit package (Template x64/Arm64/Intel64), and a component's bitness matches the
 * folder it installs into. The SDK's ICE80 also checks 64-bit custom actions (0x1000 script bitness).
 */
public final class Platform64 implements Rule {
    static final int COMPONENT_64BIT = 0x100;

    @Override
    public List<String> ices() {
        return List.of("ICE80");
    }

    @Override
    public void check(Context ctx) {
        boolean pkg64 = ctx.is64BitPackage();
        if (!pkg64) {
            for (String folder : Knowledge.FOLDERS_64) {
                Row d = ctx.directories().get(folder);
                if (d != null) ctx.error("ICE80", d, "Directory", "the 64-bit folder " + folder + " is used in a 32-bit package (Template "
                        + ctx.db().summary().template + ")");
            }
        }
        for (Row c : ctx.rows("Component")) {
            String id = Context.text(c, "Component"), dir = Context.text(c, "Directory_");
            boolean is64 = (Context.integer(c, "Attributes", 0) & COMPONENT_64BIT) != 0;
            if (is64 && !pkg64) {
                ctx.error("ICE80", c, "Attributes", "the 64-bit component " + id + " is in a 32-bit package (Template " + ctx.db().summary().template + ")");
                continue;
            }
            String folder64 = ctx.folderOf(dir, Knowledge.FOLDERS_64), folder32 = ctx.folderOf(dir, Knowledge.FOLDERS_32);
            if (is64 && folder32 != null) ctx.error("ICE80", c, "Directory_", "the 64-bit component " + id + " installs into the 32-bit folder " + folder32);
            if (!is64 && folder64 != null) ctx.error("ICE80", c, "Directory_", "the 32-bit component " + id + " installs into the 64-bit folder " + folder64);
        }
        if (ctx.db().summary().template == null) ctx.reportPackage("ICE80", Severity.WARNING, "no summary Template: bitness unknown");
    }
}
