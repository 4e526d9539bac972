package dev.ssprkit.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Microsoft Graph bodies an Intune administrator posts: the Windows 10 policy profile and the Win32 app facts. */
final class IntuneJson {
    static final String OMA_URI = "./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IntuneJson() {}

    /** {@code POST /v1.0/deviceManagement/deviceConfigurations}: a custom profile setting AllowAadPasswordReset = 1. */
    static ObjectNode windows10Policy() {
        ObjectNode root = JSON.createObjectNode();
        root.put("@odata.type", "#microsoft.graph.windows10CustomConfiguration");
        root.put("displayName", "SSPR: Reset password at the Windows sign-in screen");
        root.put("description", "Enables 'Reset password' on the sign-in screen of Windows 10 1803+ (Azure AD joined or hybrid joined; not Home edition).");
        ArrayNode settings = root.putArray("omaSettings");
        ObjectNode s = settings.addObject();
        s.put("@odata.type", "#microsoft.graph.omaSettingInteger");
        s.put("displayName", "AllowAadPasswordReset");
        s.put("description", "1 = show 'Reset password' at sign-in");
        s.put("omaUri", OMA_URI);
        s.put("value", 1);
        return root;
    }

    /** Install/uninstall commands, ProductCode detection and return codes for an Intune Win32 app of the MSI. */
    static ObjectNode win32App(ProductFacts p, String msiName, KitOptions o) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@odata.type", "#microsoft.graph.win32LobApp");
        root.put("displayName", p.productName());
        root.put("publisher", p.manufacturer());
        root.put("displayVersion", p.productVersion());
        root.put("setupFilePath", msiName);
        root.put("installCommandLine", ("msiexec /i \"" + msiName + "\" /qn /norestart " + o.commandLineProperties()).strip());
        root.put("uninstallCommandLine", "msiexec /x " + p.productCode() + " /qn /norestart");
        ObjectNode exp = root.putObject("installExperience");
        exp.put("runAsAccount", "system");
        exp.put("deviceRestartBehavior", "basedOnReturnCode");
        ArrayNode rules = root.putArray("detectionRules");
        ObjectNode rule = rules.addObject();
        rule.put("@odata.type", "#microsoft.graph.win32LobAppProductCodeDetection");
        rule.put("productCode", p.productCode());
        rule.put("productVersionOperator", "greaterThanOrEqual");
        rule.put("productVersion", p.productVersion());
        ArrayNode codes = root.putArray("returnCodes");
        code(codes, 0, "success");
        code(codes, 1707, "success");
        code(codes, 3010, "softReboot");
        code(codes, 1641, "hardReboot");
        code(codes, 1618, "retry");
        return root;
    }

    private static void code(ArrayNode codes, int code, String type) {
        ObjectNode n = codes.addObject();
        n.put("returnCode", code);
        n.put("type", type);
    }

    static String pretty(ObjectNode node) throws com.fasterxml.jackson.core.JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + System.lineSeparator();
    }
}
