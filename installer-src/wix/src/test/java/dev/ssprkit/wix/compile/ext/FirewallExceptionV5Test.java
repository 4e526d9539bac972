package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import dev.ssprkit.wix.diag.Diagnostic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * fire:FirewallException of the v4 namespace, compiled as WiX v5 and v6 compile it. The sources are WiX's own test
 * data (src/ext/Firewall/test/WixToolsetTest.Firewall/TestData/UsingFirewall and UsingProperties, v6.0.2), with the
 * File and Component ids WiX generates for them written out; the expected rows are quoted from WiX's
 * FirewallExtensionFixture (CanBuildUsingFirewall, CanBuildUsingFirewallARM64, CanBuildWithProperties). Ids WiX
 * generates ("fex" + its hash of the name and component) are ours here ("fex" + our hash): for those rows every
 * column but the key is compared. Rows read back with msiinfo.
 */
@Tag("interop")
class FirewallExceptionV5Test {
    @TempDir Path dir;

    static final String FILE_ID = "filNdJBJmq3UCUIwmXS8x21aAsvqzk";

    /** WiX's UsingFirewall/PackageComponents.wxs (the component and its file given WiX's generated id). */
    static final String USING_FIREWALL = """
            <Component Id="%1$s">
                <File Id="%1$s" Name="fw.exe" Source="example.txt">
                    <Shortcut Id="FwShortcut" Directory="INSTALLFOLDER" Name="Firewall" />
                    <fw:FirewallException Id="ExampleFirewall" Description="An app-based firewall exception" Name="ExampleApp" Port="42" OnUpdate="doNothing" >
                        <fw:RemoteAddress Value="*" />
                    </fw:FirewallException>
                </File>

                <fw:FirewallException Description="A port-based firewall exception" Name="ExamplePort" Port="42" Outbound="yes" Scope="localSubnet" OnUpdate="enableOnly" />
                <fw:FirewallException Description="DNS scope firewall exception" Name="ExampleDNSScope" Port="356" Protocol="udp" Scope="dns" />
                <fw:FirewallException Description="DHCP scope firewall exception" Name="ExampleDHCPScope" Program="test.exe" Protocol="211" Scope="dhcp" Profile="public" />
                <fw:FirewallException Description="WINS scope firewall exception" Name="ExampleWINSScope" Port="6573" Scope="wins" Profile="domain"/>
                <fw:FirewallException Description="defaultGateway scope firewall exception" Name="ExampleDefaultGatewayScope" Port="4432" Scope="defaultGateway" Profile="private" />

                <fw:FirewallException Description="Defer to user edge traversal" Name="defertouser" Program="fw.exe" EdgeTraversal="deferToUser" />
                <fw:FirewallException Description="A port-based service exception" Name="ExampleService" Port="12000" Service="ftpsrv" Program="%%windir%%\\system32\\svchost.exe" >
                    <fw:LocalAddress Value="DHCP"/>
                    <fw:LocalAddress Value="WINS"/>
                </fw:FirewallException>

                <fw:FirewallException Description="Interfaces with nested elements" Name="interface nested" Port="54671" >
                    <fw:RemoteAddress Value="127.0.0.1"/>
                    <fw:Interface Name="Wi-Fi" />
                    <fw:Interface Name="Local Area Connection" />
                </fw:FirewallException>
                <fw:FirewallException Description="Interfaces with property" Name="interface property" Port="54671" Interface="[INTERFACE_PROPERTY]" />

                <ServiceInstall Name="svc1" Type="ownProcess" Start="disabled" ErrorControl="ignore" >
                    <fw:FirewallException Id="ServiceInstall.nested" IgnoreFailure="true" Description="A port-based firewall exception for a Windows service" Name="ExampleNestedService" Port="3546-7890" Scope="localSubnet" >
                        <fw:InterfaceType Value="lan" />
                        <fw:InterfaceType Value="wireless" />
                    </fw:FirewallException>
                </ServiceInstall>

                <fw:FirewallException Description="Simple INetFwRule3 values" Name="INetFwRule3 values" Scope="any" LocalAppPackageId="S-1-15-2-1239072475-3687740317-1842961305-3395936705-4023953123-1525404051-2779347315" LocalUserAuthorizedList="O:LSD:(A;;CC;;;S-1-5-84-0-0-0-0-0)" LocalUserOwner="S-1-5-21-1898747406-2352535518-1247798438-1914" RemoteMachineAuthorizedList="127.0.0.1" RemoteUserAuthorizedList="O:LSD:(A;;CC;;;S-1-5-84-0-0-0-0-0)" IPSecSecureFlags="negotiateEncryption" />
                <fw:FirewallException Description="INetFwRule3 passed via properties" Name="INetFwRule3 properties" Scope="any" LocalAppPackageId="[PROP1]" LocalUserAuthorizedList="[PROP2]" LocalUserOwner="[PROP3]" RemoteMachineAuthorizedList="[PROP4]" RemoteUserAuthorizedList="[PROP5]" IPSecSecureFlags="[PROP6]" />

                <fw:FirewallException Description="Simple rule with grouping" Name="GroupingExample1" Program="fw.exe" Grouping="@yourresources.dll,-1005" />
                <fw:FirewallException Description="Rule with grouping property" Name="GroupingExample2" Port="8732" Grouping="[GROUPING_PROP]" />

                <fw:FirewallException Description="Simple ICMP rule" Name="ICMPExample1" Protocol="2" IcmpTypesAndCodes="4:*,9:*,12:*" />
                <fw:FirewallException Description="Rule with ICMP property" Name="ICMPExample2" Protocol="2" IcmpTypesAndCodes="[ICMP_PROP]" />

                <fw:FirewallException Description="Simple rule with local scope" Name="LocalScopeExample1" Scope="any" LocalScope="localSubnet" />
                <fw:FirewallException Description="Rule with local scope property" Name="LocalScopeExample2" Scope="any" LocalScope="[LOCALSCOPE_PROP]" />

                <fw:FirewallException Description="Simple rule with remote port" Name="RemotePortExample1" Scope="any" RemotePort="34560" />
                <fw:FirewallException Description="Rule with remote port property" Name="RemotePortExample2" Program="fw.exe" RemotePort="[REMOTEPORT_PROP]" />
            </Component>
            """.formatted(FILE_ID);

