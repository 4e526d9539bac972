package dev.ssprkit.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Microsoft Graph body of the Windows 10 policy profile (the Win32 app is {@link Win32AppJson}). */
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

    static String pretty(ObjectNode node) throws com.fasterxml.jackson.core.JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + System.lineSeparator();
    }
}
