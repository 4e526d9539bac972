package dev.ssprkit.wix.compile;

import dev.ssprkit.wix.compile.core.ActionFamily;
import dev.ssprkit.wix.compile.core.ComFamily;
import dev.ssprkit.wix.compile.core.CopyFileFamily;
import dev.ssprkit.wix.compile.core.CustomTableFamily;
import dev.ssprkit.wix.compile.core.IniFileFamily;
import dev.ssprkit.wix.compile.core.PermissionFamily;
import dev.ssprkit.wix.compile.core.ComponentFamily;
import dev.ssprkit.wix.compile.core.DirectoryFamily;
import dev.ssprkit.wix.compile.core.FeatureFamily;
import dev.ssprkit.wix.compile.core.FileFamily;
import dev.ssprkit.wix.compile.core.FilesFamily;
import dev.ssprkit.wix.compile.core.MediaFamily;
import dev.ssprkit.wix.compile.core.OdbcFamily;
import dev.ssprkit.wix.compile.core.ModuleFamily;
import dev.ssprkit.wix.compile.core.PackageFamily;
import dev.ssprkit.wix.compile.core.RegistryFamily;
import dev.ssprkit.wix.compile.core.SearchFamily;
import dev.ssprkit.wix.compile.core.ServiceFamily;
import dev.ssprkit.wix.compile.core.ShortcutFamily;

import java.util.List;

/** The element families of WiX's core namespace, one per element family (see {@code compile/core}). */
final class CoreFamilies {
    private CoreFamilies() {}

    static List<ElementFamily> all() {
        return List.of(new PackageFamily(), new DirectoryFamily(), new ComponentFamily(), new FileFamily(),
                new RegistryFamily(), new FeatureFamily(), new ActionFamily(), new ServiceFamily(),
                new ShortcutFamily(), new MediaFamily(), new SearchFamily(), new FilesFamily(), new ComFamily(), new PermissionFamily(),
                new IniFileFamily(), new CopyFileFamily(), new CustomTableFamily(), new OdbcFamily(),
                new dev.ssprkit.wix.compile.core.UiFamily(), new dev.ssprkit.wix.compile.core.DialogFamily(),
                new dev.ssprkit.wix.compile.core.SoftwareTagFamily(false),
                new dev.ssprkit.wix.compile.ext.DependencyFamily(true), new ModuleFamily(),
                new dev.ssprkit.wix.compile.core.InstanceTransformFamily());
    }
}