    /** WiX's UsingProperties/PackageComponents.wxs. */
    static final String USING_PROPERTIES = """
            <Component Id="FirewallComponent" Guid="28DF3387-F30E-4DBE-90E2-D2C760CB4DD9">
                <File Source="example.txt" />
                <fw:FirewallException Name="[NAME]" Port="[LOCALPORT]" Protocol="[PROTOCOL]" Program="[PROGRAM]" Profile="[PROFILE]"
                    Description="[DESCRIPTION]" Scope="[REMOTESCOPE]" Action="[ACTION]" EdgeTraversal="[EDGETRAVERSAL]" Enabled="[ENABLED]"
                    Grouping="[GROUPING]" IcmpTypesAndCodes="[ICMPTYPES]" Interface="[INTERFACE]" InterfaceType="[INTERFACETYPE]"
                    LocalScope="[LOCALSCOPE]" RemotePort="[REMOTEPORT]" Service="[SERVICE]" LocalAppPackageId="[PACKAGEID]"
                    LocalUserAuthorizedList="[LOCALUSERS]" LocalUserOwner="[LOCALOWNER]" RemoteMachineAuthorizedList="[REMOTEMACHINES]"
                    RemoteUserAuthorizedList="[REMOTEUSERS]" IPSecSecureFlags="[SECUREFLAGS]" />
                <fw:FirewallException Name="Single Nested properties" >
                    <fw:RemoteAddress Value="[REMOTEADDRESS]" />
                    <fw:LocalAddress Value="[LOCALADDRESS]" />
                    <fw:InterfaceType Value="[INTERFACETYPE]" />
                    <fw:Interface Name="[INTERFACE]" />
                </fw:FirewallException>
                <fw:FirewallException Name="Multiple Nested properties" >
                    <fw:RemoteAddress Value="[REMOTEADDRESS1]" />
                    <fw:RemoteAddress Value="[REMOTEADDRESS2]" />
                    <fw:LocalAddress Value="[LOCALADDRESS1]" />
                    <fw:LocalAddress Value="[LOCALADDRESS2]" />
                    <fw:InterfaceType Value="[INTERFACETYPE1]" />
                    <fw:InterfaceType Value="[INTERFACETYPE2]" />
                    <fw:Interface Name="[INTERFACE1]" />
                    <fw:Interface Name="[INTERFACE2]" />
                </fw:FirewallException>
            </Component>
            """;

