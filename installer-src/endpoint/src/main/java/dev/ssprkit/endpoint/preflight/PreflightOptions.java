package dev.ssprkit.endpoint.preflight;

import dev.ssprkit.endpoint.SsprKeys;
import dev.ssprkit.registry.RegistryKey;

import java.time.Duration;
import java.util.List;

/**
 * @param endpoints          hosts checked on port 443 on every Windows version
 * @param windows10Endpoints hosts checked additionally on Windows 10/11
 * @param contentDeliveryKey where IsContentDeliveryPolicyEnforced is read (unconfirmed default)
 */
public record PreflightOptions(Duration probeTimeout, List<String> endpoints, List<String> windows10Endpoints, RegistryKey contentDeliveryKey) {
    public static PreflightOptions defaults() {
        return new PreflightOptions(Duration.ofSeconds(5), List.of("passwordreset.microsoftonline.com"), List.of("ajax.aspnetcdn.com"),
                SsprKeys.CONTENT_DELIVERY_DEFAULT);
    }
}
