package dev.ssprkit.msi.schema;

import static dev.ssprkit.msi.schema.Category.*;
import static dev.ssprkit.msi.schema.Col.*;
import static dev.ssprkit.msi.schema.TableDeclarations.file;
import static dev.ssprkit.msi.schema.TableDeclarations.guid;
import static dev.ssprkit.msi.schema.TableDeclarations.id;

/**
 * Patching and the certificates that go with it. Patch, PatchPackage and MsiPatchHeaders are what a patch's
 * transforms add to a package; MsiPatchMetadata and MsiPatchSequence live in the .msp itself; the certificate
 * tables let a package trust signed patches (MsiPackageCertificate, MsiPatchCertificate) and check signed
 * external cabinets (MsiDigitalSignature).
 */
final class PatchTables {
    private PatchTables() {}

    static void declare(TableDeclarations t) {
        t.table("Patch",
                id("File_").key().doc("File the patch applies to (a File key of the target)."),
                // 2-byte in the SDK's schema; 4-byte here as File.Sequence, which it follows, is (see StandardSchema).
                i4("Sequence").key().range(0, 2147483647).doc("Media sequence of the patch data, after the target's files."),
                i4("PatchSize").range(0, 2147483647).doc("Size of the patch data in bytes."),
                i2("Attributes").range(0, 32767).doc("1: failing to patch this file is not an error."),
                v("Header").nullable().doc("Binary patch header, for patches that keep it in this table."),
                s("StreamRef_", 38).nullable().cat(IDENTIFIER).doc("MsiPatchHeaders row holding the header instead."));
        t.table("PatchPackage",
                guid("PatchId").key().doc("Patch code of the patch."),
                i2("Media_").range(0, 32767).doc("Media row (DiskId) of the patch's files."));
        t.table("MsiPatchHeaders",
                s("StreamRef", 38).key().cat(IDENTIFIER).doc("Key used by Patch.StreamRef_."),
                v("Header").doc("Binary patch header."));
        t.table("MsiPatchMetadata",
                s("Company", 72).key().nullable().cat(TEXT).doc("Company that defined the property; empty for the standard ones."),
                s("Property", 72).key().cat(TEXT).doc("Metadata property: DisplayName, Description, AllowRemoval..."),
                l("Value", 0).cat(TEXT).doc("Value of the property."));
        t.table("MsiPatchSequence",
                s("PatchFamily", 72).key().cat(IDENTIFIER).doc("Patch family the patch belongs to."),
                guid("ProductCode").key().nullable().doc("Product the row applies to; empty for all targets."),
                s("Sequence", 72).cat(VERSION).doc("Position of the patch in its family."),
                i4("Attributes").nullable().doc("1: supersedes earlier patches of the family."));
        t.table("MsiPatchOldAssemblyName",
                id("Assembly").key().doc("Key of the old assembly name."),
                s("Name", 255).key().cat(TEXT).doc("Name part of the old strong name."),
                s("Value", 255).cat(TEXT).doc("Value of that part."));
        t.table("MsiPatchOldAssemblyFile",
                file("File_").key().doc("Assembly file being patched."),
                id("Assembly_").key().ref("MsiPatchOldAssemblyName").doc("One of its old names."));
        t.table("MsiDigitalCertificate",
                id("DigitalCertificate").key().doc("Certificate key."),
                v("CertData").doc("DER-encoded X.509 certificate."));
        t.table("MsiDigitalSignature",
                s("Table", 32).key().set("Media").doc("Table of the signed object; only Media."),
                s("SignObject", 72).key().cat(TEXT).doc("Key of the Media row whose external cabinet is signed."),
                id("DigitalCertificate_").ref("MsiDigitalCertificate").doc("Certificate the cabinet must be signed with."),
                v("Hash").nullable().doc("Hash of the signed cabinet, when checking by hash."));
        t.table("MsiPackageCertificate",
                id("PackageCertificate").key().doc("Row key."),
                id("DigitalCertificate_").key().ref("MsiDigitalCertificate").doc("Certificate that signs this package."));
        t.table("MsiPatchCertificate",
                id("PatchCertificate").key().doc("Row key."),
                id("DigitalCertificate_").key().ref("MsiDigitalCertificate").doc("Certificate a patch may be signed with to install without elevation."));
    }
}