    /** FirewallExtensionFixture.CanBuildUsingFirewall's Wix5FirewallException rows. */
    static final List<String> USING_FIREWALL_ROWS = List.of(
            "Wix5FirewallException:ExampleFirewall\tExampleApp\t*\t42\t6\t[#filNdJBJmq3UCUIwmXS8x21aAsvqzk]\t2\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tAn app-based firewall exception\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fex.BGtyMRGAhxb2hG.49JvWYz7fM0\tLocalScopeExample2\t*\t\t-2147483648\t\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tRule with local scope property\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t[LOCALSCOPE_PROP]\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fex0HTxATWjpC2PCoY6DB7f2D1WaKU\tLocalScopeExample1\t*\t\t-2147483648\t\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tSimple rule with local scope\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\tLocalSubnet\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fex4FeP470wYcFpw.g7fbIKiLnZPzg\tExampleDNSScope\tdns\t356\t17\t\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tDNS scope firewall exception\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fex4zTcT0Iwu3dUtHIHXD5qfymvpcM\tdefertouser\t\t\t-2147483648\tfw.exe\t8\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tDefer to user edge traversal\t1\t-2147483648\t3\t-2147483648\t\t\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fex8vMfBplrod4daEz3PqDTeX6olGE\tExampleDefaultGatewayScope\tDefaultGateway\t4432\t6\t\t0\t2\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tdefaultGateway scope firewall exception\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexAMmHzFDyQmubTOnKS1Cn0Y3q_Ug\tINetFwRule3 properties\t*\t\t-2147483648\t\t16\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tINetFwRule3 passed via properties\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t\t\t\t[PROP1]\t[PROP2]\t[PROP3]\t[PROP4]\t[PROP5]\t[PROP6]",
            "Wix5FirewallException:fexArlOkFR7CAwVZ2wk8yNdiREydu0\tRemotePortExample2\t\t\t6\tfw.exe\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tRule with remote port property\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t\t[REMOTEPORT_PROP]\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexaUTe2tRRcSYrPUTn44DAZhE.40Q\tExamplePort\tLocalSubnet\t42\t6\t\t4\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tA port-based firewall exception\t2\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexD6w20c5HfNi4l1vHFj_eet4cC8I\tExampleWINSScope\twins\t6573\t6\t\t0\t1\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tWINS scope firewall exception\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexeD3yox6fMflfRy7sDwSN2CMCS2s\tExampleService\t\t12000\t6\t%windir%\\system32\\svchost.exe\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tA port-based service exception\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\tDHCP,WINS\t\tftpsrv\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexeok6aI2_AlclZggec4d8PBLFXLw\tinterface property\t\t54671\t6\t\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tInterfaces with property\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t[INTERFACE_PROPERTY]\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexEPvcf4iexD1mVQdvxm7tD02nZEc\tICMPExample1\t\t\t2\t\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tSimple ICMP rule\t1\t-2147483648\t-2147483648\t-2147483648\t\t4:*,9:*,12:*\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexfzjTQsWwZkHQpObtl0XaUosfcRk\tGroupingExample1\t\t\t-2147483648\tfw.exe\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tSimple rule with grouping\t1\t-2147483648\t-2147483648\t-2147483648\t@yourresources.dll,-1005\t\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexHx2xbwZYzAi0oYp4YGWevJQs5eM\tRemotePortExample1\t*\t\t6\t\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tSimple rule with remote port\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t\t34560\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexpWUzK53RVnaluW36gSmphPRY8VY\tExampleDHCPScope\tdhcp\t\t211\ttest.exe\t0\t4\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tDHCP scope firewall exception\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexuanTga5xaaFzr9JsAnUmpCNediw\tICMPExample2\t\t\t2\t\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tRule with ICMP property\t1\t-2147483648\t-2147483648\t-2147483648\t\t[ICMP_PROP]\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexv60s7u2Dmd1imH5vEFYKPgEWhG4\tinterface nested\t127.0.0.1\t54671\t6\t\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tInterfaces with nested elements\t1\t-2147483648\t-2147483648\t-2147483648\t\t\tWi-Fi|Local Area Connection\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexVr6uHcOCak5MHuTLwujjh_oKtbI\tGroupingExample2\t\t8732\t6\t\t0\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tRule with grouping property\t1\t-2147483648\t-2147483648\t-2147483648\t[GROUPING_PROP]\t\t\t\t\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexwjf4OTFVE9SNiC4goVxBA6ENJBE\tINetFwRule3 values\t*\t\t-2147483648\t\t16\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tSimple INetFwRule3 values\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\t\t\t\t\tS-1-15-2-1239072475-3687740317-1842961305-3395936705-4023953123-1525404051-2779347315\tO:LSD:(A;;CC;;;S-1-5-84-0-0-0-0-0)\tS-1-5-21-1898747406-2352535518-1247798438-1914\t127.0.0.1\tO:LSD:(A;;CC;;;S-1-5-84-0-0-0-0-0)\t3",
            "Wix5FirewallException:ServiceInstall.nested\tExampleNestedService\tLocalSubnet\t3546-7890\t6\t\t1\t-2147483648\tfilNdJBJmq3UCUIwmXS8x21aAsvqzk\tA port-based firewall exception for a Windows service\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t\tLan,Wireless\t\t\tsvc1\t\t\t\t\t\t-2147483648");

