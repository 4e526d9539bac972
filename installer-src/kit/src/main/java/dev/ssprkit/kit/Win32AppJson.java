package dev.ssprkit.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssprkit.intune.EncryptionInfo;
import dev.ssprkit.intune.IntuneWinWriter;
import dev.ssprkit.intune.MsiInfo;

import java.util.Base64;

/**
 * The Microsoft Graph (v1.0) bodies that create an Intune Win32 app from the kit's .intunewin, with every size and
 * encryption field taken from what {@link IntuneWinWriter} wrote:
 * <ul>
 *   <li>{@code POST /deviceAppManagement/mobileApps}: a {@code win32LobApp} — install/uninstall command lines (the
 *       transform applied when the kit has one), an MSI product-code detection rule with a version operator
 *       ({@code win32LobAppProductCodeRule}), return codes 0/1707 success, 3010 soft reboot, 1641 hard reboot, 1618
 *       retry, the requirement of the package's architecture and a minimum Windows release, and msiInformation;</li>
 *   <li>{@code POST .../contentVersions/{id}/files}: the {@code mobileAppContentFile} (name, size, sizeEncrypted);</li>
 *   <li>{@code POST .../files/{id}/commit}: {@code fileEncryptionInfo} (Detection.xml's EncryptionInfo).</li>
 * </ul>
 * Property names from the Graph v1.0 resource pages (win32LobApp, win32LobAppProductCodeRule, mobileAppContentFile,
 * fileEncryptionInfo).
 */
final class Win32AppJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The lowest release Graph's minimumSupportedWindowsRelease takes for Win32 apps: the Intune management extension
     * that installs them runs on Windows 10 1607 and later only (so Intune reaches none of the add-in's Windows 7/8.1
     * machines; they are served by ConfigMgr and Group Policy from the same kit).
     */
    static final String MINIMUM_WINDOWS_RELEASE = "1607";

    private final ProductFacts facts;
    private final IntuneWinWriter.Result packed;
    private final String fileName;
    private final String transform;
    private final String architecture;
    private final KitOptions options;

    /**
     * @param fileName     the .intunewin's file name
     * @param transform    the transform packed beside the MSI, or null
     * @param architecture Graph's windowsArchitecture for the package: x64 or x86
     */
    Win32AppJson(ProductFacts facts, IntuneWinWriter.Result packed, String fileName, String transform, String architecture, KitOptions options) {
        this.facts = facts;
        this.packed = packed;
        this.fileName = fileName;
        this.transform = transform;
        this.architecture = architecture;
        this.options = options;
    }

    String installCommandLine() {
        String msi = packed.info().setupFile();
        // with the transform the choices travel in it (any package); without, as properties (packages that read them)
        return transform != null ? "msiexec /i \"" + msi + "\" TRANSFORMS=\"" + transform + "\" /qn /norestart"
                : ("msiexec /i \"" + msi + "\" /qn /norestart " + options.commandLineProperties()).strip();
    }

    ObjectNode app() {
        MsiInfo m = packed.info().msiInfo();
        ObjectNode root = JSON.createObjectNode();
        root.put("@odata.type", "#microsoft.graph.win32LobApp");
        root.put("displayName", facts.productName());
        root.put("description", facts.productName() + " " + facts.productVersion() + ", packaged by ssprkit (settings: "
                + options.commandLineProperties().strip() + ").");
        root.put("publisher", facts.manufacturer());
        root.put("fileName", fileName);
        root.put("size", packed.info().unencryptedContentSize());
        root.put("setupFilePath", packed.info().setupFile());
        root.put("installCommandLine", installCommandLine());
        root.put("uninstallCommandLine", "msiexec /x " + facts.productCode() + " /qn /norestart");
        root.put("applicableArchitectures", architecture);
        root.put("minimumSupportedWindowsRelease", MINIMUM_WINDOWS_RELEASE);
        ObjectNode exp = root.putObject("installExperience");
        exp.put("@odata.type", "#microsoft.graph.win32LobAppInstallExperience");
        exp.put("runAsAccount", m != null && m.executionContext() == MsiInfo.ExecutionContext.User ? "user" : "system");
        exp.put("deviceRestartBehavior", "basedOnReturnCode");
        ArrayNode rules = root.putArray("rules");
        ObjectNode detect = rules.addObject();
        detect.put("@odata.type", "#microsoft.graph.win32LobAppProductCodeRule");
        detect.put("ruleType", "detection");
        detect.put("productCode", facts.productCode());
        detect.put("productVersionOperator", "greaterThanOrEqual");
        detect.put("productVersion", facts.productVersion());
        ArrayNode codes = root.putArray("returnCodes");
        code(codes, 0, "success");
        code(codes, 1707, "success");
        code(codes, 3010, "softReboot");
        code(codes, 1641, "hardReboot");
        code(codes, 1618, "retry");
        if (m != null) {
            ObjectNode msi = root.putObject("msiInformation");
            msi.put("@odata.type", "#microsoft.graph.win32LobAppMsiInformation");
            msi.put("productCode", m.productCode());
            msi.put("productVersion", m.productVersion());
            msi.put("upgradeCode", m.upgradeCode());
            msi.put("requiresReboot", m.requiresReboot());
            msi.put("packageType", m.graphPackageType());
            msi.put("productName", facts.productName());
            msi.put("publisher", m.publisher());
        }
        return root;
    }

    ObjectNode contentFile() {
        ObjectNode f = JSON.createObjectNode();
        f.put("@odata.type", "#microsoft.graph.mobileAppContentFile");
        f.put("name", packed.info().fileName());
        f.put("size", packed.info().unencryptedContentSize());
        f.put("sizeEncrypted", packed.encryptedSize());
        f.putNull("manifest");
        f.put("isDependency", false);
        return f;
    }

    ObjectNode commit() {
        EncryptionInfo e = packed.info().encryptionInfo();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode f = root.putObject("fileEncryptionInfo");
        f.put("@odata.type", "#microsoft.graph.fileEncryptionInfo");
        f.put("encryptionKey", b64(e.encryptionKey()));
        f.put("initializationVector", b64(e.iv()));
        f.put("mac", b64(e.mac()));
        f.put("macKey", b64(e.macKey()));
        f.put("profileIdentifier", e.profileIdentifier());
        f.put("fileDigest", b64(e.fileDigest()));
        f.put("fileDigestAlgorithm", e.fileDigestAlgorithm());
        return root;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static void code(ArrayNode codes, int code, String type) {
        ObjectNode n = codes.addObject();
        n.put("@odata.type", "#microsoft.graph.win32LobAppReturnCode");
        n.put("returnCode", code);
        n.put("type", type);
    }

    static String pretty(ObjectNode node) throws JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + System.lineSeparator();
    }
}
