package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.ca.CustomActionLibrary;
import dev.ssprkit.ca.ElementFamily;
import dev.ssprkit.ca.ElementSupport;
import dev.ssprkit.ca.SchemaGeneration;
import dev.ssprkit.msi.schema.TableSchema;
import dev.ssprkit.wix.compile.Attrs;
import dev.ssprkit.wix.compile.CompileContext;
import dev.ssprkit.wix.compile.Grammar;
import dev.ssprkit.wix.compile.Scope;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.model.Row;
import dev.ssprkit.wix.source.SourceElement;

import java.util.ArrayList;
import java.util.List;

/**
 * util:User, util:Group and util:GroupRef, as WiX v3 and v4 document them (util.xsd; the compilers' attribute bits;
 * tables User/Group/UserGroup in v3, Wix4User/Wix4Group/Wix4UserGroup in v4+):
 * <ul>
 * <li>a User inside a Component is created (or updated, or only given rights and groups) when the component is
 *     installed and removed with it, by the library's ConfigureUsers; outside a component it only declares the account
 *     (a row without component), so the attributes that say what to do with it are errors there, as in WiX;</li>
 * <li>a Group outside components declares an existing group a user joins with a GroupRef; inside a Component (WiX v6,
 *     v4 namespace) it is created when the component is installed and removed with it: its Wix4Group row with the
 *     component, a Wix6Group row (Comment, Attributes: FailIfExists 0x10, UpdateIfExists 0x20, RemoveOnUninstall="no"
 *     0x100, CreateGroup="no" 0x200, Vital="no" 0x400, RemoveComment 0x800) and the library's Wix6ConfigureGroups.
 *     A GroupRef inside a Group (nesting groups, Wix6GroupGroup) is not compiled yet and gets a located error.</li>
 * </ul>
 * Attributes bits: PasswordNeverExpires 0x1, CanNotChangePassword 0x2, PasswordExpired 0x4, Disabled 0x8,
 * FailIfExists 0x10, UpdateIfExists 0x20, LogonAsService 0x40, LogonAsBatchJob 0x80, RemoveOnUninstall="no" 0x100,
 * CreateUser="no" 0x200, Vital="no" 0x400, RemoveComment 0x800 (v4).
 */
final class UserElements {
    private static final String[] ROOTS = {"Product", "Package", "Module", "Fragment"};
    private static final String USER = "util.User";
    private static final String USER_COMPONENT = "util.UserComponent";
    /** WiX v6's group-creation attributes. */
    private static final List<String> V6_GROUP = List.of("Comment", "CreateGroup", "FailIfExists", "UpdateIfExists", "RemoveComment",
            "RemoveOnUninstall", "Vital");

    private record Flag(String attribute, boolean when, int bit) {}

    private static final List<Flag> FLAGS = List.of(new Flag("PasswordNeverExpires", true, 0x1), new Flag("CanNotChangePassword", true, 0x2),
            new Flag("PasswordExpired", true, 0x4), new Flag("Disabled", true, 0x8), new Flag("FailIfExists", true, 0x10),
            new Flag("UpdateIfExists", true, 0x20), new Flag("LogonAsService", true, 0x40), new Flag("LogonAsBatchJob", true, 0x80),
            new Flag("RemoveOnUninstall", false, 0x100), new Flag("CreateUser", false, 0x200), new Flag("Vital", false, 0x400),
            new Flag("RemoveComment", true, 0x800));

    private UserElements() {}

    static void register(Grammar g) {
        String[] userParents = {"Component", "Product", "Package", "Module", "Fragment"};
        g.on("User", UserElements::user, userParents);
        g.on("Group", UserElements::group, userParents);
        g.on("GroupRef", UserElements::groupRef, "User", "Group");
    }

    /** The family's tables for the element's generation, declared; the scheduling action is referenced only with {@code schedule}. */
    private static ElementSupport tables(CompileContext ctx, SourceElement e, boolean schedule) {
        if (schedule) return LibraryElements.use(ctx, e, "util:" + e.localName(), ElementFamily.USER);
        ElementSupport s = CustomActionLibrary.support(ElementFamily.USER, LibraryElements.generation(e),
                CustomActionLibrarySections.architecture(ctx.platform()));
        for (TableSchema t : s.tables()) {
            ctx.declareTable(t);
            ctx.reference("CustomTable", t.name(), e.location()); // the library's table fragment: the table exists with its rows
        }
        return s;
    }

    private static Row row(CompileContext ctx, ElementSupport s, int table, SourceElement e, Object... cells) {
        Row r = ctx.row(s.tables().get(table).name(), e.location());
        for (int i = 0; i < cells.length; i++) r.set(i, cells[i]);
        return r;
    }

