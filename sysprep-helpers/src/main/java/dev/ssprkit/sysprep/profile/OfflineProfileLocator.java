package dev.ssprkit.sysprep.profile;

import dev.ssprkit.common.BadInputException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Profiles of an offline image (a DISM mount on Windows, or any folder elsewhere), found from the folder layout:
 * {@code <image>\Users\<name>}, names matched case-insensitively.
 *
 * <p>Offline, the built-in Administrator's SID (and so a renamed account's name) cannot be read without parsing the
 * image's SAM and SOFTWARE hives, which this does not do: the profile folder is assumed to be {@code Administrator}
 * unless another name is given ({@code --profile NAME}).
 */
public final class OfflineProfileLocator implements ProfileLocator {
    public static final String DEFAULT_ADMIN_FOLDER = "Administrator";
    private static final String USERS = "Users";
    private static final String DEFAULT = "Default";

    private final Path imageRoot;
    private final String adminFolder;

    public OfflineProfileLocator(Path imageRoot, String adminFolder) {
        this.imageRoot = imageRoot;
        this.adminFolder = checkName(adminFolder == null ? DEFAULT_ADMIN_FOLDER : adminFolder);
    }

    @Override
    public UserProfile builtInAdministrator() {
        return new UserProfile(adminFolder, null, folder(adminFolder));
    }

    @Override
    public UserProfile defaultProfile() {
        return new UserProfile(DEFAULT, null, folder(DEFAULT));
    }

    private Path folder(String name) {
        if (!Files.isDirectory(imageRoot)) {
            throw new BadInputException(imageRoot, "image root is not a folder");
        }
        Path users = child(imageRoot, USERS);
        if (users == null) {
            throw new BadInputException(imageRoot, "no Users folder: not the root of a Windows image");
        }
        Path profile = child(users, name);
        if (profile == null) {
            throw new BadInputException(users, "no profile folder '" + name + "' (found: " + String.join(", ", list(users))
                    + "); a renamed built-in Administrator needs --profile NAME");
        }
        return profile;
    }

    /** A single plain folder name: no separators, no "." or "..", so a name can never point out of Users. */
    private static String checkName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.contains(":") || name.contains("\0")) {
            throw new BadInputException(Path.of("Users"), "profile name must be one plain folder name, got '" + name + "'");
        }
        return name;
    }

    private static Path child(Path dir, String name) {
        Path exact = dir.resolve(name);
        if (Files.exists(exact, LinkOption.NOFOLLOW_LINKS) && exact.getFileName().toString().equals(name)) {
            return exact;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) return p;
            }
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot list folder: " + e.getMessage(), e);
        }
        return null;
    }

    private static List<String> list(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) names.add(p.getFileName().toString());
        } catch (IOException e) {
            names.add("?");
        }
        names.sort(null);
        return names;
    }
}
