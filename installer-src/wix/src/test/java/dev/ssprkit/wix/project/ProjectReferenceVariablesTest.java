package dev.ssprkit.wix.project;

import dev.ssprkit.wix.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ProjectReference's $(var.Name.*) variables (the names WiX's MSBuild targets define: TargetPath, TargetDir,
 * TargetFileName, TargetName, TargetExt, ProjectDir...) from the referenced project file, where its own build puts
 * its output: the .NET SDK's default OutputPath bin\[Platform\]Configuration\TargetFramework\[RuntimeIdentifier\]
 * (learn.microsoft.com, "MSBuild properties for Microsoft.NET.Sdk": AppendTargetFrameworkToOutputPath,
 * AppendRuntimeIdentifierToOutputPath), an older project's OutputPath from its configuration's PropertyGroup, a C++
 * project's [Platform\]Configuration\ (Win32 has no platform folder), and OutputType/ConfigurationType for the
 * extension. storj's installer (ProjectReference Storj\Storj.csproj) needed -d Storj.TargetDir before.
 */
class ProjectReferenceVariablesTest {
    @TempDir Path dir;

    private ProjectSettings build(String references) throws Exception {
        Files.writeString(dir.resolve("Product.wxs"), "<Wix xmlns=\"http://wixtoolset.org/schemas/v4/wxs\"/>");
        Path project = Files.writeString(dir.resolve("Setup.wixproj"), """
                <Project Sdk="WixToolset.Sdk/5.0.2">
                  <ItemGroup>%s</ItemGroup>
                </Project>
                """.formatted(references));
        Diagnostics d = new Diagnostics();
        ProjectSettings s = WixProject.read(project, Map.of("Configuration", "Release", "Platform", "x64"), d);
        assertNotNull(s, d.all().toString());
        return s;
    }

    @Test
    void anSdkProjectsOutputIsWhereDotnetBuildPutsIt() throws Exception {
        Files.createDirectories(dir.resolve("App"));
        Files.writeString(dir.resolve("App/App.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>WinExe</OutputType>
                    <TargetFramework>net8.0-windows</TargetFramework>
                    <AssemblyName>MyApp</AssemblyName>
                    <RuntimeIdentifier Condition="'$(Configuration)' == 'Release'">win-x64</RuntimeIdentifier>
                  </PropertyGroup>
                </Project>
                """);
        Map<String, String> v = build("<ProjectReference Include=\"App\\App.csproj\"/>").defines();
        Path out = dir.resolve("App/bin/x64/Release/net8.0-windows/win-x64");
        assertEquals(out + "/", v.get("App.TargetDir"));
        assertEquals(out.resolve("MyApp.exe").toString(), v.get("App.TargetPath"));
        assertEquals("MyApp.exe", v.get("App.TargetFileName"));
        assertEquals("MyApp", v.get("App.TargetName"));
        assertEquals(".exe", v.get("App.TargetExt"));
        assertEquals(dir.resolve("App") + "/", v.get("App.ProjectDir"));
        assertEquals("Release|x64", v.get("App.FullConfiguration"));
    }

    @Test
    void anOlderProjectsConfigurationGroupAndACppProjectsFolderAndTheNameMetadata() throws Exception {
        Files.createDirectories(dir.resolve("Lib"));
        Files.writeString(dir.resolve("Lib/Lib.csproj"), """
                <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <PropertyGroup><OutputType>Library</OutputType><AssemblyName>Helpers</AssemblyName></PropertyGroup>
                  <PropertyGroup Condition=" '$(Configuration)|$(Platform)' == 'Debug|x64' "><OutputPath>bin\\Debug\\</OutputPath></PropertyGroup>
                  <PropertyGroup Condition=" '$(Configuration)|$(Platform)' == 'Release|x64' "><OutputPath>bin\\x64\\Release\\</OutputPath></PropertyGroup>
                </Project>
                """);
        Files.createDirectories(dir.resolve("Native"));
        Files.writeString(dir.resolve("Native/hook.vcxproj"), """
                <Project DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <PropertyGroup Label="Configuration"><ConfigurationType>DynamicLibrary</ConfigurationType></PropertyGroup>
                </Project>
                """);
        Map<String, String> v = build("""
                <ProjectReference Include="Lib\\Lib.csproj"/>
                <ProjectReference Include="Native\\hook.vcxproj"><Name>Hook</Name></ProjectReference>
                """).defines();
        assertEquals(dir.resolve("Lib/bin/x64/Release/Helpers.dll").toString(), v.get("Lib.TargetPath"));
        assertEquals(dir.resolve("Native/x64/Release/hook.dll").toString(), v.get("Hook.TargetPath"));
        assertTrue(!v.containsKey("hook.TargetPath"), "named after the Name metadata, as WiX's targets do");
    }
}