    private static void user(CompileContext ctx, SourceElement e, Scope scope) {
        boolean v4 = LibraryElements.generation(e) == SchemaGeneration.V4;
        String component = "Component".equals(scope.get(Scope.PARENT)) ? scope.get(Scope.COMPONENT) : null;
        List<String> names = new ArrayList<>(List.of("Id", "Name", "Domain", "Password"));
        for (Flag f : FLAGS) if (v4 || !f.attribute().equals("RemoveComment")) names.add(f.attribute());
        if (v4) names.add("Comment");
        Attrs a = ctx.attrs(e, names.toArray(String[]::new));
        String name = a.required("Name");
        int attributes = 0;
        for (Flag f : FLAGS) {
            if (!a.has(f.attribute()) || !names.contains(f.attribute())) continue;
            if (a.yesNo(f.attribute(), !f.when()) == f.when()) attributes |= f.bit();
            if (component == null) withoutComponent(ctx, a, f.attribute());
        }
        if (a.has("Comment") && component == null) withoutComponent(ctx, a, "Comment");
        if (a.has("Comment") && (attributes & 0x800) != 0) {
            ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("RemoveComment"), "util:User", "Comment and RemoveComment=\"yes\"",
                    "Comment sets the user's comment, RemoveComment clears it; keep one");
        }
        String id = v4 && !a.has("Id") ? CompileContext.generatedId("usr", component, name) : a.id("Id", true);
        ctx.children(e, scope.with(USER, id).with(USER_COMPONENT, component)).run();
        if (id == null || name == null) return;
        ElementSupport s = tables(ctx, e, component != null);
        if (v4) row(ctx, s, 0, e, id, component, name, a.str("Domain"), a.str("Password"), a.str("Comment"), attributes);
        else row(ctx, s, 0, e, id, component, name, a.str("Domain"), a.str("Password"), attributes);
    }

    private static void withoutComponent(CompileContext ctx, Attrs a, String attribute) {
        withoutComponent(ctx, a, attribute, "util:User");
    }

    private static void withoutComponent(CompileContext ctx, Attrs a, String attribute, String element) {
        ctx.report(CompilerMessage.BAD_VALUE, a.at(attribute), attribute, a.str(attribute),
                "a " + element + " outside a Component only declares the account for references and creates or changes nothing; "
                        + "put it in a Component to use " + attribute + " (WiX reports this too)");
    }

    /** WiX v6's group attributes and their Wix6Group bits (GroupSymbol.cs Group6SymbolAttributes). */
    private static final List<Flag> GROUP_FLAGS = List.of(new Flag("FailIfExists", true, 0x10), new Flag("UpdateIfExists", true, 0x20),
            new Flag("RemoveOnUninstall", false, 0x100), new Flag("CreateGroup", false, 0x200), new Flag("Vital", false, 0x400),
            new Flag("RemoveComment", true, 0x800));

    private static void group(CompileContext ctx, SourceElement e, Scope scope) {
        boolean v4 = LibraryElements.generation(e) == SchemaGeneration.V4;
        List<String> names = new ArrayList<>(List.of("Id", "Name", "Domain"));
        if (v4) names.addAll(V6_GROUP);
        Attrs a = ctx.attrs(e, names.toArray(String[]::new));
        boolean inComponent = "Component".equals(scope.get(Scope.PARENT));
        String component = inComponent ? scope.get(Scope.COMPONENT) : null;
        if (inComponent && !v4) {
            ctx.report(CompilerMessage.NOT_SUPPORTED_YET, e.location(), "util:Group inside a Component in WiX v3's namespace",
                    "creating groups is WiX v6's (util:Group in a Component, namespace http://wixtoolset.org/schemas/v4/wxs/util); declare the group outside components");
        }
        int attributes = 0;
        if (v4) {
            for (Flag f : GROUP_FLAGS) {
                if (!a.has(f.attribute())) continue;
                if (a.yesNo(f.attribute(), !f.when()) == f.when()) attributes |= f.bit();
                if (!inComponent && !f.attribute().equals("RemoveComment")) withoutComponent(ctx, a, f.attribute(), "util:Group");
            }
            if (a.has("Comment") && !inComponent) withoutComponent(ctx, a, "Comment", "util:Group");
            if (a.has("Comment") && (attributes & 0x800) != 0) {
                ctx.report(CompilerMessage.CONFLICTING_ATTRIBUTES, a.at("RemoveComment"), "util:Group", "Comment and RemoveComment=\"yes\"",
                        "Comment sets the group's comment, RemoveComment clears it; keep one");
            }
        }
        String name = a.required("Name");
        String id = v4 && !a.has("Id") ? CompileContext.generatedId("ugr", component, a.str("Domain"), name) : a.id("Id", true);
        ctx.children(e, scope.with(USER, null)).run();
        if (id == null || name == null || (inComponent && !v4)) return;
        if (component == null) {
            row(ctx, tables(ctx, e, false), 1, e, id, null, name, a.str("Domain"));
            return;
        }
        // WiX v6: the group's Wix4Group row with its component, its Wix6Group row, and ConfigureGroups
        ElementSupport s = LibraryElements.use(ctx, e, "util:Group", ElementFamily.GROUP_CREATE);
        row(ctx, s, 0, e, id, component, name, a.str("Domain"));
        row(ctx, s, 1, e, id, a.str("Comment"), attributes);
    }

    private static void groupRef(CompileContext ctx, SourceElement e, Scope scope) {
        Attrs a = ctx.attrs(e, "Id");
        String group = a.id("Id", true);
        ctx.children(e, scope).run();
        if (!"User".equals(scope.get(Scope.PARENT))) {
            ctx.report(CompilerMessage.NOT_SUPPORTED_YET, e.location(), "util:GroupRef inside a util:Group (nesting groups, WiX v6)",
                    "ssprkit's util library joins users to groups only");
            return;
        }
        String user = scope.get(USER);
        if (scope.get(USER_COMPONENT) == null) {
            ctx.report(CompilerMessage.UNKNOWN_ELEMENT, e.location(), "util:GroupRef", "util:User outside a Component",
                    "nothing: a user outside a Component only declares the account, so it joins no group; put the User in a Component (WiX reports this too)");
            return;
        }
        if (group == null || user == null) return;
        ElementSupport s = tables(ctx, e, false);
        ctx.reference(s.tables().get(1).name(), group, a.at("Id"));
        row(ctx, s, 2, e, user, group);
    }
}