    /** FirewallExtensionFixture.CanBuildWithProperties's Wix5FirewallException rows. */
    static final List<String> USING_PROPERTIES_ROWS = List.of(
            "Wix5FirewallException:fexRrE4bS.DwUJQMvzX0ALEsx7jrZs\tSingle Nested properties\t[REMOTEADDRESS]\t\t-2147483648\t\t0\t-2147483648\tFirewallComponent\t\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t[INTERFACE]\t[INTERFACETYPE]\t[LOCALADDRESS]\t\t\t\t\t\t\t\t-2147483648",
            "Wix5FirewallException:fexvEy1GfdOjHlKcvsguyqK6mvYKyk\t[NAME]\t[REMOTESCOPE]\t[LOCALPORT]\t[PROTOCOL]\t[PROGRAM]\t16\t[PROFILE]\tFirewallComponent\t[DESCRIPTION]\t1\t[ACTION]\t[EDGETRAVERSAL]\t[ENABLED]\t[GROUPING]\t[ICMPTYPES]\t[INTERFACE]\t[INTERFACETYPE]\t[LOCALSCOPE]\t[REMOTEPORT]\t[SERVICE]\t[PACKAGEID]\t[LOCALUSERS]\t[LOCALOWNER]\t[REMOTEMACHINES]\t[REMOTEUSERS]\t[SECUREFLAGS]",
            "Wix5FirewallException:fexWywW3VGiEuG23FOv1YM6h7R6F5Q\tMultiple Nested properties\t[REMOTEADDRESS1],[REMOTEADDRESS2]\t\t-2147483648\t\t0\t-2147483648\tFirewallComponent\t\t1\t-2147483648\t-2147483648\t-2147483648\t\t\t[INTERFACE1]|[INTERFACE2]\t[INTERFACETYPE1],[INTERFACETYPE2]\t[LOCALADDRESS1],[LOCALADDRESS2]\t\t\t\t\t\t\t\t-2147483648");

