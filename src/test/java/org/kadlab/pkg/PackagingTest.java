package org.kadlab.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks that the packaging profile ({@code -Ppackage-app}, jpackage) and the files it names agree,
 * without running jpackage: the launcher properties name a real main class and an icon that exists,
 * the profile names those same files, the icon exists at every size (on disk and in the jar) and the
 * SVG is the drawing of {@link IconArt}, and the .deb scripts link the command where the package
 * installs it.
 */
class PackagingTest {
    private static Map<String, String> profileProperties;
    private static List<String> appImageArguments;
    private static List<String> debArguments;
    private static String appLauncher;

    @BeforeAll
    static void readThePom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        appLauncher = text(first(first(pom.getDocumentElement(), "properties"), "app.launcher"));
        profileProperties = new HashMap<>();
        Map<String, List<String>> executions = new HashMap<>();
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            String id = text(first(profile, "id"));
            if (id.equals("package-app")) {
                for (Element p : children(first(profile, "properties"))) {
                    profileProperties.put(p.getTagName(), text(p));
                }
            }
            NodeList found = profile.getElementsByTagName("execution");
            for (int j = 0; j < found.getLength(); j++) {
                Element execution = (Element) found.item(j);
                List<String> args = new ArrayList<>();
                Element arguments = first(first(execution, "configuration"), "arguments");
                for (Element a : arguments == null ? List.<Element>of() : children(arguments)) {
                    args.add(text(a));
                }
                executions.put(id + "/" + text(first(execution, "id")), args);
            }
        }
        appImageArguments = executions.get("package-app/app-image");
        debArguments = executions.get("package-deb/deb");
        assertThat(appImageArguments).as("the app-image execution of profile package-app").isNotNull();
        assertThat(debArguments).as("the deb execution of profile package-deb").isNotNull();
    }

    @Test
    void theCommandLauncherNamesARealMainClassAndAnExistingSquareIcon() throws Exception {
        Properties launcher = launcherProperties();
        Class<?> main = Class.forName(launcher.getProperty("main-class"));
        Method m = main.getMethod("main", String[].class);
        assertThat(Modifier.isStatic(m.getModifiers())).as(main + ".main is static").isTrue();
        assertThat(launcher.getProperty("main-class")).as("both launchers run the same main class").isEqualTo(appLauncher);
        BufferedImage icon = ImageIO.read(Path.of(launcher.getProperty("icon")).toFile());
        assertThat(icon).as("the launcher's icon is a readable image").isNotNull();
        assertThat(icon.getWidth()).isEqualTo(icon.getHeight());
    }

    @Test
    void theProfileUsesTheLauncherFileAndItsIcon() throws Exception {
        String launcherFile = profileProperties.get("jpackage.launcher");
        assertThat(Path.of(launcherFile)).exists();
        assertThat(appImageArguments).containsSubsequence("--add-launcher", "kadlab=${jpackage.launcher}");
        assertThat(debArguments).containsSubsequence("--add-launcher", "kadlab=${jpackage.launcher}");
        assertThat(appImageArguments).containsSubsequence("--main-class", "${app.launcher}");
        assertThat(profileProperties.get("jpackage.icon")).isEqualTo(launcherProperties().getProperty("icon"));
        assertThat(appImageArguments).containsSubsequence("--icon", "${jpackage.icon}");
    }

    @Test
    void theIconExistsAtEverySizeOnDiskAndInTheJar() throws IOException {
        for (int size : IconArt.SIZES) {
            Path file = Path.of("assets/icons/kadlab-" + size + ".png");
            assertThat(file).exists();
            BufferedImage png = ImageIO.read(file.toFile());
            assertThat(png).as("assets/icons/kadlab-%d.png", size).isNotNull();
            assertThat(png.getWidth()).as("width of kadlab-%d.png", size).isEqualTo(size);
            assertThat(png.getHeight()).as("height of kadlab-%d.png", size).isEqualTo(size);
            URL resource = PackagingTest.class.getResource("/org/kadlab/ui/icons/kadlab-" + size + ".png");
            assertThat(resource).as("the window's icon resource at %d px", size).isNotNull();
        }
    }

    @Test
    void theSvgIsTheDrawingOfThePngs() throws IOException {
        assertThat(Files.readString(Path.of("assets/icons/kadlab.svg"), StandardCharsets.UTF_8))
                .as("kadlab.svg is IconArt's drawing (run IconArt after changing it)").isEqualTo(IconArt.svg());
    }

    @Test
    void theDebScriptsLinkTheCommandWhereThePackageInstallsIt() throws IOException {
        String packageName = debArguments.get(debArguments.indexOf("--linux-package-name") + 1);
        Path resources = Path.of(debArguments.get(debArguments.indexOf("--resource-dir") + 1));
        String command = "/opt/" + packageName + "/bin/kadlab";
        String postinst = Files.readString(resources.resolve("postinst"));
        String prerm = Files.readString(resources.resolve("prerm"));
        assertThat(postinst).contains("DESKTOP_COMMANDS_INSTALL").contains("ln -sf " + command + " /usr/bin/kadlab");
        assertThat(prerm).contains("DESKTOP_COMMANDS_UNINSTALL").contains(command).contains("rm -f /usr/bin/kadlab");
        assertThat(Files.readString(resources.resolve("kadlab.desktop"))).as("the command has no menu entry")
                .contains("NoDisplay=true");
    }

    private static Properties launcherProperties() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(profileProperties.get("jpackage.launcher")))) {
            p.load(in);
        }
        return p;
    }

    private static Element first(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Element e : children(parent)) {
            if (e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().trim();
    }
}
