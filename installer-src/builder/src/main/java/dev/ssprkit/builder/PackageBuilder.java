package dev.ssprkit.builder;

import dev.ssprkit.cab.CabOptions;
import dev.ssprkit.msi.MsiWriter;
import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.msi.model.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Assembles a per-machine product package in code: product identity, directories, components with files and
 * registry values, features, properties. {@link #write} produces the MSI with one embedded MSZIP cabinet.
 *
 * <pre>{@code
 * PackageBuilder pkg = PackageBuilder.product("Contoso Tool", "Contoso", "1.2.0", "{UPGRADE-GUID}").platform(Platform.X64);
 * DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "Contoso Tool");
 * ComponentSpec main = pkg.component("Main", app);
 * main.file(Path.of("tool.exe"));
 * main.registry(RegistryRoot.HKLM, "Software\\Contoso\\Tool", "Level", RegistryData.integerFormatted("[LEVEL]"));
 * pkg.feature("Complete", "Contoso Tool").add(main);
 * pkg.write(Path.of("dist/tool.msi"));
 * }</pre>
 */
public final class PackageBuilder {
    final String productName;
    final String manufacturer;
    final String version;
    final String upgradeCode;
    Platform platform = Platform.X64;
    int language = 1033;
    int codepage = 1252;
    int installerVersion = 200;
    String productCode;
    String packageCode;
    String comments;
    String cabinetName = "product.cab";
    String downgradeMessage;
    CabOptions cabOptions;
    final Map<String, String> properties = new LinkedHashMap<>();
    final Map<String, DirectorySpec> directories = new LinkedHashMap<>();
    final Map<String, ComponentSpec> components = new LinkedHashMap<>();
    final Map<String, FileSpec> files = new LinkedHashMap<>();
    final Map<String, FeatureSpec> features = new LinkedHashMap<>();
    final Map<String, String> launchConditions = new LinkedHashMap<>();
    final List<Consumer<Database>> customizations = new ArrayList<>();
    final List<ExtraRow> extraRows = new ArrayList<>();
    final List<ActionSpec> actions = new ArrayList<>();
    final List<String[]> suppressed = new ArrayList<>();
    final java.util.Set<String> secureProperties = new java.util.TreeSet<>();
    final Map<String, String> propertyOrigins = new java.util.HashMap<>();
    String description;
    String keywords = "Installer";
    boolean allowSameVersionUpgrades;
    int removeExistingProductsSequence = 1401;

    /** A row of any standard table, added after the modelled tables and before the sequences are filled. */
    record ExtraRow(String table, String origin, Object[] values) {}
    private final java.util.Set<String> registryIds = new java.util.HashSet<>();
    final DirectorySpec targetDir;

    private PackageBuilder(String productName, String manufacturer, String version, String upgradeCode) {
        this.productName = require("product name", productName);
        this.manufacturer = require("manufacturer", manufacturer);
        this.version = ProductVersion.check(version);
        this.upgradeCode = Guids.normalize(upgradeCode);
        this.targetDir = new DirectorySpec(this, "TARGETDIR", null, "SourceDir");
        directories.put("TARGETDIR", targetDir);
    }

    public static PackageBuilder product(String name, String manufacturer, String version, String upgradeCode) {
        return new PackageBuilder(name, manufacturer, version, upgradeCode);
    }

    private static String require(String what, String v) {
        if (v == null || v.isBlank()) throw new IllegalArgumentException("the " + what + " is required");
        return v;
    }

    public PackageBuilder platform(Platform platform) {
        this.platform = platform;
        return this;
    }

    public PackageBuilder language(int language) {
        this.language = language;
        return this;
    }

    public PackageBuilder productCode(String productCode) {
        this.productCode = productCode == null ? null : Guids.normalize(productCode);
        return this;
    }

    /** Fixes the package code; by default it is derived from the package's content. */
    public PackageBuilder packageCode(String packageCode) {
        this.packageCode = packageCode == null ? null : Guids.normalize(packageCode);
        return this;
    }