    /** WiX's UsingFirewall/Package.wxs (without its localized strings) around the components. */
    static String pkg(String components) {
        return """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:fw="http://wixtoolset.org/schemas/v4/wxs/firewall">
                  <Package Name="MsiPackage" Language="1033" Version="1.0.0.0" Manufacturer="Example Corporation" UpgradeCode="047730a5-30fe-4a62-a520-da9381b8226a">
                    <MajorUpgrade DowngradeErrorMessage="A newer version is installed." />
                    <MediaTemplate EmbedCab="yes" />
                    <Feature Id="ProductFeature" Title="MsiPackage">
                      <ComponentGroupRef Id="ProductComponents" />
                    </Feature>
                  </Package>
                  <Fragment>
                    <StandardDirectory Id="ProgramFilesFolder">
                      <Directory Id="INSTALLFOLDER" Name="MsiPackage" />
                    </StandardDirectory>
                  </Fragment>
                  <Fragment>
                    <ComponentGroup Id="ProductComponents" Directory="INSTALLFOLDER">
                %s
                    </ComponentGroup>
                  </Fragment>
                </Wix>
                """.formatted(components);
    }

    private Path build(String components, String platform) throws Exception {
        Files.writeString(dir.resolve("example.txt"), "This is example.txt.");
        Path msi = dir.resolve("fw-" + platform + ".msi");
        // as wix build: WiX's Package.wxs puts its arm64 components in ProgramFilesFolder, an ICE80 error wix build does not check
        BuildResult r = TestBuild.build(dir, pkg(components), msi, b -> b.platform(platform).iceErrors(BuildRequest.IceErrors.AS_WIX));
        assertTrue(r.success(), r.diagnostics().toString());
        return msi;
    }

    private static List<String> rows(Path msi, String table) {
        Tool.Result r = Tool.run(List.of("msiinfo", "export", msi.toString(), table), msi.getParent(), Map.of(), 60);
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().lines().skip(3).map(l -> table + ":" + l).sorted().toList();
    }

    /** Rows keyed by Name (the second column); a generated key ("fex...") is left out of the comparison. */
    private static Map<String, String> byName(List<String> rows) {
        Map<String, String> out = new TreeMap<>();
        for (String row : rows) {
            String[] cells = row.split("\t", -1);
            String key = cells[0].substring(cells[0].indexOf(':') + 1);
            if (key.startsWith("fex")) cells[0] = cells[0].replace(key, "fex<generated>");
            out.put(cells[1], String.join("\t", cells));
        }
        return out;
    }

    private static void assertWixRows(List<String> expected, List<String> actual) {
        assertEquals(byName(expected), byName(actual));
        assertEquals(expected.size(), actual.stream().distinct().count(), "generated ids are distinct");
    }

    @Test
    void wixsUsingFirewallDataGivesTheRowsWixAsserts() throws Exception {
        Tool.require("msiinfo");
        Path msi = build(USING_FIREWALL, "x86");
        assertWixRows(USING_FIREWALL_ROWS, rows(msi, "Wix5FirewallException"));
        assertEquals(List.of(
                "CustomAction:Wix5ExecFirewallExceptionsInstall_X86\t3073\tWix5FWCA_X86\tExecFirewallExceptions\t",
                "CustomAction:Wix5ExecFirewallExceptionsUninstall_X86\t3073\tWix5FWCA_X86\tExecFirewallExceptions\t",
                "CustomAction:Wix5RollbackFirewallExceptionsInstall_X86\t3329\tWix5FWCA_X86\tExecFirewallExceptions\t",
                "CustomAction:Wix5RollbackFirewallExceptionsUninstall_X86\t3329\tWix5FWCA_X86\tExecFirewallExceptions\t",
                "CustomAction:Wix5SchedFirewallExceptionsInstall_X86\t1\tWix5FWCA_X86\tSchedFirewallExceptionsInstall\t",
                "CustomAction:Wix5SchedFirewallExceptionsUninstall_X86\t1\tWix5FWCA_X86\tSchedFirewallExceptionsUninstall\t"),
                rows(msi, "CustomAction").stream().filter(r -> r.contains("Firewall")).toList());
        // FirewallExtension_Platform.wxi of WiX v5+: Vista or later
        List<String> seq = rows(msi, "InstallExecuteSequence").stream().filter(r -> r.contains("Firewall")).toList();
        assertEquals(2, seq.size(), seq.toString());
        seq.forEach(r -> assertTrue(r.contains("\tVersionNT >= 600\t"), r));
    }

