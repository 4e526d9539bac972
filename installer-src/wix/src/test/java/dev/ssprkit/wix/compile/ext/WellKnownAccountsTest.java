package dev.ssprkit.wix.compile.ext;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Trustees written into SDDL. Expected values come from Microsoft's documentation: the SDDL alias table ("SID
 * strings") and the well-known SIDs list, where the TrustedInstaller service's virtual account is
 * S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464.
 */
class WellKnownAccountsTest {
    @Test
    void aServiceAccountsSidIsDerivedFromItsNameAsWindowsDoes() {
        assertEquals("S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464", WellKnownAccounts.serviceSid("TrustedInstaller"));
        // the name is upper-cased first, so the spelling's case does not matter
        assertEquals(WellKnownAccounts.serviceSid("TrustedInstaller"), WellKnownAccounts.trustee(null, "NT SERVICE\\trustedinstaller"));
        assertEquals(WellKnownAccounts.serviceSid("TrustedInstaller"), WellKnownAccounts.trustee("NT SERVICE", "TRUSTEDINSTALLER"));
    }

    @Test
    void wellKnownNamesBecomeSddlAliases() {
        assertEquals("WD", WellKnownAccounts.trustee(null, "Everyone"));
        assertEquals("BU", WellKnownAccounts.trustee(null, "Users"));
        assertEquals("BA", WellKnownAccounts.trustee("BUILTIN", "Administrators"));
        assertEquals("SY", WellKnownAccounts.trustee(null, "SYSTEM"));
        assertEquals("NS", WellKnownAccounts.trustee(null, "NT AUTHORITY\\NETWORKSERVICE"));
        assertEquals("NS", WellKnownAccounts.trustee("NT AUTHORITY", "NETWORK SERVICE"));
        assertEquals("AU", WellKnownAccounts.trustee(null, "Authenticated Users"));
        assertEquals("BU", WellKnownAccounts.trustee(null, "[WIX_ACCOUNT_USERS]"));
        assertEquals("S-1-5-32-545", WellKnownAccounts.trustee(null, "s-1-5-32-545"));
    }

    @Test
    void accountsOnlyTheTargetCanResolveAreLeftUnresolved() {
        assertNull(WellKnownAccounts.trustee("CONTOSO", "svc-app"));
        assertNull(WellKnownAccounts.trustee(null, "[SERVICE_ACCOUNT]"));
        assertNull(WellKnownAccounts.trustee(null, "NT SERVICE\\[SERVICENAME]"));
        assertNull(WellKnownAccounts.trustee(null, ""));
    }
}