    public PackageBuilder comments(String comments) {
        this.comments = comments;
        return this;
    }

    public PackageBuilder installerVersion(int version) {
        this.installerVersion = version;
        return this;
    }

    public PackageBuilder cabinetOptions(CabOptions options) {
        this.cabOptions = options;
        return this;
    }

    /** A Property row; public properties (upper case) can be set on the msiexec command line. */
    public PackageBuilder property(String name, String value) {
        properties.put(Identifiers.check("Property", name, 72), value);
        return this;
    }

    /** A Property row that came from a source location ({@code file:line:col}). */
    public PackageBuilder property(String name, String value, String origin) {
        property(name, value);
        if (origin != null) propertyOrigins.put(name, origin);
        return this;
    }

    /** Adds a public property to SecureCustomProperties, so that its value passes to the server-side install. */
    public PackageBuilder secureProperty(String name) {
        secureProperties.add(Identifiers.check("Property", name, 72));
        return this;
    }

    /** The database codepage (also the summary's). */
    public PackageBuilder codepage(int codepage) {
        this.codepage = codepage;
        return this;
    }

    /** The name of the embedded cabinet (its stream name and the Media.Cabinet value after '#'). */
    public PackageBuilder cabinet(String name) {
        this.cabinetName = Identifiers.check("Cabinet", name, 62);
        return this;
    }

    /** The summary information's Subject (default: the product name). */
    public PackageBuilder description(String description) {
        this.description = description;
        return this;
    }

    public PackageBuilder keywords(String keywords) {
        this.keywords = keywords;
        return this;
    }

    /**
     * A row of any standard table the model does not cover (Shortcut, Environment, ServiceInstall, CustomAction,
     * Binary...), checked against the table's schema when the database is built. {@code origin} (may be null) is the
     * source location shown in messages about the row.
     */
    public PackageBuilder row(String table, String origin, Object... values) {
        dev.ssprkit.msi.schema.StandardSchema.require(table);
        extraRows.add(new ExtraRow(table, origin, values.clone()));
        return this;
    }

    /** Schedules an action in a sequence table; place it with {@link ActionSpec#sequence}, before or after. */
    public ActionSpec action(String sequenceTable, String action) {
        ActionSpec a = new ActionSpec(sequenceTable, action);
        actions.add(a);
        return a;
    }

    /** Removes a standard action from a sequence table (WiX's {@code Suppress="yes"}). */
    public PackageBuilder suppressAction(String sequenceTable, String action) {
        suppressed.add(new String[] {sequenceTable, action});
        return this;
    }

    /**
     * A major upgrade: {@code allowSameVersion} also replaces a product of the same version; RemoveExistingProducts
     * runs at {@code removeSequence} in InstallExecuteSequence (1401: right after InstallValidate, WiX's default).
     */
    public PackageBuilder majorUpgrade(String downgradeMessage, boolean allowSameVersion, int removeSequence) {
        this.downgradeMessage = downgradeMessage;
        this.allowSameVersionUpgrades = allowSameVersion;
        this.removeExistingProductsSequence = removeSequence;
        return this;
    }

    /** Blocks installation unless {@code condition} is true, showing {@code message}. */
    public PackageBuilder launchCondition(String condition, String message) {
        launchConditions.put(condition, message);
        return this;
    }

    /** Removes older versions (same upgrade code) during install and refuses to downgrade a newer one. */
    public PackageBuilder majorUpgrade(String downgradeMessage) {
        this.downgradeMessage = downgradeMessage;
        return this;
    }

    /** A hook that adds or changes rows after the standard tables are filled (custom actions, extra tables...). */
    public PackageBuilder customize(Consumer<Database> change) {
        customizations.add(change);
        return this;
    }

    public DirectorySpec targetDir() {
        return targetDir;
    }