    @Test
    void wixsUsingFirewallDataForArm64() throws Exception {
        Tool.require("msiinfo");
        Path msi = build(USING_FIREWALL, "arm64");
        assertWixRows(USING_FIREWALL_ROWS, rows(msi, "Wix5FirewallException"));
        assertTrue(rows(msi, "CustomAction").contains(
                "CustomAction:Wix5SchedFirewallExceptionsInstall_A64\t1\tWix5FWCA_A64\tSchedFirewallExceptionsInstall\t"));
    }

    @Test
    void wixsUsingPropertiesDataKeepsEveryPropertyReference() throws Exception {
        Tool.require("msiinfo");
        Path msi = build(USING_PROPERTIES, "x86");
        assertWixRows(USING_PROPERTIES_ROWS, rows(msi, "Wix5FirewallException"));
    }

    // ---- bad input: each error at the attribute or child that is wrong ----

    private BuildResult buildBad(String exception) throws Exception {
        Files.writeString(dir.resolve("example.txt"), "x");
        String components = """
                <Component Id="Main">
                    <File Source="example.txt" />
                    %s
                </Component>
                """.formatted(exception);
        BuildResult r = TestBuild.build(dir, pkg(components), dir.resolve("bad.msi"), b -> b.platform("x64"));
        assertFalse(r.success(), "built although the source is wrong");
        return r;
    }

