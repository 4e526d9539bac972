package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.registry.RegistryKey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * @param endpoints          hosts checked on port 443 on every Windows version
 * @param windows10Endpoints hosts checked additionally on Windows 10/11
 * @param contentDeliveryKey where IsContentDeliveryPolicyEnforced is read (unconfirmed default)
 * @param networkProfiles    a folder of exported LAN/WLAN profiles ({@code netsh lan|wlan export profile folder=DIR}) for
 *                           the 802.1X check, or null to skip it
 */
public record PreflightOptions(Duration probeTimeout, List<String> endpoints, List<String> windows10Endpoints, RegistryKey contentDeliveryKey,
                               Path networkProfiles) {
    public PreflightOptions(Duration probeTimeout, List<String> endpoints, List<String> windows10Endpoints, RegistryKey contentDeliveryKey) {
        this(probeTimeout, endpoints, windows10Endpoints, contentDeliveryKey, null);
    }

    public static PreflightOptions defaults() {
        return new PreflightOptions(Duration.ofSeconds(5), List.of("passwordreset.microsoftonline.com"), List.of("ajax.aspnetcdn.com"),
                SsprKeys.CONTENT_DELIVERY_DEFAULT, null);
    }

    /** No network checks (what the scripts do; their PowerShell wrappers add the endpoint probes). */
    public PreflightOptions offline() {
        return new PreflightOptions(probeTimeout, List.of(), List.of(), contentDeliveryKey, networkProfiles);
    }

    public PreflightOptions withNetworkProfiles(Path dir) {
        return new PreflightOptions(probeTimeout, endpoints, windows10Endpoints, contentDeliveryKey, dir);
    }
}
