package dev.ssprkit.sysprep.profile;

/**
 * Finds the profiles the web cache cleaner works on. Implementations: {@link OfflineProfileLocator} (a mounted image
 * or any folder with a Windows layout) and {@link WindowsProfileLocator} (the running Windows, through the profile
 * list in the registry). Tests use an in-memory fake.
 */
public interface ProfileLocator {
    /** The built-in Administrator (RID 500), whatever the account was renamed to. */
    UserProfile builtInAdministrator();

    /** The Default profile new accounts are copied from ({@code C:\Users\Default}). */
    UserProfile defaultProfile();
}
