package dev.ssprkit.validate.rules;

import dev.ssprkit.msi.model.Row;
import dev.ssprkit.msi.model.SummaryInfo;
import dev.ssprkit.validate.Context;
import dev.ssprkit.validate.Formats;
import dev.ssprkit.validate.Knowledge;
import dev.ssprkit.validate.Rule;
import dev.ssprkit.validate.Severity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What identifies the product and the package.
 * <ul>
 * <li>ICE05: the required Property rows exist (ProductCode, ProductLanguage, ProductName, ProductVersion,
 *     Manufacturer).</li>
 * <li>ICE16: ProductName is at most 63 characters (Add/Remove Programs truncates it).</li>
 * <li>ICE24: ProductCode is an upper-case GUID, ProductVersion is {@code major.minor.build} with at most
 *     255.255.65535 (a fourth field is ignored by the installer), ProductLanguage is a decimal LANGID.</li>
 * <li>ICE39: the summary information: Template {@code platform;languages}, PageCount (schema) present and at least
 *     100, WordCount a combination of the defined bits, Revision Number (package code) an upper-case GUID.</li>
 * <li>ICE74: FASTOEM is not authored; UpgradeCode is (warning).</li>
 * <li>ICE87: properties that only the command line should set (ADDLOCAL, REMOVE, REINSTALL...) are not authored.</li>
 * </ul>
 */
public final class ProductIdentity implements Rule {
    private static final Pattern TEMPLATE = Pattern.compile("(Intel|x64|Intel64|Arm|Arm64|AMD64)?;\\d+(,\\d+)*");

    @Override
    public List<String> ices() {
        return List.of("ICE05", "ICE16", "ICE24", "ICE39", "ICE74", "ICE87");
    }

    @Override
    public void check(Context ctx) {
        for (String p : List.of("ProductCode", "ProductLanguage", "ProductName", "ProductVersion", "Manufacturer")) {
            if (ctx.property(p) == null) ctx.report("ICE05", Severity.ERROR, "Property", "Property", "the required property " + p + " is missing");
        }
        String name = ctx.property("ProductName");
        if (name != null && name.length() > 63) {
            ctx.error("ICE16", ctx.find("Property", "ProductName"), "Value", "ProductName is " + name.length() + " characters; at most 63 are allowed");
        }
        String code = ctx.property("ProductCode");
        if (code != null && Formats.guid(code) != null) {
            ctx.error("ICE24", ctx.find("Property", "ProductCode"), "Value", "ProductCode '" + code + "': " + Formats.guid(code));
        }
        String version = ctx.property("ProductVersion");
        if (version != null) {
            String why = productVersion(version);
            if (why != null) ctx.error("ICE24", ctx.find("Property", "ProductVersion"), "Value", "ProductVersion '" + version + "': " + why);
        }
        String lang = ctx.property("ProductLanguage");
        if (lang != null && (!lang.chars().allMatch(Character::isDigit) || lang.isEmpty() || lang.length() > 5 || Integer.parseInt(lang) > 65535)) {
            ctx.error("ICE24", ctx.find("Property", "ProductLanguage"), "Value", "ProductLanguage '" + lang + "' is not a decimal language id");
        }
        summary(ctx, ctx.db().summary());
        Row fastOem = ctx.find("Property", "FASTOEM");
        if (fastOem != null) ctx.error("ICE74", fastOem, "Property", "FASTOEM must not be authored in the Property table");
        if (ctx.property("UpgradeCode") == null) {
            ctx.report("ICE74", Severity.WARNING, "Property", "Property", "UpgradeCode is not authored: the product cannot be upgraded by a later version");
        }
        for (Row r : ctx.rows("Property")) {
            String p = Context.text(r, "Property");
            if (Knowledge.NOT_AUTHORED.contains(p)) {
                ctx.warning("ICE87", r, "Property", p + " should only be set on the command line, not authored in the Property table");
            }
        }
    }

    static String productVersion(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length < 2 || parts.length > 4) return "must be major.minor.build (optionally .revision)";
        // the fourth field is ignored by Windows Installer (SDK, ProductVersion property); WiX accepts any 32-bit value
        long[] max = {255, 255, 65535, 0xFFFF_FFFFL};
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > (i == 3 ? 10 : 5) || !p.chars().allMatch(Character::isDigit)) return "field '" + p + "' is not a number";
            if (Long.parseLong(p) > max[i]) return "field " + (i + 1) + " is " + p + "; at most " + max[i];
        }
        return null;
    }

    private static void summary(Context ctx, SummaryInfo s) {
        if (s.template == null || !TEMPLATE.matcher(s.template).matches()) {
            ctx.reportPackage("ICE39", Severity.ERROR, "summary Template '" + s.template + "' is not 'platform;language[,language...]'");
        }
        if (s.pageCount == null || s.pageCount < 100) {
            ctx.reportPackage("ICE39", Severity.ERROR, "summary PageCount (the schema / minimum installer version) is " + s.pageCount + "; at least 100 is required");
        }
        if (s.wordCount == null || (s.wordCount & ~0xF) != 0) {
            ctx.reportPackage("ICE39", Severity.ERROR, "summary WordCount " + s.wordCount + " has bits other than 1, 2, 4 and 8");
        }
        if (s.revisionNumber != null && Formats.guid(s.revisionNumber.length() >= 38 ? s.revisionNumber.substring(0, 38) : s.revisionNumber) != null) {
            ctx.reportPackage("ICE39", Severity.ERROR, "summary Revision Number (package code) '" + s.revisionNumber + "' is not an upper-case GUID");
        }
    }
}