    /** The platform's Program Files folder (ProgramFiles64Folder on x64). */
    public DirectorySpec programFiles() {
        return standardDirectory(platform.programFilesFolder());
    }

    /** A standard folder property (ProgramFilesFolder, CommonAppDataFolder, SystemFolder...) under TARGETDIR. */
    public DirectorySpec standardDirectory(String id) {
        DirectorySpec d = directories.get(id);
        return d != null ? d : directory(id, targetDir, ".");
    }

    public DirectorySpec directory(String id) {
        DirectorySpec d = directories.get(id);
        if (d == null) throw new IllegalArgumentException("no directory " + id + "; known: " + directories.keySet());
        return d;
    }

    DirectorySpec directory(String id, DirectorySpec parent, String name) {
        return define(directories, "Directory", id, 72, () -> new DirectorySpec(this, id, parent, name));
    }

    public ComponentSpec component(String id, DirectorySpec directory) {
        return define(components, "Component", id, 72, () -> new ComponentSpec(this, id, directory));
    }

    public FeatureSpec feature(String id, String title) {
        return feature(id, null, title);
    }

    FeatureSpec feature(String id, FeatureSpec parent, String title) {
        return define(features, "Feature", id, 38, () -> new FeatureSpec(this, id, parent, title));
    }

    /** Checks {@code id} ({@code kind} ids are at most {@code maxLength} long), refuses a second definition, keeps the new one. */
    private static <T> T define(Map<String, T> defined, String kind, String id, int maxLength, java.util.function.Supplier<T> make) {
        Identifiers.check(kind, id, maxLength);
        if (defined.containsKey(id)) throw new IllegalArgumentException(kind.toLowerCase(java.util.Locale.ROOT) + " " + id + " is defined twice");
        T made = make.get();
        defined.put(id, made);
        return made;
    }

    void registerFile(FileSpec f) {
        if (files.putIfAbsent(f.id, f) != null) throw new IllegalArgumentException("file id " + f.id + " is used twice");
    }

    String uniqueFileId(String name) {
        String base = Identifiers.from(name);
        String id = base;
        for (int n = 2; files.containsKey(id); n++) id = base + "_" + n;
        return id;
    }

    String registryId(RegistryRoot root, String key, String name, String component) {
        String id = "reg" + Guids.nameBased(upgradeCode, root.name(), key.toLowerCase(java.util.Locale.ROOT),
                String.valueOf(name), component).replaceAll("[{}-]", "");
        if (!registryIds.add(id)) throw new IllegalArgumentException("registry value " + root + "\\" + key + "\\" + name + " is defined twice in " + component);
        return id;
    }

    /** The ProductCode: explicit, or derived from the upgrade code, version and platform. */
    public String productCode() {
        return productCode != null ? productCode : Guids.nameBased(upgradeCode, "ProductCode", version, platform.name());
    }

    /**
     * The database with its embedded cabinet written to {@code cabinet} (which must stay until the database is
     * written).
     */
    public Database build(Path cabinet, WriteOptions options) throws IOException {
        return new TableEmitter(this, options).emit(cabinet);
    }

    /** Writes the MSI; nothing is left at {@code msi} if anything fails. */
    public void write(Path msi) throws IOException {
        write(msi, WriteOptions.defaults());
    }

    public void write(Path msi, WriteOptions options) throws IOException {
        write(msi, options, db -> true);
    }

    /**
     * Writes the MSI unless {@code check} (e.g. validation) rejects the finished database; returns whether it was
     * written. Nothing is left at {@code msi} when it was not.
     */
    public boolean write(Path msi, WriteOptions options, java.util.function.Predicate<Database> check) throws IOException {
        Path work = Files.createTempDirectory("ssprkit-build-");
        try {
            Database db = build(work.resolve(cabinetName), options);
            if (!check.test(db)) return false;
            new MsiWriter(options).writeTo(db, msi);
            return true;
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
