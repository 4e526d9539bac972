package dev.ssprkit.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.msi.MsiReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sspr build X.wixproj}: the project evaluated as MSBuild evaluates it (MSBuild's "Properties", "Conditions",
 * "Items" and "Property functions" pages; global -p properties cannot be overwritten by the project), the settings
 * WiX's targets pass on (DefineConstants, Cultures, SuppressIces, OutputName, the WiX SDK's default items and
 * bin\Platform\Configuration output folder), and what cannot be evaluated stopped at its line with nothing written.
 */
class WixProjectCliTest {
    @TempDir Path dir;

    private static final String PRODUCT = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="!(loc.Name)" Version="$(var.ProductVersion)" Manufacturer="ssprkit tests" UpgradeCode="{6A1B2C3D-4E5F-4071-8293-A4B5C6D7E8F9}">
                <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="Proj" /></StandardDirectory>
                <Property Id="FROMPROJECT" Value="$(var.ProjectName)|$(var.Configuration)|$(var.Platform)|$(var.Channel)" />
                <Feature Id="Main">
                  <Component Directory="INSTALLFOLDER"><RegistryValue Root="HKLM" Key="Software\\ssprkit tests\\Proj" Name="v" Value="1" Type="string" /></Component>
                </Feature>
              </Package>
            </Wix>
            """;

    private String property(Path msi, String name) throws Exception {
        try (var db = MsiReader.read(msi)) {
            return db.table("Property").find(name).string("Value");
        }
    }

    /** A WiX v3-style project (explicit Compile items, Wix.targets imported), as gh's and yarn's are written. */
    @Test
    void aV3StyleProjectBuildsWithItsPropertiesConditionsAndCultures() throws Exception {
        Files.writeString(dir.resolve("Product.wxs"), PRODUCT);
        Files.writeString(dir.resolve("en-us.wxl"), """
                <WixLocalization Culture="en-us" xmlns="http://wixtoolset.org/schemas/v4/wxl"><String Id="Name" Value="Project in English" /></WixLocalization>""");
        Files.writeString(dir.resolve("de-de.wxl"), """
                <WixLocalization Culture="de-de" xmlns="http://wixtoolset.org/schemas/v4/wxl"><String Id="Name" Value="Projekt auf Deutsch" /></WixLocalization>""");
        Path project = Files.writeString(dir.resolve("Setup.wixproj"), """
                <?xml version="1.0" encoding="utf-8"?>
                <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <PropertyGroup>
                    <Configuration Condition=" '$(Configuration)' == '' ">Debug</Configuration>
                    <Platform Condition=" '$(Platform)' == '' ">x64</Platform>
                    <ProductVersion Condition="'$(ProductVersion)' == ''">0.1.0</ProductVersion>
                    <OutputName>proj-$(ProductVersion)</OutputName>
                    <OutputType>Package</OutputType>
                    <RepoPath>$([MSBuild]::NormalizeDirectory($(MSBuildProjectDirectory)\\sub\\..))</RepoPath>
                    <Cultures>de-de</Cultures>
                  </PropertyGroup>
                  <PropertyGroup Condition=" '$(Configuration)|$(Platform)' == 'Release|x64' ">
                    <DefineConstants>ProductVersion=$(ProductVersion);Channel=stable</DefineConstants>
                  </PropertyGroup>
                  <PropertyGroup Condition=" '$(Configuration)|$(Platform)' != 'Release|x64' And !Exists('$(RepoPath)Product.wxs') ">
                    <DefineConstants>ProductVersion=$(ProductVersion);Channel=unreachable</DefineConstants>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Include="Product.wxs" />
                    <EmbeddedResource Include="en-us.wxl;de-de.wxl" />
                    <WixExtension Include="WixUtilExtension" />
                  </ItemGroup>
                  <Import Project="$(WixTargetsPath)" Condition=" '$(WixTargetsPath)' != '' " />
                  <Import Project="$(MSBuildExtensionsPath)\\Microsoft\\WiX\\v3.x\\Wix.targets" />
                </Project>
                """);
        Cli.Run r = Cli.linux().run("build", project.toString(), "-p:Configuration=Release;ProductVersion=2.60.0"); // msbuild's spelling
        assertEquals(0, r.code(), r.err());
        Path msi = dir.resolve("bin/Release/proj-2.60.0.msi"); // OutputPath's v3 default bin\$(Configuration)\, OutputName
        assertTrue(Files.isRegularFile(msi), r.out());
        assertEquals("Setup|Release|x64|stable", property(msi, "FROMPROJECT"), "the project's variables and its DefineConstants");
        assertEquals("2.60.0", property(msi, "ProductVersion"), "-p wins over the project's own default");
        assertEquals("Projekt auf Deutsch", property(msi, "ProductName"), "Cultures picks the .wxl");
        try (var db = MsiReader.read(msi)) {
            assertEquals("x64;1031", db.summary().template, "Platform from the project's conditional default");
        }
    }

    /** A WiX SDK project: Directory.Build.props, default items (every .wxs and .wxl outside bin and obj), Compile Remove, the SDK's output folder. */
    @Test
    void anSdkProjectTakesTheDefaultItemsAndWritesToBinPlatformConfiguration() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/Product.wxs"), PRODUCT.replace("!(loc.Name)", "Sdk project"));
        Files.createDirectories(dir.resolve("obj"));
        Files.writeString(dir.resolve("obj/Stale.wxs"), "<not wix/>"); // an earlier build's output: never compiled
        Files.writeString(dir.resolve("Broken.wxs"), "<not wix/>");
        // MSBuild's "Customize your build": an SDK project imports the nearest Directory.Build.props above it
        Files.writeString(dir.resolve("Directory.Build.props"), "<Project><PropertyGroup><ChannelName>beta</ChannelName></PropertyGroup></Project>");
        Path project = Files.writeString(dir.resolve("App.wixproj"), """
                <Project Sdk="WixToolset.Sdk/4.0.5">
                  <PropertyGroup>
                    <DefineConstants>ProductVersion=1.2.3;Channel=$(ChannelName)</DefineConstants>
                    <SuppressIces>ICE61</SuppressIces>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Remove="Broken.wxs" />
                    <PackageReference Include="WixToolset.Util.wixext" Version="4.0.5" />
                  </ItemGroup>
                  <Target Name="SignMsi" AfterTargets="Build" />
                </Project>
                """);
        Cli.Run r = Cli.linux().run("build", project.toString(), "-p", "Platform=x64");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("App.wixproj:10:3: warning WIX0303: <Target Name=\"SignMsi\"> is ignored"), r.err());
        Path msi = dir.resolve("bin/x64/Debug/App.msi");
        assertTrue(Files.isRegularFile(msi), r.out());
        assertEquals("App|Debug|x64|beta", property(msi, "FROMPROJECT"));
    }

    /**
     * A project's [System.DateTime]::Now is the build's time: SOURCE_DATE_EPOCH from the command's environment, read
     * in UTC so that every machine gives the same value (1245073530 is 2009-06-15T13:45:30Z).
     */
    @Test
    void dateTimeNowIsTheBuildTimeOfSourceDateEpoch() throws Exception {
        Files.writeString(dir.resolve("Product.wxs"), PRODUCT.replace("!(loc.Name)", "Dated"));
        Path project = Files.writeString(dir.resolve("Dated.wixproj"), """
                <Project Sdk="WixToolset.Sdk/4.0.5">
                  <PropertyGroup>
                    <Stamp>$([System.DateTime]::Now.ToString('yyyyMMdd.HHmm'))</Stamp>
                    <DefineConstants>ProductVersion=1.2.3;Channel=nightly-$(Stamp)</DefineConstants>
                  </PropertyGroup>
                </Project>
                """);
        Cli.Run r = new Cli(java.util.Map.of("SOURCE_DATE_EPOCH", "1245073530"), null, null).run("build", project.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Dated|Debug|x86|nightly-20090615.1345", property(dir.resolve("bin/x86/Debug/Dated.msi"), "FROMPROJECT"));
    }

    /**
     * Cultures="en-us;de-de,en-us": one package per ';' group, each in its first culture's folder, the ',' list its
     * fallback chain (WiX's MSBuild culture groups); -o with several packages is a usage error.
     */
    @Test
    void eachCultureGroupBuildsItsOwnPackage() throws Exception {
        Files.writeString(dir.resolve("Product.wxs"), PRODUCT);
        Files.writeString(dir.resolve("en-us.wxl"), """
                <WixLocalization Culture="en-us" xmlns="http://wixtoolset.org/schemas/v4/wxl"><String Id="Name" Value="In English" /></WixLocalization>""");
        Files.writeString(dir.resolve("de-de.wxl"), """
                <WixLocalization Culture="de-de" xmlns="http://wixtoolset.org/schemas/v4/wxl"><String Id="Other" Value="unused" /></WixLocalization>""");
        Path project = Files.writeString(dir.resolve("Multi.wixproj"), """
                <Project>
                  <PropertyGroup>
                    <Cultures>en-us;de-de,en-us</Cultures>
                    <DefineConstants>ProductVersion=1.0.0;Channel=m</DefineConstants>
                  </PropertyGroup>
                  <ItemGroup><Compile Include="Product.wxs" /><EmbeddedResource Include="*.wxl" /></ItemGroup>
                </Project>
                """);
        Cli.Run r = Cli.linux().run("build", project.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("In English", property(dir.resolve("bin/Debug/en-us/Multi.msi"), "ProductName"));
        Path german = dir.resolve("bin/Debug/de-de/Multi.msi");
        assertEquals("In English", property(german, "ProductName"), "de-de has no Name: its fallback en-us gives it");
        try (var db = MsiReader.read(german)) {
            assertTrue(db.summary().template.endsWith(";1031"), "the German package's language: " + db.summary().template);
        }
        Cli.Run one = Cli.linux().run("build", project.toString(), "-o", dir.resolve("one.msi").toString());
        assertEquals(ExitStatus.USAGE.code, one.code(), one.err());
        assertTrue(one.err().contains("builds 2 packages"), one.err());
    }

    /** Choose/When/Otherwise (MSBuild's "Choose element"): the first When that holds, else Otherwise, nested too. */
    @Test
    void chooseTakesTheFirstWhenThatHoldsElseOtherwise() throws Exception {
        Files.writeString(dir.resolve("Product.wxs"), PRODUCT.replace("!(loc.Name)", "Choose"));
        Path project = Files.writeString(dir.resolve("C.wixproj"), """
                <Project>
                  <PropertyGroup><DefineConstants>ProductVersion=1.0.0</DefineConstants></PropertyGroup>
                  <Choose>
                    <When Condition="'$(Platform)' == 'x86'"><PropertyGroup><Channel>never: Platform is not set yet here</Channel></PropertyGroup></When>
                    <When Condition="'$(Ring)' == 'insider'">
                      <Choose>
                        <When Condition="'$(Configuration)' == 'Release'"><PropertyGroup><Channel>insider-release</Channel></PropertyGroup></When>
                        <Otherwise><PropertyGroup><Channel>insider-other</Channel></PropertyGroup></Otherwise>
                      </Choose>
                      <ItemGroup><Compile Include="Product.wxs" /></ItemGroup>
                    </When>
                    <Otherwise><PropertyGroup><Channel>public</Channel></PropertyGroup><ItemGroup><Compile Include="Product.wxs" /></ItemGroup></Otherwise>
                  </Choose>
                  <PropertyGroup><DefineConstants>$(DefineConstants);Channel=$(Channel)</DefineConstants></PropertyGroup>
                </Project>
                """);
        Cli.Run r = Cli.linux().run("build", project.toString(), "-p:Ring=insider;Configuration=Release");
        assertEquals(0, r.code(), r.err());
        assertEquals("C|Release|x86|insider-release", property(dir.resolve("bin/Release/C.msi"), "FROMPROJECT"));
        Cli.Run plain = Cli.linux().run("build", project.toString());
        assertEquals(0, plain.code(), plain.err());
        assertEquals("C|Debug|x86|public", property(dir.resolve("bin/Debug/C.msi"), "FROMPROJECT"));
    }

    /** CompilerAdditionalOptions / LinkerAdditionalOptions carry candle's and light's options (redis: -arch; dokany: -sw1132). */
    @Test
    void additionalOptionsOfTheCompilerAndLinkerAreApplied() throws Exception {
        Files.writeString(dir.resolve("Product.wxs"), PRODUCT.replace("!(loc.Name)", "Options"));
        Path project = Files.writeString(dir.resolve("Opt.wixproj"), """
                <Project>
                  <PropertyGroup>
                    <Platform>x64</Platform>
                    <CompilerAdditionalOptions>-arch x86 -d ProductVersion=3.1.0 "-dChannel=with space"</CompilerAdditionalOptions>
                    <LinkerAdditionalOptions>-sw1132 -sice:ICE61 -nologo -frobnicate</LinkerAdditionalOptions>
                  </PropertyGroup>
                  <ItemGroup><Compile Include="Product.wxs" /></ItemGroup>
                </Project>
                """);
        Cli.Run r = Cli.linux().run("build", project.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning WIX0303: LinkerAdditionalOptions option -frobnicate is ignored"), r.err());
        Path msi = dir.resolve("bin/Debug/Opt.msi");
        assertEquals("Opt|Debug|x64|with space", property(msi, "FROMPROJECT"));
        assertEquals("3.1.0", property(msi, "ProductVersion"));
        try (var db = MsiReader.read(msi)) {
            assertTrue(db.summary().template.startsWith("Intel;"), "the compiler's -arch decides the package's platform: " + db.summary().template);
        }
    }

    /** HarvestDirectory items (WiX's heat targets): the folder becomes a fragment compiled with the sources. */
    @Test
    void harvestDirectoryItemsAreHarvestedIntoTheBuild() throws Exception {
        Files.createDirectories(dir.resolve("publish/sub"));
        Files.writeString(dir.resolve("publish/app.txt"), "app");
        Files.writeString(dir.resolve("publish/sub/data.txt"), "data");
        Files.writeString(dir.resolve("Product.wxs"), PRODUCT.replace("!(loc.Name)", "Harvest")
                .replace("<Feature Id=\"Main\">", "<Feature Id=\"Main\"><ComponentGroupRef Id=\"AppFiles\" />"));
        Path project = Files.writeString(dir.resolve("H.wixproj"), """
                <Project Sdk="WixToolset.Sdk/4.0.5">
                  <PropertyGroup><DefineConstants>ProductVersion=1.0.0;Channel=h</DefineConstants></PropertyGroup>
                  <ItemGroup>
                    <Compile Remove="publish/**" />
                    <HarvestDirectory Include="publish">
                      <ComponentGroupName>AppFiles</ComponentGroupName>
                      <DirectoryRefId>INSTALLFOLDER</DirectoryRefId>
                      <SuppressRootDirectory>true</SuppressRootDirectory>
                    </HarvestDirectory>
                    <PackageReference Include="WixToolset.Heat" Version="4.0.5" />
                  </ItemGroup>
                </Project>
                """);
        Cli.Run r = Cli.linux().run("build", project.toString());
        assertEquals(0, r.code(), r.err());
        Path msi = dir.resolve("bin/x86/Debug/H.msi");
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (var db = MsiReader.read(msi)) {
            for (var row : db.table("File").rows()) names.add(String.valueOf(row.get("FileName")).replaceAll(".*\\|", ""));
            assertTrue(db.table("Directory").rows().stream().anyMatch(d -> String.valueOf(d.get("DefaultDir")).endsWith("sub")
                    && "INSTALLFOLDER".equals(d.get("Directory_Parent"))), "the tree under DirectoryRefId, its root suppressed");
        }
        assertEquals(java.util.Set.of("app.txt", "data.txt"), names);
        try (var files = Files.walk(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("_HarvestDirectory_")), "the fragment is not left in the project");
        }
    }

    /**
     * The SDK's InstallerPlatform decides the architecture when a project's Platform is a .NET runtime name (podman's
     * and other SDK projects set it so); the solution's properties become variables unless DefineSolutionProperties
     * is false (WiX's targets); a ProjectReference's variables are named after its Name metadata (the warning says).
     */
    @Test
    void installerPlatformSolutionPropertiesAndReferenceNames() throws Exception {
        Files.writeString(dir.resolve("Product.wxs"), PRODUCT.replace("$(var.Channel)", "$(var.SolutionDir)").replace("!(loc.Name)", "Rid"));
        Path project = Files.writeString(dir.resolve("Rid.wixproj"), """
                <Project Sdk="WixToolset.Sdk/5.0.2">
                  <PropertyGroup>
                    <Platform>win-arm64</Platform>
                    <InstallerPlatform Condition="'$(Platform)' == 'win-arm64'">arm64</InstallerPlatform>
                    <DefineConstants>ProductVersion=1.0.0</DefineConstants>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../svc/service.vcxproj"><Name>SvcHost</Name></ProjectReference>
                  </ItemGroup>
                </Project>
                """);
        Cli.Run r = Cli.linux().run("build", project.toString(), "-p:SolutionDir=C:\\src\\");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("$(var.SvcHost.TargetDir)"), r.err());
        Path msi = dir.resolve("bin/win-arm64/Debug/Rid.msi");
        assertTrue(Files.isRegularFile(msi), r.out());
        assertEquals("Rid|Debug|win-arm64|C:\\src\\", property(msi, "FROMPROJECT"));
        try (var db = MsiReader.read(msi)) {
            assertEquals("Arm64;0", db.summary().template, "InstallerPlatform is the architecture (the SDK's -arch)");
        }
        Files.writeString(project, Files.readString(project).replace("<Platform>", "<DefineSolutionProperties>false</DefineSolutionProperties><Platform>"));
        Cli.Run off = Cli.linux().run("build", project.toString(), "-p:SolutionDir=C:\\src\\");
        assertEquals(ExitStatus.BAD_INPUT.code, off.code(), off.err());
        assertTrue(off.err().contains("SolutionDir"), "no solution variables when the project turns them off: " + off.err());
    }

    @Test
    void whatCannotBeEvaluatedIsALocatedErrorAndNothingIsWritten() throws Exception {
        Files.writeString(dir.resolve("Product.wxs"), PRODUCT);
        String[][] cases = {
                {"<PropertyGroup><Folder>$([System.Environment]::GetFolderPath(SpecialFolder.ProgramFiles))</Folder><OutputName>$(Folder)</OutputName></PropertyGroup>",
                        "3:18: error WIX0301", "[System.Environment]::GetFolderPath in $([System.Environment]::GetFolderPath(SpecialFolder.ProgramFiles)) (in the value of Folder)"},
                {"<PropertyGroup><Folder>x</Folder></PropertyGroup><ItemGroup><Compile Include=\"$(Folder.Normalize())\"/></ItemGroup>", "3:63: error WIX0301", "String.Normalize"},
                {"<PropertyGroup><Drive>$(Folder.Substring(4))</Drive></PropertyGroup>", "3:18: error WIX0308", "out of the range"},
                {"<PropertyGroup Condition=\"'$(A)' === 'b'\"></PropertyGroup>", "3:18: error WIX0302", "unexpected '='"},
                {"<Choose><When Condition=\"'$(A)' == \"/><Otherwise/></Choose>", "error WIX0302", "ends where a value was expected"},
                {"<Choose><Other/></Choose>", "3:11: error WIX0301", "<Other> in <Choose>"},
                {"<PropertyGroup><OutputType>Bundle</OutputType></PropertyGroup>", "error WIX0304", "OutputType 'Bundle'"},
        };
        for (String[] c : cases) {
            Path project = Files.writeString(dir.resolve("Bad.wixproj"), """
                    <Project>
                      <ItemGroup><Compile Include="Product.wxs" /></ItemGroup>
                      %s
                    </Project>
                    """.formatted(c[0]));
            Cli.Run r = Cli.linux().run("build", project.toString(), "-o", dir.resolve("bad.msi").toString());
            assertEquals(ExitStatus.BAD_INPUT.code, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().contains(c[1]) && r.err().contains(c[2]), c[0] + ": " + r.err());
            assertFalse(Files.exists(dir.resolve("bad.msi")));
        }
        // a property only the project's targets read may need what sspr does not evaluate: the build goes on
        Path unused = Files.writeString(dir.resolve("Unused.wixproj"), """
                <Project>
                  <ItemGroup><Compile Include="Product.wxs" /></ItemGroup>
                  <PropertyGroup><Folder>$([System.Environment]::GetFolderPath(SpecialFolder.ProgramFiles))</Folder></PropertyGroup>
                  <PropertyGroup><DefineConstants>ProductVersion=1.0.0;Channel=stable</DefineConstants></PropertyGroup>
                  <ItemGroup><EmbeddedResource Include="en-us.wxl" /></ItemGroup>
                </Project>
                """);
        Files.writeString(dir.resolve("en-us.wxl"), "<WixLocalization Culture=\"en-us\" xmlns=\"http://wixtoolset.org/schemas/v4/wxl\"><String Id=\"Name\" Value=\"P\" /></WixLocalization>");
        Cli.Run ok = Cli.linux().run("build", unused.toString(), "-o", dir.resolve("unused.msi").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.exists(dir.resolve("unused.msi")));
        Cli.Run misuse = Cli.linux().run("build", dir.resolve("Product.wxs").toString(), "-p", "Configuration=Release");
        assertEquals(ExitStatus.USAGE.code, misuse.code(), "-p without a .wixproj: " + misuse.err());
    }
}
