package dev.ssprkit.sysprep.fakes;

import dev.ssprkit.sysprep.profile.ProfileLocator;
import dev.ssprkit.sysprep.profile.UserProfile;

/** A {@link ProfileLocator} answering from memory, as the live Windows lookup would. */
public final class InMemoryProfileLocator implements ProfileLocator {
    private final UserProfile admin;
    private final UserProfile defaultProfile;

    public InMemoryProfileLocator(UserProfile admin, UserProfile defaultProfile) {
        this.admin = admin;
        this.defaultProfile = defaultProfile;
    }

    @Override
    public UserProfile builtInAdministrator() {
        return admin;
    }

    @Override
    public UserProfile defaultProfile() {
        return defaultProfile;
    }
}