    /** The line of {@code marker} in the source as TestBuild wrote it. */
    private int lineOf(String marker) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("p.wxs"));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(marker)) return i + 1;
        throw new AssertionError(marker + " not in the source");
    }

    private void assertError(BuildResult r, String id, String marker, String textPart) throws Exception {
        int line = lineOf(marker);
        List<Diagnostic> errors = new ArrayList<>(r.diagnostics().stream().filter(Diagnostic::isError).toList());
        assertTrue(errors.stream().anyMatch(d -> d.id().equals(id) && d.line() == line && d.toString().contains(textPart)),
                "expected " + id + " at line " + line + " mentioning " + textPart + "; got " + errors);
    }

    @Test
    void badValuesOfTheNewAttributesAreLocatedErrors() throws Exception {
        BuildResult r = buildBad("""
                <fw:FirewallException Name="a" Scope="everywhere" />
                <fw:FirewallException Name="b" Action="deny" />
                <fw:FirewallException Name="c" OnUpdate="sometimes" />
                <fw:FirewallException Name="d" Protocol="300" />
                <fw:FirewallException Name="e" EdgeTraversal="maybe" />
                <fw:FirewallException Name="f" Enabled="perhaps" />
                <fw:FirewallException Name="g" IPSecSecureFlags="strong" />
                <fw:FirewallException Name="h" LocalScope="nearby" />
                <fw:FirewallException Name="i" InterfaceType="fibre" />
                <fw:FirewallException Name="j" Profile="home" />
                """);
        assertError(r, "WIX0106", "Name=\"a\"", "Scope='everywhere'");
        assertError(r, "WIX0106", "Name=\"b\"", "Action='deny'");
        assertError(r, "WIX0106", "Name=\"c\"", "OnUpdate='sometimes'");
        assertError(r, "WIX0106", "Name=\"d\"", "Protocol='300'");
        assertError(r, "WIX0106", "Name=\"e\"", "EdgeTraversal='maybe'");
        assertError(r, "WIX0106", "Name=\"f\"", "Enabled='perhaps'");
        assertError(r, "WIX0106", "Name=\"g\"", "IPSecSecureFlags='strong'");
        assertError(r, "WIX0106", "Name=\"h\"", "LocalScope='nearby'");
        assertError(r, "WIX0106", "Name=\"i\"", "InterfaceType='fibre'");
        assertError(r, "WIX0106", "Name=\"j\"", "Profile='home'");
    }

    @Test
    void childrenThatConflictWithAttributesAreLocatedErrors() throws Exception {
        BuildResult r = buildBad("""
                <fw:FirewallException Name="a" Scope="any">
                    <fw:RemoteAddress Value="10.0.0.1" />
                </fw:FirewallException>
                <fw:FirewallException Name="b" Interface="Wi-Fi">
                    <fw:Interface Name="Ethernet" />
                </fw:FirewallException>
                <fw:FirewallException Name="c" LocalScope="any">
                    <fw:LocalAddress Value="10.0.0.2" />
                </fw:FirewallException>
                <fw:FirewallException Name="d">
                    <fw:InterfaceType Value="all" />
                    <fw:InterfaceType Value="lan" />
                    <fw:InterfaceType Value="fibre" />
                </fw:FirewallException>
                """);
        assertError(r, "WIX0108", "10.0.0.1", "Scope and RemoteAddress");
        assertError(r, "WIX0108", "Name=\"Ethernet\"", "Interface and Interface");
        assertError(r, "WIX0108", "10.0.0.2", "LocalScope and LocalAddress");
        assertError(r, "WIX0108", "Value=\"lan\"", "InterfaceType All");
        assertError(r, "WIX0106", "Value=\"fibre\"", "Value='fibre'");
    }

    @Test
    void deferToUserAndServiceRulesAreWixs() throws Exception {
        BuildResult r = buildBad("""
                <fw:FirewallException Name="a" EdgeTraversal="deferToUser" Program="app.exe" Port="80" />
                <fw:FirewallException Name="b" EdgeTraversal="deferToUser" Protocol="2" Program="app.exe" />
                <fw:FirewallException Name="c" EdgeTraversal="deferToUser" />
                <ServiceInstall Name="svc" Type="ownProcess" Start="demand" ErrorControl="normal">
                    <fw:FirewallException Name="d" Service="other" Port="81" />
                </ServiceInstall>
                """);
        assertError(r, "WIX0108", "Name=\"a\"", "Port and EdgeTraversal");
        assertError(r, "WIX0112", "Name=\"b\"", "Protocol='2'");
        assertError(r, "WIX0109", "Name=\"c\"", "Program");
        assertError(r, "WIX0108", "Name=\"d\"", "Service and a parent <ServiceInstall>");
    }

    @Test
    void remotePortWithoutProtocolMeansTcpAsInWix() throws Exception {
        // WiX does not refuse RemotePort without Protocol: it writes TCP (6), as for Port (fixture: RemotePortExample1)
        Tool.require("msiinfo");
        Path msi = build("""
                <Component Id="Main">
                    <File Source="example.txt" />
                    <fw:FirewallException Id="Rp" Name="rp" RemotePort="34560" />
                </Component>
                """, "x64");
        assertEquals(List.of("Wix5FirewallException:Rp\trp\t\t\t6\t\t0\t-2147483648\tMain\t\t1\t-2147483648\t-2147483648\t-2147483648"
                + "\t\t\t\t\t\t34560\t\t\t\t\t\t\t-2147483648"), rows(msi, "Wix5FirewallException"));
    }

    @Test
    void aV3FirewallExceptionKeepsV3sElements() throws Exception {
        Files.writeString(dir.resolve("example.txt"), "x");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:fw="http://schemas.microsoft.com/wix/FirewallExtension">
                  <Product Id="*" Name="v3" Language="1033" Version="1.0.0" Manufacturer="t" UpgradeCode="{5D0C4B1A-2E3F-4A5B-8C7D-9E0F1A2B3C4E}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Media Id="1" Cabinet="a.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="D" Name="v3">
                      <Component Id="Main" Guid="{5D0C4B1A-2E3F-4A5B-8C7D-9E0F1A2B3C4F}">
                        <File Id="F" Source="example.txt" KeyPath="yes"/>
                        <fw:FirewallException Id="Fw" Name="v3" Port="80" Scope="any" Action="block">
                          <fw:Interface Name="Wi-Fi" />
                        </fw:FirewallException>
                      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Main"/></Feature>
                  </Product>
                </Wix>
                """, dir.resolve("v3.msi"));
        assertFalse(r.success());
        assertError(r, "WIX0101", "Action=\"block\"", "Action");
        assertError(r, "WIX0100", "Name=\"Wi-Fi\"", "Interface");
    }
}
