package dev.ssprkit.sysprep.profile;

import java.nio.file.Path;

/**
 * A located user profile.
 *
 * @param account the account name (offline: the profile folder's name)
 * @param sid     the account's SID, or null when it cannot be known (offline images: the SID lives in the image's
 *                registry hives, which are not read)
 * @param path    the profile folder
 */
public record UserProfile(String account, String sid, Path path) {}
