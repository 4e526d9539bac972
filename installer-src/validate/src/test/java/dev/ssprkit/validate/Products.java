package dev.ssprkit.validate;

import dev.ssprkit.builder.ComponentSpec;
import dev.ssprkit.builder.DirectorySpec;
import dev.ssprkit.builder.FeatureSpec;
import dev.ssprkit.builder.PackageBuilder;
import dev.ssprkit.builder.Platform;
import dev.ssprkit.builder.RegistryData;
import dev.ssprkit.builder.RegistryRoot;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A realistic product made with {@link PackageBuilder}: program files, a data subfolder, registry values of every
 * type, a parent feature with a child, a major upgrade, a Start menu shortcut (HKCU key path, RemoveFile for its
 * folder), a Windows service, an environment variable and a set-property custom action.
 */
final class Products {
    static final String UPGRADE = "{5A3C1E2B-9D4F-4A6B-8C7D-1E2F3A4B5C6D}";
    static final WriteOptions OPTIONS = new WriteOptions(Instant.parse("2026-01-01T00:00:00Z"));

    private Products() {}

    static PackageBuilder clean(Path dir) throws Exception {
        Path payload = dir.resolve("payload");
        Files.createDirectories(payload);
        Path exe = Files.writeString(payload.resolve("contoso.exe"), "MZ not really an executable");
        Path svc = Files.writeString(payload.resolve("contoso-agent.exe"), "MZ agent");
        Path readme = Files.writeString(payload.resolve("readme.txt"), "Read me.\r\n");
        Path data = Files.writeString(payload.resolve("defaults.json"), "{}");

        PackageBuilder pkg = PackageBuilder.product("Contoso Tool", "Contoso", "2.1.0", UPGRADE).platform(Platform.X64);
        pkg.majorUpgrade("A newer version of [ProductName] is already installed.");
        pkg.property("LOGLEVEL", "1");
        DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "Contoso Tool");
        DirectorySpec dataDir = app.subdirectory("DATADIR", "Default Data");
        DirectorySpec menu = pkg.standardDirectory("ProgramMenuFolder").subdirectory("ContosoMenu", "Contoso");

        ComponentSpec main = pkg.component("MainExe", app);
        main.file(exe).version("2.1.0.0", "1033");
        main.file(readme, "Read Me.txt");
        ComponentSpec agent = pkg.component("Agent", app);
        agent.file(svc);
        ComponentSpec defaults = pkg.component("Defaults", dataDir);
        defaults.file(data);
        ComponentSpec settings = pkg.component("Settings", app);
        String key = "Software\\Contoso\\Tool";
        settings.registry(RegistryRoot.HKLM, key, "InstallDir", RegistryData.string("[INSTALLDIR]"));
        settings.registry(RegistryRoot.HKLM, key, "LogLevel", RegistryData.integerFormatted("[LOGLEVEL]"));
        settings.registry(RegistryRoot.HKLM, key, "Retries", RegistryData.integer(3));
        settings.registry(RegistryRoot.HKLM, key, "Cache", RegistryData.expandable("%LOCALAPPDATA%\\Contoso"));
        settings.registry(RegistryRoot.HKLM, key, "Servers", RegistryData.multiString(List.of("alpha", "beta")));
        settings.registry(RegistryRoot.HKLM, key, "Seed", RegistryData.binary(new byte[] {1, 2, 3}));
        settings.registry(RegistryRoot.HKLM, key, "Hash", RegistryData.string("#not a number"));
        settings.registry(RegistryRoot.HKLM, key, null, RegistryData.string("Contoso Tool"));
        ComponentSpec shortcut = pkg.component("StartMenu", menu);
        shortcut.registry("regStartMenu", RegistryRoot.HKCU, "Software\\Contoso\\Tool", "StartMenu", RegistryData.integer(1));

        FeatureSpec complete = pkg.feature("Complete", "Contoso Tool").description("Everything").configurableDirectory("INSTALLDIR");
        complete.add(main, settings, shortcut);
        complete.feature("Service", "Background agent").add(agent);
        complete.feature("Data", "Default data").add(defaults);

        pkg.customize(db -> {
            db.table("Shortcut").add("ToolShortcut", "ContosoMenu", "contoso|Contoso Tool", "StartMenu", "[#contoso.exe]", null,
                    "Starts Contoso Tool", null, null, null, null, "INSTALLDIR", null, null, null, null);
            db.table("RemoveFile").add("RemoveContosoMenu", "StartMenu", null, "ContosoMenu", 2);
            db.table("ServiceInstall").add("AgentService", "ContosoAgent", "Contoso Agent", 0x10, 2, 1, null, null, null, null, null, "Agent",
                    "Keeps Contoso Tool up to date");
            db.table("ServiceControl").add("AgentControl", "ContosoAgent", 0x1 | 0x2 | 0x20 | 0x80, null, 1, "Agent");
            db.table("Environment").add("ContosoPath", "=-*PATH", "[~];[INSTALLDIR]", "MainExe");
            db.table("CustomAction").add("SetLogFile", 51, "CONTOSOLOG", "[INSTALLDIR]contoso.log", null);
            db.table("InstallExecuteSequence").add("SetLogFile", null, 1010);
        });
        return pkg;
    }

    /** The clean product's database, its cabinet written under {@code dir}. */
    static Database build(Path dir) throws Exception {
        return clean(dir).build(dir.resolve("product.cab"), OPTIONS);
    }

    /** Replaces one cell of the row whose first column is {@code key}. */
    static void set(Database db, String table, Object key, String column, Object value) {
        Table t = db.table(table);
        Row row = t.find(key);
        if (row == null) throw new IllegalArgumentException("no row " + key + " in " + table);
        Object[] cells = row.cells();
        cells[t.schema().indexOf(column)] = value;
        t.remove(row);
        t.add(cells);
    }

    static void delete(Database db, String table, Object... key) {
        Table t = db.table(table);
        Row row = t.find(key);
        if (row == null) throw new IllegalArgumentException("no row " + java.util.Arrays.toString(key) + " in " + table);
        t.remove(row);
    }
}
